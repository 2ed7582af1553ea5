import { MAX_EVENT_DAYS, MAX_PERIOD_DAYS, type TEvent } from '@dircab/contracts';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { localDate } from '../../../platform/calendar/working-days';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { agendaEventOfficials, agendaEvents } from '../agenda.schema';
import type { OfficialsIndex } from '../officials-index';
import { type Occurrence, occurrenceOfRow, presentOccurrence } from '../present-event';
import { occurrenceStarts } from '../recurrence';
import { addDays, daysBetween, startOfDay } from '../zoned-time';
import { computeConflicts } from './event-conflicts';
import { type EventRow, selectEvents } from './event-rows';

export interface Period {
  from: Date;
  to: Date;
}

/** The instants of a period of days (inclusive) in the organisation's zone; 400 beyond three months. */
export function periodOf(from: string, to: string, timeZone: string): Period {
  if (to < from) {
    throw problems.badRequest('La période est invalide.', [
      { path: 'to', message: 'La fin de la période précède son début.', code: 'end_before_start' },
    ]);
  }
  if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) {
    throw problems.badRequest('La période est trop longue.', [
      { path: 'to', message: `Une période couvre au plus ${MAX_PERIOD_DAYS} jours.`, code: 'too_long' },
    ]);
  }
  return { from: startOfDay(from, timeZone), to: startOfDay(addDays(to, 1), timeZone) };
}

const LOOKBACK = sql.raw(`interval '${MAX_EVENT_DAYS} days'`);

/**
 * Rows that may have an occurrence in the period: single events (and overrides) overlapping
 * it, read by their start from the period's start less the longest event (so the index range
 * stays a period, not the years before it), and the series started before its end. With
 * officials, through agenda_event_officials_week_idx and its series twin.
 */
export async function rowsInPeriod(
  db: Queryable,
  actor: Actor,
  period: Period,
  officialIds?: string[],
): Promise<EventRow[]> {
  const { from, to } = period;
  const e = agendaEvents;
  const seriesAlive = sql`(${e.seriesEndsAt} is null or ${e.seriesEndsAt} > ${from})`;
  if (officialIds && officialIds.length > 0) {
    const eo = agendaEventOfficials;
    const ids = sql`array[${sql.join(
      officialIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}]`;
    const onAgenda = sql`${e.id} in (select ${eo.eventId} from ${eo} where ${eo.orgId} = ${actor.orgId}
      and ${eo.officialId} = any(${ids})
      and ((not ${eo.recurring} and ${eo.startsAt} >= ${from}::timestamptz - ${LOOKBACK}
            and ${eo.startsAt} < ${to} and ${eo.endsAt} > ${from})
        or (${eo.recurring} and ${eo.startsAt} < ${to})))`;
    return selectEvents(db, and(eq(e.orgId, actor.orgId), sql`not ${e.cancelled}`, onAgenda, seriesAlive) as SQL);
  }
  return selectEvents(
    db,
    and(
      eq(e.orgId, actor.orgId),
      sql`not ${e.cancelled}`,
      sql`((${e.rrule} is null and ${e.startsAt} >= ${from}::timestamptz - ${LOOKBACK}
            and ${e.startsAt} < ${to} and ${e.endsAt} > ${from})
        or (${e.rrule} is not null and ${e.startsAt} < ${to} and ${seriesAlive}))`,
    ) as SQL,
  );
}

/** Overrides (moved or cancelled occurrences) of these series whose original start falls near the period. */
async function overridesOf(db: Queryable, actor: Actor, seriesIds: string[], period: Period) {
  if (seriesIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ seriesId: agendaEvents.seriesId, recurrenceId: agendaEvents.recurrenceId })
    .from(agendaEvents)
    .where(
      and(
        eq(agendaEvents.orgId, actor.orgId),
        inArray(agendaEvents.seriesId, seriesIds),
        sql`${agendaEvents.recurrenceId} >= ${period.from}::timestamptz - ${LOOKBACK}`,
        sql`${agendaEvents.recurrenceId} < ${period.to}`,
      ),
    );
  return new Set(rows.map((r) => `${r.seriesId}|${r.recurrenceId?.getTime()}`));
}

