import { and, eq, type SQL } from 'drizzle-orm';
import { localDate } from '../../../platform/calendar/working-days';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { eventPolicy, seesEventDetails } from '../agenda.policy';
import { agendaEvents } from '../agenda.schema';
import type { AgendaContext } from '../agenda-context';
import { eventRecordOf } from '../present-event';
import { type EventRow, findEventRow, selectEvents } from '../queries/event-rows';
import { occurrenceStarts } from '../recurrence';
import { addDays, daysBetween, instantOfWallClock, startOfDay, wallClockOf } from '../zoned-time';
import { writeOfficialRows } from './event-writes';

/**
 * The event an actor changes, locked: 404 when it is not the organisation's or the actor only
 * sees it as busy (a private slot is not theirs to know), 403 when they see it but may not act.
 */
export async function writableEvent(
  tx: Queryable,
  actor: Actor,
  id: string,
  context: AgendaContext,
  action: 'update' | 'delete' | 'move',
): Promise<EventRow> {
  const row = await findEventRow(tx, actor, id, true);
  if (!row) throw problems.notFound();
  const record = eventRecordOf(row, context.officials);
  if (!seesEventDetails(actor, record)) throw problems.notFound();
  if (!eventPolicy.can(actor, action, record)) throw problems.forbidden();
  return row;
}

const badOccurrence = (message: string) =>
  problems.badRequest('L’occurrence est invalide.', [{ path: 'occurrence', message, code: 'invalid_occurrence' }]);

/** The original start an `occurrence` parameter names: an instant, or a day (at the series' time). */
export function occurrenceInstant(series: EventRow, occurrence: string): Date {
  if (occurrence.length !== 10) return new Date(occurrence);
  if (series.allDay) return startOfDay(occurrence, series.timeZone);
  const timeOfDay = wallClockOf(series.startsAt, series.timeZone) % 86_400_000;
  return instantOfWallClock(Date.parse(`${occurrence}T00:00:00Z`) + timeOfDay, series.timeZone);
}

/**
 * The override row of one occurrence of a series (RECURRENCE-ID), created as a copy of the
 * series when the occurrence is first changed: moving, editing or cancelling one occurrence
 * leaves the others alone. 400 when the series has no such occurrence.
 */
export async function overrideOccurrence(
  tx: Queryable,
  actor: Actor,
  series: EventRow,
  occurrence: string,
): Promise<EventRow> {
  if (!series.rrule) throw badOccurrence('Cet événement n’est pas une série.');
  const start = occurrenceInstant(series, occurrence);
  const isOccurrence =
    !series.exdates.some((d) => d.getTime() === start.getTime()) &&
    occurrenceStarts(series.rrule, series.startsAt, series.timeZone, start, new Date(start.getTime() + 1)).length === 1;
  if (!isOccurrence) throw badOccurrence('Aucune occurrence de la série ne commence à cette date.');
  const [existing] = await selectEvents(
    tx,
    and(
      eq(agendaEvents.orgId, actor.orgId),
      eq(agendaEvents.seriesId, series.id),
      eq(agendaEvents.recurrenceId, start),
    ) as SQL,
    true,
  );
  if (existing) return existing;
  const duration = series.endsAt.getTime() - series.startsAt.getTime();
  const startDate = series.allDay ? localDate(start, series.timeZone) : null;
  const endDate =
    startDate && series.startDate && series.endDate
      ? addDays(startDate, daysBetween(series.startDate, series.endDate))
      : null;
  const { id: _id, createdAt: _c, updatedAt: _u, officialIds, ...fields } = series;
  const [row] = await tx
    .insert(agendaEvents)
    .values({
      ...fields,
      seriesId: series.id,
      recurrenceId: start,
      rrule: null,
      exdates: [],
      seriesEndsAt: null,
      startsAt: start,
      endsAt: endDate ? startOfDay(addDays(endDate, 1), series.timeZone) : new Date(start.getTime() + duration),
      startDate,
      endDate,
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new Error('override not created');
  await writeOfficialRows(tx, row, officialIds);
  return { ...row, officialIds };
}
