import type { TMoveEvent } from '@dircab/contracts';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import type { AgendaContext } from '../agenda-context';
import type { EventRow } from '../queries/event-rows';
import { addDays, daysBetween } from '../zoned-time';
import { applyEventChanges } from './update-event';
import { overrideOccurrence, writableEvent } from './writable-event';

export interface MovedEvent {
  row: EventRow;
  /** Where it was, so the screen can undo by moving it back. */
  previous: { start: string; end: string; startDate: string | null; endDate: string | null };
}

/**
 * Moves an event (or one occurrence of a series) to a new start, keeping its duration: a timed
 * event by its instant, an all-day event by its first day. Returns the previous times for undo.
 */
export async function moveEvent(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TMoveEvent,
  context: AgendaContext,
): Promise<MovedEvent> {
  let before = await writableEvent(tx, actor, id, context, 'move');
  if (input.occurrence) before = await overrideOccurrence(tx, actor, before, input.occurrence);
  const previous = {
    start: before.startsAt.toISOString(),
    end: before.endsAt.toISOString(),
    startDate: before.startDate,
    endDate: before.endDate,
  };
  if (before.allDay !== Boolean(input.startDate)) {
    const path = before.allDay ? 'startDate' : 'start';
    throw problems.badRequest('Le nouveau début ne correspond pas à l’événement.', [
      {
        path,
        message: before.allDay
          ? 'Un événement sur la journée se déplace par son premier jour (startDate).'
          : 'Un événement horaire se déplace par son nouveau début (start).',
        code: 'invalid_move',
      },
    ]);
  }
  const timing =
    before.allDay && input.startDate && before.startDate && before.endDate
      ? {
          allDay: true,
          startDate: input.startDate,
          endDate: addDays(input.startDate, daysBetween(before.startDate, before.endDate)),
        }
      : {
          start: input.start,
          end: new Date(
            Date.parse(input.start as string) + (before.endsAt.getTime() - before.startsAt.getTime()),
          ).toISOString(),
        };
  const row = await applyEventChanges(tx, actor, before, timing, context, 'agenda.event.move');
  return { row, previous };
}
