import type { TAssembledBrief, TEvent } from '@dircab/contracts';
import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { useMe } from '../../../ui/me-context';
import { usePageTitle } from '../../../ui/use-page-title';
import { htmlToText } from '../briefs/brief-text';
import { assembledBriefKey, briefPath, briefsApi } from '../briefs/briefs-api';
import { formatLongDay, formatTime, mapHref, nextDay, telHref, todayIn } from '../invitations/agenda-time';
import { useOfficialChoices } from '../invitations/use-delegates';
import { todayApi, todayEventsKey } from './today-api';

/**
 * The official's phone: their next events of today and tomorrow, each with the brief's
 * essentials, one tap to call the organiser, to open the place on a map, or the full brief.
 * Made for a 375 px wide screen. Someone who is no official (the secretariat) picks whose day.
 */
export function TodayPage() {
  const { t } = useTranslation();
  const me = useMe();
  const today = todayIn(me.organisation.timeZone);
  const tomorrow = nextDay(today);
  const choices = useOfficialChoices(today);
  const mine = choices.all.find((o) => o.userId === me.user.id);
  const [picked, setPicked] = useState<string | null>(null);
  const officialId = mine?.id ?? picked;
  usePageTitle(t('agendaToday.title'));
  const events = useQuery({
    queryKey: todayEventsKey(officialId ?? '', today, tomorrow),
    queryFn: () => todayApi.events(officialId ?? '', today, tomorrow),
    enabled: Boolean(officialId),
    refetchInterval: 5 * 60_000,
  });
  // What is over is gone: the next events only.
  const now = Date.now();
  const next = (events.data?.data ?? []).filter((e) => Date.parse(e.end) > now);
  const byDay = (day: string) =>
    next.filter(
      (e) => todayIn(me.organisation.timeZone, new Date(e.start)) === day || (e.allDay && e.startDate === day),
    );
  return (
    <Stack gap="md" maw={480}>
      <Title order={1}>{t('agendaToday.title')}</Title>
      {!mine && (
        <Select
          label={t('agendaToday.whose')}
          data={choices.all.map((o) => ({ value: o.id, label: o.displayName }))}
          value={picked}
          onChange={setPicked}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {choices.query.isSuccess && !officialId && !mine && <Text size="sm">{t('agendaToday.pick')}</Text>}
      {events.isError && <ErrorState error={events.error} onRetry={() => void events.refetch()} />}
      {officialId &&
        events.isSuccess &&
        (
          [
            ['today', today],
            ['tomorrow', tomorrow],
          ] as const
        ).map(([key, day]) => <DayEvents key={key} heading={t(`agendaToday.${key}`)} day={day} events={byDay(day)} />)}
      <Anchor component={Link} to="/agenda?view=list" size="sm">
        {t('agendaToday.fullAgenda')}
      </Anchor>
    </Stack>
  );
}

function DayEvents({ heading, day, events }: { heading: string; day: string; events: TEvent[] }) {
  const { t, i18n } = useTranslation();
  const timeZone = useMe().organisation.timeZone;
  const briefs = useQueries({
    queries: events
      .filter((e) => !e.busy)
      .map((e) => ({
        queryKey: assembledBriefKey(e.id),
        queryFn: () => briefsApi.assembled(e.id),
        retry: false,
        staleTime: 60_000,
      })),
  });
  const briefOf = (id: string) => briefs.find((b) => b.data?.event.id === id)?.data;
  return (
    <Stack gap="xs" component="section" aria-label={heading}>
      <Title order={2} size="h3">
        {heading} · {formatLongDay(`${day}T12:00:00Z`, 'UTC', i18n.language)}
      </Title>
      {events.length === 0 ? (
        <Text size="sm">{t('agendaToday.nothing')}</Text>
      ) : (
        events.map((e) => <EventCard key={`${e.id}-${e.start}`} event={e} brief={briefOf(e.id)} timeZone={timeZone} />)
      )}
    </Stack>
  );
}

function EventCard({
  event,
  brief,
  timeZone,
}: {
  event: TEvent;
  brief: TAssembledBrief | undefined;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const hours = event.allDay
    ? t('agendaToday.allDay')
    : `${formatTime(event.start, timeZone, i18n.language)} – ${formatTime(event.end, timeZone, i18n.language)}`;
  // The organiser is the contact of the event the cabinet can call (an invitation's sender).
  const organiser = brief?.attendees.find((a) => a.kind === 'contact' && a.phone);
  const talkingPoints = brief ? htmlToText(brief.brief.talkingPoints) : '';
  return (
    <Card withBorder padding="sm" component="article" aria-label={`${hours} ${event.title}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700}>{hours}</Text>
          {brief && (
            <Badge
              variant={brief.brief.status === 'validated' ? 'filled' : 'outline'}
              color={brief.brief.status === 'validated' ? 'teal.9' : 'gray.8'}
            >
              {t(`agendaBriefs.statuses.${brief.brief.status}`)}
            </Badge>
          )}
        </Group>
        <Title order={3} size="h4">
          {event.title}
        </Title>
        {event.representing && (
          <Text size="sm" fw={700}>
            {event.representing.label}
          </Text>
        )}
        {event.place && (
          <Text size="sm">
            {event.place.label}
            {event.place.address && ` · ${event.place.address}`}
          </Text>
        )}
        {brief && (
          <Stack gap={2}>
            {talkingPoints && (
              <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>
                {talkingPoints}
              </Text>
            )}
            {brief.brief.driver && <Text size="sm">{t('agendaToday.driver', { driver: brief.brief.driver })}</Text>}
            {brief.brief.gift && <Text size="sm">{t('agendaToday.gift', { gift: brief.brief.gift })}</Text>}
          </Stack>
        )}
        {!event.busy && (
          <Group gap="xs" grow>
            {organiser?.phone && (
              <Button
                component="a"
                href={telHref(organiser.phone)}
                size="md"
                aria-label={t('agendaToday.callNamed', { name: organiser.displayName })}
              >
                {t('agendaToday.call')}
              </Button>
            )}
            {event.place && (
              <Button
                component="a"
                href={mapHref(event.place)}
                target="_blank"
                rel="noopener noreferrer"
                size="md"
                variant="default"
                aria-label={t('agendaToday.mapNamed', { place: event.place.label })}
              >
                {t('agendaToday.map')}
              </Button>
            )}
            <Button
              component={Link}
              to={briefPath(event.id)}
              size="md"
              variant="default"
              aria-label={t('agendaToday.briefNamed', { title: event.title })}
            >
              {t('agendaToday.brief')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