/** A series' occurrences overlapping the period, less its EXDATEs and overridden occurrences. */
export function expandSeries(row: EventRow, period: Period, overridden: Set<string>): Occurrence[] {
  if (!row.rrule) return [occurrenceOfRow(row)];
  const duration = row.endsAt.getTime() - row.startsAt.getTime();
  const spanDays = row.allDay && row.startDate && row.endDate ? daysBetween(row.startDate, row.endDate) : 0;
  const excluded = new Set(row.exdates.map((d) => d.getTime()));
  const starts = occurrenceStarts(
    row.rrule,
    row.startsAt,
    row.timeZone,
    new Date(period.from.getTime() - duration),
    period.to,
  );
  const out: Occurrence[] = [];
  for (const start of starts) {
    if (excluded.has(start.getTime()) || overridden.has(`${row.id}|${start.getTime()}`)) continue;
    const startDate = row.allDay ? localDate(start, row.timeZone) : null;
    const endDate = startDate ? addDays(startDate, spanDays) : null;
    const end = endDate ? startOfDay(addDays(endDate, 1), row.timeZone) : new Date(start.getTime() + duration);
    if (end <= period.from) continue;
    out.push({ row, start, end, startDate, endDate, seriesId: row.id, recurrenceId: start });
  }
  return out;
}

/** Every occurrence in the period, on the officials' agendas (all when none is named), by start. */
export async function occurrencesInPeriod(
  db: Queryable,
  actor: Actor,
  period: Period,
  officialIds?: string[],
): Promise<Occurrence[]> {
  const rows = await rowsInPeriod(db, actor, period, officialIds);
  const series = rows.filter((r) => r.rrule);
  const overridden = await overridesOf(
    db,
    actor,
    series.map((r) => r.id),
    period,
  );
  const occurrences = rows.flatMap((row) => expandSeries(row, period, overridden));
  return occurrences.sort(compareOccurrences);
}

export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return (
    a.start.getTime() - b.start.getTime() ||
    a.row.id.localeCompare(b.row.id) ||
    (a.recurrenceId?.getTime() ?? 0) - (b.recurrenceId?.getTime() ?? 0)
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The agendas of a period (one official's or several side by side), occurrences expanded,
 * each with its conflicts, paged by (start, id, occurrence). The period is at most three
 * months, so the expansion is bounded; the cursor pages through it.
 */
export async function findEvents(
  db: Queryable,
  actor: Actor,
  query: { from: string; to: string; officialIds?: string[] | undefined; limit: number; cursor?: string | undefined },
  context: { timeZone: string; officials: OfficialsIndex; travelMinutes: number },
): Promise<{ data: TEvent[]; nextCursor: string | null }> {
  const period = periodOf(query.from, query.to, context.timeZone);
  const occurrences = await occurrencesInPeriod(db, actor, period, query.officialIds);
  const conflicts = computeConflicts(occurrences, context.travelMinutes);
  let start = 0;
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['s', 'id', 'r']);
    if (!UUID.test(c.id) || Number.isNaN(Number(c.s)) || Number.isNaN(Number(c.r))) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    const after = { s: Number(c.s), id: c.id, r: Number(c.r) };
    start = occurrences.findIndex(
      (o) =>
        (o.start.getTime() - after.s ||
          o.row.id.localeCompare(after.id) ||
          (o.recurrenceId?.getTime() ?? 0) - after.r) > 0,
    );
    if (start < 0) start = occurrences.length;
  }
  const page = occurrences.slice(start, start + query.limit);
  const last = page.at(-1);
  return {
    data: page.map((o) => presentOccurrence(actor, o, context.officials, conflicts.get(o))),
    nextCursor:
      start + query.limit < occurrences.length && last
        ? encodeCursor({ s: last.start.getTime(), id: last.row.id, r: last.recurrenceId?.getTime() ?? 0 })
        : null,
  };
}
