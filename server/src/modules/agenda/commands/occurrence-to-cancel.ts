import { and, eq, gte, lt, type SQL } from 'drizzle-orm';
import { localDate } from '../../../platform/calendar/working-days';
import type { Queryable } from '../../../platform/db/client';
import { HttpProblem, problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { agendaEvents } from '../agenda.schema';
import { type EventRow, selectEvents } from '../queries/event-rows';
import { addDays, startOfDay } from '../zoned-time';
import { overrideOccurrence } from './writable-event';

/** An override is an occurrence of a series stored as its own row (RECURRENCE-ID). */
export const isOverride = (row: EventRow) => row.seriesId !== null && row.seriesId !== row.id;

/** Whether `occurrence` (an instant, or a day in the event's zone) names this instant. */
function names(occurrence: string, instant: Date | null, timeZone: string): boolean {
  if (!instant) return false;
  return occurrence.length === 10
    ? localDate(instant, timeZone) === occurrence
    : new Date(occurrence).getTime() === instant.getTime();
}

/**
 * The override row a cancellation marks, whatever the client names: the changed occurrence's
 * own id (with or without an `occurrence`, its original or its current start), or the series
 * with the occurrence's original start or, once moved, its current start. Deleting the
 * changed copy instead would bring the original occurrence back.
 */
export async function occurrenceToCancel(
  tx: Queryable,
  actor: Actor,
  target: EventRow,
  occurrence: string | undefined,
): Promise<EventRow | null> {
  if (isOverride(target)) {
    if (
      occurrence &&
      !names(occurrence, target.recurrenceId, target.timeZone) &&
      !names(occurrence, target.startsAt, target.timeZone)
    ) {
      throw problems.badRequest('L’occurrence est invalide.', [
        {
          path: 'occurrence',
          message: 'Cette occurrence modifiée ne commence pas à cette date.',
          code: 'invalid_occurrence',
        },
      ]);
    }
    return target;
  }
  if (!occurrence) return null;
  try {
    return await overrideOccurrence(tx, actor, target, occurrence);
  } catch (error) {
    // Not an original start of the series: maybe where one of its occurrences was moved to.
    if (!(error instanceof HttpProblem)) throw error;
    const moved = target.rrule ? await movedOccurrence(tx, actor, target, occurrence) : null;
    if (moved) return moved;
    throw error;
  }
}

async function movedOccurrence(tx: Queryable, actor: Actor, series: EventRow, occurrence: string) {
  const from = occurrence.length === 10 ? startOfDay(occurrence, series.timeZone) : new Date(occurrence);
  const to =
    occurrence.length === 10 ? startOfDay(addDays(occurrence, 1), series.timeZone) : new Date(from.getTime() + 1);
  const rows = await selectEvents(
    tx,
    and(
      eq(agendaEvents.orgId, actor.orgId),
      eq(agendaEvents.seriesId, series.id),
      eq(agendaEvents.cancelled, false),
      gte(agendaEvents.startsAt, from),
      lt(agendaEvents.startsAt, to),
    ) as SQL,
    true,
  );
  // A day holding two moved occurrences does not say which one: the client must name the instant.
  return rows.length === 1 ? (rows[0] ?? null) : null;
}
