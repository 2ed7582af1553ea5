import { EVENT_KINDS, type TEvent, type TEventKind } from '@dircab/contracts';
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useHotkeys, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BusyIndicator } from '../../../ui/BusyIndicator';
import { ErrorState } from '../../../ui/ErrorState';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { usePageTitle } from '../../../ui/use-page-title';
import { agendaApi, eventsKey } from '../agenda-api';
import { EventFormModal, type EventFormTarget } from '../event-form/EventFormModal';
import { CalendarToolbar } from './CalendarToolbar';
import { type CalendarView, isDay, isView, periodOf, shiftDate } from './calendar-period';
import { canPlanEvents } from './calendar-rules';
import { EventDetailsModal } from './EventDetailsModal';
import { KIND_COLOURS } from './event-style';
import { ListView } from './ListView';
import { MonthView } from './MonthView';
import { MoveEventModal } from './MoveEventModal';
import { TimeGridView } from './TimeGridView';
import { defaultOfficialId, useAgendaOfficials } from './use-agenda-officials';
import { useMoveEvent } from './use-move-event';
import { capitalise, daysOf, formatDay, instantOf, todayIn, wallClock, weekStart } from './zoned-time';

/**
 * The calendar of one official, or several side by side (day, week, month, list), in the
 * organisation's time zone. Its state lives in the address (?view=&date=&officials=) so a
 * secretary can send the link to a week.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const timeZone = me.organisation.timeZone;
  const today = todayIn(timeZone);
  const [params, setParams] = useSearchParams();
  // A phone reads a list; a desk plans on the week.
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const view: CalendarView = isView(params.get('view'))
    ? (params.get('view') as CalendarView)
    : narrow
      ? 'list'
      : 'week';
  const date = isDay(params.get('date')) ? (params.get('date') as string) : today;
  const officials = useAgendaOfficials();
  const fallback = defaultOfficialId(officials.data ?? [], { userId: me.user.id, role: me.role }, today);
  const officialIds = (params.get('officials') ?? '').split(',').filter(Boolean);
  const shown = officialIds.length > 0 ? officialIds : fallback ? [fallback] : [];
  const period = periodOf(view, date);
  const events = useQuery({
    queryKey: eventsKey(period.from, period.to, shown),
    queryFn: () => agendaApi.events(period.from, period.to, shown),
    enabled: shown.length > 0,
    placeholderData: (previous) => previous,
  });
  const [opened, setOpened] = useState<TEvent | null>(null);
  const [moving, setMoving] = useState<TEvent | null>(null);
  const [formTarget, setFormTarget] = useState<EventFormTarget | null>(null);
  const move = useMoveEvent();
  const nameOf = useMemo(() => {
    const names = new Map((officials.data ?? []).map((o) => [o.id, o.displayName]));
    return (id: string) => names.get(id);
  }, [officials.data]);
  usePageTitle(t('agenda.title'));

  const navigate = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const setView = (v: CalendarView) => navigate({ view: v });
  const openDay = (day: string) => navigate({ view: 'day', date: day });
  const create = (day = view === 'day' ? date : today, minutes?: number, officialId?: string) => {
    const nextHour = Math.min(23, Math.floor(wallClock(Date.now(), timeZone).minutes / 60) + 1) * 60;
    setFormTarget({
      defaults: { day, minutes: minutes ?? nextHour, officialIds: officialId ? [officialId] : shown.slice(0, 1) },
    });
  };
  const canCreate = canPlanEvents(me.role);
  // Single-key shortcuts as in the common calendars; none while a dialog is open over the page.
  const idle = (action: () => void) => () => {
    if (!opened && !moving && !formTarget) action();
  };
  useHotkeys([
    ['t', idle(() => navigate({ date: null }))],
    ['j', idle(() => navigate({ date: shiftDate(view, date, 1) }))],
    ['k', idle(() => navigate({ date: shiftDate(view, date, -1) }))],
    ['d', idle(() => setView('day'))],
    ['w', idle(() => setView('week'))],
    ['m', idle(() => setView('month'))],
    ['l', idle(() => setView('list'))],
    ['c', idle(() => canCreate && create())],
  ]);

  const editEvent = async (event: TEvent, scope: 'this' | 'series') => {
    setOpened(null);
    const defaults = { day: today, minutes: 9 * 60, officialIds: event.officialIds };
    if (scope === 'this') {
      setFormTarget({ event, occurrence: event.seriesId === event.id ? event.recurrenceId : null, defaults });
      return;
    }
    // The series is edited from its own first occurrence, its rule and removed dates included.
    try {
      const series = await agendaApi.event(event.seriesId ?? event.id);
      setFormTarget({ event: series, occurrence: null, defaults });
    } catch (error) {
      notify('red', problemMessage(error, t));
    }
  };

  const columns = shown.map((id) => ({ officialId: id, name: nameOf(id) ?? '…' }));
  const list = events.data ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1}>{t('agenda.title')}</Title>
        {events.isFetching && <BusyIndicator size="sm" />}
      </Group>
      <CalendarToolbar
        view={view}
        periodLabel={capitalise(periodLabel(view, date, period, i18n.language))}
        officialOptions={(officials.data ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
        officialIds={shown}
        week={weekStart(date)}
        canCreate={canCreate}
        onView={setView}
        onShift={(step) => navigate({ date: shiftDate(view, date, step) })}
        onToday={() => navigate({ date: null })}
        onOfficials={(ids) => navigate({ officials: ids.join(',') })}
        onCreate={() => create()}
      />
      <KindLegend />
      {officials.isError && <ErrorState error={officials.error} onRetry={() => officials.refetch()} />}
      {events.isError && <ErrorState error={events.error} onRetry={() => events.refetch()} />}
      {officials.isSuccess && shown.length === 0 && <Text c="dimmed">{t('agenda.noOfficial')}</Text>}
      {(view === 'day' || view === 'week') && (
        <TimeGridView
          days={daysOf(period.from, period.to)}
          officials={columns}
          events={list}
          timeZone={timeZone}
          onOpen={setOpened}
          onOpenDay={view === 'week' ? openDay : undefined}
          onMove={(event, day, minutes) =>
            move.mutate({ event, start: instantOf(day, Math.max(0, Math.min(minutes, 24 * 60 - 15)), timeZone) })
          }
          onCreateAt={canCreate ? create : undefined}
        />
      )}
      {view === 'month' && (
        <MonthView
          from={period.from}
          to={period.to}
          month={date}
          events={list}
          timeZone={timeZone}
          onOpen={setOpened}
          onOpenDay={openDay}
        />
      )}
      {view === 'list' && (
        <ListView
          from={period.from}
          to={period.to}
          events={list}
          timeZone={timeZone}
          officialName={nameOf}
          onOpen={setOpened}
        />
      )}
      <Text size="xs" c="dimmed">
        {t('agenda.zoneNote', { zone: timeZone })} {t('agenda.shortcuts')}
      </Text>
      <EventDetailsModal
        event={opened}
        timeZone={timeZone}
        officialName={nameOf}
        events={list}
        onClose={() => setOpened(null)}
        onEdit={editEvent}
        onMove={(event) => {
          setOpened(null);
          setMoving(event);
        }}
      />
      <MoveEventModal event={moving} onClose={() => setMoving(null)} onMove={(request) => move.mutate(request)} />
      <EventFormModal target={formTarget} timeZone={timeZone} onClose={() => setFormTarget(null)} />
    </Stack>
  );
}

/** « 23 – 29 novembre 2026 », « lundi 23 novembre 2026 », « novembre 2026 ». */
function periodLabel(view: CalendarView, date: string, period: { from: string; to: string }, language: string): string {
  if (view === 'day')
    return formatDay(date, language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  if (view !== 'week') return formatDay(date, language, { month: 'long', year: 'numeric' });
  const f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return f.formatRange(new Date(`${period.from}T12:00:00Z`), new Date(`${period.to}T12:00:00Z`));
}

/** The colours' meaning, in words beside them. */
function KindLegend() {
  const { t } = useTranslation();
  return (
    <Group gap={6} aria-label={t('agenda.legend')} role="list">
      {EVENT_KINDS.map((k) => (
        <Badge key={k} role="listitem" variant="outline" color="gray.8" leftSection={<KindSwatch kind={k} />}>
          {t(`agenda.kinds.${k}`)}
        </Badge>
      ))}
    </Group>
  );
}

function KindSwatch({ kind }: { kind: TEventKind }) {
  const colour = KIND_COLOURS[kind];
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: 2,
        background: `var(--mantine-color-${colour}-7)`,
      }}
    />
  );
}
