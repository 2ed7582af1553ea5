import type { TEvent } from '@dircab/contracts';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { useMe } from '../../../ui/me-context';
import { usePageTitle } from '../../../ui/use-page-title';
import { agendaApi, eventsKey } from '../agenda-api';
import { isDay } from '../calendar/calendar-period';
import { eventsOf, eventsOn } from '../calendar/event-layout';
import { defaultOfficialId, useAgendaOfficials } from '../calendar/use-agenda-officials';
import { addDays, daysOf, formatDay, formatTime, todayIn, weekStart } from '../calendar/zoned-time';
import './print-week.css';
import { BusyIndicator } from '../../../ui/BusyIndicator';

/**
 * A week of one or several officials laid out for paper (/agenda/print?week=&officials=): one
 * table per official, a row per event, private slots as « Occupé »; the print stylesheet
 * leaves the application's frame off the page.
 */
export function PrintWeekPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const timeZone = me.organisation.timeZone;
  const today = todayIn(timeZone);
  const [params] = useSearchParams();
  const week = weekStart(isDay(params.get('week')) ? (params.get('week') as string) : today);
  const end = addDays(week, 6);
  const officials = useAgendaOfficials();
  const fallback = defaultOfficialId(officials.data ?? [], { userId: me.user.id, role: me.role }, today);
  const requested = (params.get('officials') ?? '').split(',').filter(Boolean);
  const shown = requested.length > 0 ? requested : fallback ? [fallback] : [];
  const events = useQuery({
    queryKey: eventsKey(week, end, shown),
    queryFn: () => agendaApi.events(week, end, shown),
    enabled: shown.length > 0,
  });
  const nameOf = (id: string) => officials.data?.find((o) => o.id === id)?.displayName ?? '…';
  const range = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatRange(new Date(`${week}T12:00:00Z`), new Date(`${end}T12:00:00Z`));
  usePageTitle(t('agenda.print.title', { range }));

  return (
    <Stack gap="md">
      <Group justify="space-between" className="agenda-print-actions">
        <Button
          component={Link}
          to={`/agenda?view=week&date=${week}${requested.length ? `&officials=${requested.join(',')}` : ''}`}
          variant="default"
          leftSection={<IconArrowLeft size={16} />}
        >
          {t('agenda.print.back')}
        </Button>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
          {t('agenda.print.print')}
        </Button>
      </Group>
      <Title order={1}>{t('agenda.print.title', { range })}</Title>
      <Text size="sm">{t('agenda.print.zone', { zone: timeZone, organisation: me.organisation.name })}</Text>
      {events.isError && <ErrorState error={events.error} onRetry={() => events.refetch()} />}
      {events.isPending && shown.length > 0 && <BusyIndicator />}
      {events.data &&
        shown.map((officialId) => (
          <section key={officialId} className="agenda-print-official" aria-labelledby={`print-${officialId}`}>
            <Title order={2} size="h3" id={`print-${officialId}`} mb="xs">
              {nameOf(officialId)}
            </Title>
            <OfficialWeek days={daysOf(week, end)} events={eventsOf(events.data, officialId)} timeZone={timeZone} />
          </section>
        ))}
    </Stack>
  );
}

function OfficialWeek({ days, events, timeZone }: { days: string[]; events: TEvent[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="agenda-print-table">
      <thead>
        <tr>
          <th scope="col" style={{ width: '16%' }}>
            {t('agenda.print.day')}
          </th>
          <th scope="col" style={{ width: '12%' }}>
            {t('agenda.print.time')}
          </th>
          <th scope="col">{t('agenda.print.event')}</th>
          <th scope="col" style={{ width: '14%' }}>
            {t('agenda.print.kind')}
          </th>
          <th scope="col" style={{ width: '22%' }}>
            {t('agenda.print.place')}
          </th>
        </tr>
      </thead>
      {days.map((day) => {
        const list = eventsOn(events, day, timeZone);
        const label = formatDay(day, i18n.language, { weekday: 'long', day: 'numeric', month: 'long' });
        return (
          <tbody key={day} className="agenda-print-day">
            {list.length === 0 ? (
              <tr>
                <th scope="row">{label}</th>
                <td colSpan={4}>
                  <Text size="sm" c="dimmed">
                    {t('agenda.print.nothing')}
                  </Text>
                </td>
              </tr>
            ) : (
              list.map((event, i) => (
                <tr key={`${event.id}-${event.recurrenceId}`}>
                  {i === 0 && (
                    <th scope="row" rowSpan={list.length}>
                      {label}
                    </th>
                  )}
                  <td>
                    {event.allDay
                      ? t('agenda.allDay')
                      : `${formatTime(event.start, timeZone, i18n.language)} – ${formatTime(event.end, timeZone, i18n.language)}`}
                  </td>
                  <td>
                    <strong>{event.title}</strong>
                    {event.representing && <div>{event.representing.label}</div>}
                  </td>
                  <td>{event.kind ? t(`agenda.kinds.${event.kind}`) : t('agenda.busy')}</td>
                  <td>{event.place ? [event.place.label, event.place.address].filter(Boolean).join(', ') : ''}</td>
                </tr>
              ))
            )}
          </tbody>
        );
      })}
    </table>
  );
}
