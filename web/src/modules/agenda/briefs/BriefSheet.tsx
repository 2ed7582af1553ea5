import type { TAssembledBrief } from '@dircab/contracts';
import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay, itemPath } from '../../correspondence/correspondence-rules';
import { formatWhen, mapHref, telHref } from '../invitations/agenda-time';
import { htmlToText } from './brief-text';

interface Props {
  assembled: TAssembledBrief;
  timeZone: string;
  /** The page's own title level: the print view is the page, the editor shows it as a section. */
  headingOrder?: 1 | 2;
}

function Section({ title, children, order }: { title: string; children: React.ReactNode; order: 2 | 3 }) {
  return (
    <Stack gap={4} component="section">
      <Title order={order} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The brief as the official reads it: one A4 page when printed. */
export function BriefSheet({ assembled, timeZone, headingOrder = 1 }: Props) {
  const { t, i18n } = useTranslation();
  const { event, brief } = assembled;
  const sub = headingOrder === 1 ? 2 : 3;
  const text = (html: string) => htmlToText(html) || t('agendaBriefs.none');
  return (
    <Stack gap="sm" className="brief-sheet">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('agendaBriefs.sheetTitle')}
          </Text>
          <Title order={headingOrder}>{event.title}</Title>
        </Stack>
        <Badge
          variant={brief.status === 'validated' ? 'filled' : 'outline'}
          color={brief.status === 'validated' ? 'teal.9' : 'gray.8'}
        >
          {t(`agendaBriefs.statuses.${brief.status}`)}
        </Badge>
      </Group>
      {brief.validatedAt && (
        <Text size="sm">
          {t('agendaBriefs.validatedOn', { date: formatDay(brief.validatedAt.slice(0, 10), i18n.language) })}
        </Text>
      )}
      <Text fw={500}>{formatWhen(event, timeZone, i18n.language)}</Text>
      {event.representing && <Text fw={700}>{event.representing.label}</Text>}
      {event.place && (
        <Text size="sm">
          {event.place.label}
          {event.place.address && ` · ${event.place.address}`} ·{' '}
          <Anchor href={mapHref(event.place)} target="_blank" rel="noopener noreferrer">
            {t('agendaBriefs.map')}
          </Anchor>
        </Text>
      )}
      <Section title={t('agendaBriefs.officials')} order={sub}>
        <Text size="sm">
          {assembled.officials.map((o) => [o.displayName, ...o.details].filter(Boolean).join(', ')).join(' · ') ||
            t('agendaBriefs.none')}
        </Text>
      </Section>
      <Section title={t('agendaBriefs.attendees')} order={sub}>
        {assembled.attendees.length === 0 ? (
          <Text size="sm">{t('agendaBriefs.none')}</Text>
        ) : (
          <List size="sm" spacing={4}>
            {assembled.attendees.map((a) => (
              <List.Item key={`${a.kind}-${a.id}`}>
                <Text size="sm" span fw={500}>
                  {a.displayName}
                </Text>
                {a.details.length > 0 && <Text size="sm" span>{` — ${a.details.join(', ')}`}</Text>}
                {a.phone && (
                  <>
                    {' · '}
                    <Anchor size="sm" href={telHref(a.phone)}>
                      {a.phone}
                    </Anchor>
                  </>
                )}
                {a.history.length > 0 && (
                  <Text size="xs">
                    {t('agendaBriefs.history')} :{' '}
                    {a.history.map((h) => `${formatDay(h.at.slice(0, 10), i18n.language)} ${h.title}`).join(' ; ')}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      {assembled.territory && (
        <Section title={t('agendaBriefs.openRequests', { territory: assembled.territory.name })} order={sub}>
          {assembled.openRequests.length === 0 ? (
            <Text size="sm">{t('agendaBriefs.noOpenRequests')}</Text>
          ) : (
            <List size="sm" spacing={2}>
              {assembled.openRequests.map((r) => (
                <List.Item key={r.id}>
                  <Anchor component={Link} to={itemPath(r.id)} size="sm">
                    {r.registrationNumber}
                  </Anchor>{' '}
                  {r.subject} — {r.senderName}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      )}
      <Section title={t('agendaBriefs.fields.talkingPoints')} order={sub}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {text(brief.talkingPoints)}
        </Text>
      </Section>
      <Section title={t('agendaBriefs.logistics')} order={sub}>
        <Text size="sm">
          {t('agendaBriefs.fields.driver')} : {brief.driver || t('agendaBriefs.none')} · {t('agendaBriefs.fields.gift')}{' '}
          : {brief.gift || t('agendaBriefs.none')}
        </Text>
        {brief.logistics && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {htmlToText(brief.logistics)}
          </Text>
        )}
      </Section>
      <Section title={t('agendaBriefs.fields.protocolRemarks')} order={sub}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {text(brief.protocolRemarks)}
        </Text>
      </Section>
    </Stack>
  );
}
