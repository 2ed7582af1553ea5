import type { TCreateEvent } from '@dircab/contracts';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { agendaEvents } from '../agenda.schema';
import type { AgendaContext } from '../agenda-context';
import { boundsOf } from '../event-timing';
import type { EventRow } from '../queries/event-rows';
import {
  auditedEvent,
  boundsFields,
  checkAttendees,
  checkOfficials,
  placeFields,
  recurrenceFields,
  writeOfficialRows,
} from './event-writes';

/** Links an answered invitation gives its event. */
export interface EventOrigin {
  invitationId?: string;
  representingOfficialId?: string;
}

/**
 * Puts an event on officials' agendas: checks the officials (the organisation's; an official
 * plans only for themselves), the attendees, the times and the RRULE, then writes the event,
 * whose-agenda rows and the audit in the caller's transaction.
 */
export async function createEvent(
  tx: Queryable,
  actor: Actor,
  input: TCreateEvent,
  context: AgendaContext,
  origin: EventOrigin = {},
): Promise<EventRow> {
  checkOfficials(actor, context.officials, input.officialIds);
  const bounds = boundsOf(input, context.timeZone);
  const recurrence = recurrenceFields(input.recurrence, bounds);
  const attendees = input.attendees ?? { officialIds: [], userIds: [], contactIds: [] };
  await checkAttendees(tx, actor, context.officials, attendees);
  const [row] = await tx
    .insert(agendaEvents)
    .values({
      orgId: actor.orgId,
      title: input.title,
      description: input.description ?? '',
      kind: input.kind,
      visibility: input.visibility,
      ...boundsFields(bounds),
      ...placeFields(input.place),
      attendeeOfficialIds: attendees.officialIds,
      attendeeUserIds: attendees.userIds,
      attendeeContactIds: attendees.contactIds,
      reminders: input.reminders ?? [],
      ...recurrence,
      representingOfficialId: origin.representingOfficialId ?? null,
      invitationId: origin.invitationId ?? null,
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new Error('event not created');
  const officialIds = [...new Set(input.officialIds)];
  await writeOfficialRows(tx, row, officialIds);
  const event = { ...row, officialIds };
  await recordAudit(tx, actor, {
    action: 'agenda.event.create',
    recordType: 'agenda_event',
    recordId: row.id,
    summary: { after: auditedEvent(event) },
  });
  return event;
}
