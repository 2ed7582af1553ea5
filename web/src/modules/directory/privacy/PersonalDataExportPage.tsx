import type { TPersonalDataExport } from '@dircab/contracts';
import { Alert, Anchor, Button, Code, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../app/api/http';
import { ErrorState } from '../../../ui/ErrorState';
import { formatDateTime } from '../../../ui/format';
import { useMe } from '../../../ui/me-context';
import { Panel } from '../../../ui/Panel';
import { TableScroller } from '../../../ui/TableScroller';
import { usePageTitle } from '../../../ui/use-page-title';
import { contactPath, formatPhone } from '../directory-rules';
import './personal-data-print.css';
import { personalDataKey, privacyApi } from './privacy-api';
import { isRelationList, RelationList } from './RelationList';

/** Saves the export as a JSON file (the person may ask for their data in a reusable format). */
function downloadJson(data: TPersonalDataExport) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `donnees-personnelles-${data.contact.id}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** /directory/contacts/:id/export: everything held on one person, readable and printable. */
export function PersonalDataExportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: personalDataKey(id), queryFn: () => privacyApi.personalData(id), retry: false });
  usePageTitle(t('privacy.export.title'));
  const missing = query.error instanceof ApiError && [400, 403, 404].includes(query.error.status);
  if (missing) {
    return (
      <Stack align="flex-start" maw={640}>
        <Title order={1}>{t('privacy.export.title')}</Title>
        <Alert color="gray" role="alert">
          {t('privacy.export.unavailable')}
        </Alert>
      </Stack>
    );
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Text>{t('common.loading')}</Text>;
  return <ExportView data={query.data} />;
}

function ExportView({ data }: { data: TPersonalDataExport }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const when = (iso: string) => formatDateTime(iso, me.organisation.timeZone, i18n.language);
  const c = data.contact;
  const none = t('directory.none');
  // A person's fields or an organisation's: the other kind's are always empty.
  const names: [string, string | null][] =
    c.kind === 'person'
      ? [
          [t('directory.civility'), c.civility],
          [t('privacy.export.firstName'), c.firstName],
          [t('privacy.export.lastName'), c.lastName],
          [t('directory.formOfAddress'), c.formOfAddress],
          [t('directory.jobTitle'), c.jobTitle],
          [t('directory.employer'), c.employer],
        ]
      : [
          [t('privacy.export.orgName'), c.name],
          [t('directory.orgType'), c.orgType ? t(`directory.orgTypes.${c.orgType}`) : null],
          [t('directory.formOfAddress'), c.formOfAddress],
        ];
  const fields: [string, string | null][] = [
    ...names,
    [t('directory.territory'), data.territory],
    [t('directory.tags'), c.tags.join(', ') || null],
    [t('directory.source'), c.source],
    [t('directory.consent'), c.consent ? (c.consentDate ?? t('common.yes')) : t('common.no')],
    [t('directory.confidentiality'), t(`directory.levels.${c.confidentiality}`)],
    [t('privacy.export.createdAt'), when(c.createdAt)],
    [t('privacy.export.lastActivityAt'), when(c.lastActivityAt)],
    [t('privacy.export.anonymisedAt'), c.anonymisedAt ? when(c.anonymisedAt) : null],
  ];

  return (
    <Stack gap="lg" data-print-page>
      <Anchor component={Link} to={contactPath(c.id)} size="sm" data-no-print>
        {t('privacy.export.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('privacy.export.heading', { name: c.displayName })}</Title>
          <Text c="dimmed">
            {t('privacy.export.generated', { organisation: data.organisation.name, date: when(data.generatedAt) })}
          </Text>
        </div>
        <Group data-no-print>
          <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
            {t('privacy.export.print')}
          </Button>
          <Button leftSection={<IconDownload size={18} aria-hidden />} onClick={() => downloadJson(data)}>
            {t('privacy.export.json')}
          </Button>
        </Group>
      </Group>

      <Panel title={t('privacy.export.identity')}>
        <Stack gap={4}>
          {fields.map(([label, value]) => (
            <Text size="sm" key={label}>
              <Text span fw={600}>
                {label} :
              </Text>{' '}
              {value || none}
            </Text>
          ))}
        </Stack>
      </Panel>

      <Panel title={t('directory.coordinates')}>
        <Stack gap={4}>
          <Text size="sm">
            <Text span fw={600}>
              {t('directory.emails')} :
            </Text>{' '}
            {c.emails.map((e) => e.email).join(', ') || none}
          </Text>
          <Text size="sm">
            <Text span fw={600}>
              {t('directory.phones')} :
            </Text>{' '}
            {c.phones.map((p) => formatPhone(p.number)).join(', ') || none}
          </Text>
          <Text size="sm">
            <Text span fw={600}>
              {t('directory.addresses')} :
            </Text>{' '}
            {c.addresses
              .map((a) => [a.line1, a.line2, `${a.postcode} ${a.city}`, a.country].filter(Boolean).join(', '))
              .join(' ; ') || none}
          </Text>
        </Stack>
      </Panel>

      <Panel title={t('directory.notes')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.notes || none}
        </Text>
      </Panel>

      <Panel title={t('privacy.export.mandates')}>
        {data.mandates.length === 0 ? (
          <Text size="sm">{none}</Text>
        ) : (
          <List size="sm">
            {data.mandates.map((m) => (
              <List.Item key={m.id}>
                {[
                  m.label ?? m.function,
                  m.collectivityName ?? m.bodyName,
                  periodOf(m.startDate, m.endDate, t, i18n.language),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </List.Item>
            ))}
          </List>
        )}
        {data.official && (
          <Stack gap={4} mt="sm">
            <Text size="sm">
              <Text span fw={600}>
                {t('privacy.export.portfolios')} :
              </Text>{' '}
              {data.official.portfolios.join(', ') || none}
            </Text>
            {data.official.politicalGroup && (
              <Text size="sm">
                <Text span fw={600}>
                  {t('privacy.export.group')} :
                </Text>{' '}
                {data.official.politicalGroup.name}
              </Text>
            )}
            <Text size="sm">
              <Text span fw={600}>
                {t('privacy.export.account')} :
              </Text>{' '}
              {data.official.linkedToUserAccount ? t('common.yes') : t('common.no')}
            </Text>
          </Stack>
        )}
      </Panel>

      <Panel title={t('privacy.export.identities')}>
        {data.identities.length === 0 ? (
          <Text size="sm">{none}</Text>
        ) : (
          <List size="sm">
            {data.identities.map((i) => (
              <List.Item key={`${i.source}-${i.key}`}>
                {i.source} : <Code>{i.key}</Code>
              </List.Item>
            ))}
          </List>
        )}
      </Panel>

      {data.sources.map((s) => (
        <Panel key={s.key} title={t(`privacy.export.sources.${s.key}`, { defaultValue: s.key })}>
          {s.key === 'relations' && isRelationList(s.data) ? (
            <RelationList relations={s.data} />
          ) : (
            <Code block>{JSON.stringify(s.data, null, 2)}</Code>
          )}
        </Panel>
      ))}

      <Panel title={t('privacy.export.audit')}>
        {data.auditTruncated && <Text size="sm">{t('privacy.export.auditTruncated')}</Text>}
        <TableScroller label={t('privacy.export.auditTable')} minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('privacy.export.when')}</Table.Th>
                <Table.Th scope="col">{t('privacy.export.what')}</Table.Th>
                <Table.Th scope="col">{t('privacy.export.who')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.audit.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(a.at)}</Table.Td>
                  <Table.Td>{t(`audit.actions.${a.action}`, { defaultValue: a.action })}</Table.Td>
                  <Table.Td>{a.actorName ?? t('privacy.export.system')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroller>
      </Panel>
    </Stack>
  );
}

/** A calendar date (YYYY-MM-DD) as the reader writes it: 04/07/2020 in French. */
function day(iso: string, language: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'UTC' }).format(date);
}

function periodOf(start: string | null, end: string | null, t: TFunction, language: string) {
  if (start && end) return t('privacy.export.period', { start: day(start, language), end: day(end, language) });
  if (start) return t('privacy.export.since', { start: day(start, language) });
  return '';
}
