import type { TCreateEvent } from '@dircab/contracts';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import type { AgendaContext } from '../agenda-context';
import { readIcsInvitation } from '../ics-invitation';
import type { EventRow } from '../queries/event-rows';
import { createEvent } from './create-event';

/**
 * Puts the events of an `.ics` invitation file on officials' agendas, as internal meetings
 * to review: the file's times in their own zone, its RRULE checked like a typed one. One
 * transaction: a bad event leaves nothing behind.
 */
export async function importEvents(
  tx: Queryable,
  actor: Actor,
  file: Buffer,
  officialIds: string[],
  context: AgendaContext,
): Promise<EventRow[]> {
  const events = readIcsInvitation(file.toString('utf8'), context.timeZone);
  const created: EventRow[] = [];
  for (const e of events) {
    const input: TCreateEvent = {
      title: e.title.slice(0, 200),
      description: e.description.slice(0, 20_000),
      kind: 'meeting',
      visibility: 'internal',
      officialIds,
      timeZone: e.timeZone,
      place: e.placeLabel ? { label: e.placeLabel.slice(0, 200) } : null,
      recurrence: e.rrule ? { rrule: e.rrule, exdates: [] } : null,
      ...(e.allDay
        ? { allDay: true, startDate: e.startDate ?? undefined, endDate: e.endDate ?? undefined }
        : { start: e.start.toISOString(), end: e.end.toISOString() }),
    };
    created.push(await createEvent(tx, actor, input, context));
  }
  return created;
}
