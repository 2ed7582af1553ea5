import type { TUpdateEvent } from '@dircab/contracts';
import { eq, sql } from 'drizzle-orm';
import { diffSummary, recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { agendaEvents } from '../agenda.schema';
import type { AgendaContext } from '../agenda-context';
import { boundsOf, mergeTiming } from '../event-timing';
import type { EventRow } from '../queries/event-rows';
import {
  auditedEvent,
  boundsFields,
  boundsOfRow,
  checkAttendees,
  checkOfficials,
  placeFields,
  recurrenceFields,
  writeOfficialRows,
} from './event-writes';
import { overrideOccurrence, writableEvent } from './writable-event';

const TIMING_FIELDS = ['allDay', 'start', 'end', 'startDate', 'endDate', 'timeZone'] as const;

/**
 * Changes an event, or one occurrence of a series (`occurrence`: its original start), which
 * becomes an override row. Times, officials, attendees and the RRULE are checked as at
 * creation; the whose-agenda rows follow. 404 when hidden, 403 when not the actor's to change.
 */
export async function updateEvent(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TUpdateEvent,
  context: AgendaContext,
  occurrence?: string,
): Promise<EventRow> {
  let before = await writableEvent(tx, actor, id, context, 'update');
  if (occurrence) {
    if (input.recurrence !== undefined) {
      throw problems.badRequest('Une occurrence ne porte pas de récurrence.', [
        { path: 'recurrence', message: 'Modifiez la série elle-même pour changer sa règle.', code: 'occurrence_rule' },
      ]);
    }
    before = await overrideOccurrence(tx, actor, before, occurrence);
  }
  return applyEventChanges(tx, actor, before, input, context, 'agenda.event.update');
}

/** Writes the changes of an update or a move to a loaded (and locked) event. */
export async function applyEventChanges(
  tx: Queryable,
  actor: Actor,
  before: EventRow,
  input: TUpdateEvent,
  context: AgendaContext,
  action: string,
): Promise<EventRow> {
  if (input.officialIds) checkOfficials(actor, context.officials, input.officialIds);
  if (input.recurrence && before.seriesId) {
    throw problems.badRequest('Une occurrence ne porte pas de récurrence.', [
      { path: 'recurrence', message: 'Modifiez la série elle-même pour changer sa règle.', code: 'occurrence_rule' },
    ]);
  }
  const timingChanged = TIMING_FIELDS.some((f) => input[f] !== undefined);
  const bounds = timingChanged
    ? boundsOf(mergeTiming(boundsOfRow(before), input), context.timeZone)
    : boundsOfRow(before);
  if (input.attendees) await checkAttendees(tx, actor, context.officials, input.attendees);
  const recurrence =
    input.recurrence !== undefined
      ? recurrenceFields(input.recurrence, bounds)
      : timingChanged && before.rrule
        ? recurrenceFields({ rrule: before.rrule, exdates: before.exdates.map((d) => d.toISOString()) }, bounds)
        : {};
  const [row] = await tx
    .update(agendaEvents)
    .set({
      title: input.title,
      description: input.description,
      kind: input.kind,
      visibility: input.visibility,
      ...(timingChanged ? boundsFields(bounds) : {}),
      ...placeFields(input.place),
      ...(input.attendees
        ? {
            attendeeOfficialIds: input.attendees.officialIds,
            attendeeUserIds: input.attendees.userIds,
            attendeeContactIds: input.attendees.contactIds,
          }
        : {}),
      reminders: input.reminders,
      ...recurrence,
      updatedAt: sql`now()`,
    })
    .where(eq(agendaEvents.id, before.id))
    .returning();
  if (!row) throw problems.notFound();
  const officialIds = input.officialIds ? [...new Set(input.officialIds)] : before.officialIds;
  await writeOfficialRows(tx, row, officialIds);
  const after = { ...row, officialIds };
  await recordAudit(tx, actor, {
    action,
    recordType: 'agenda_event',
    recordId: row.id,
    summary: diffSummary(auditedEvent(before), auditedEvent(after)),
  });
  return after;
}
