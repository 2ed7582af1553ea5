import type { TCreateEvent } from '@dircab/contracts';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { invitationPolicy } from '../agenda.policy';
import { agendaInvitations } from '../agenda.schema';
import type { AgendaContext } from '../agenda-context';
import type { AgendaOfficial } from '../officials-index';
import { findInvitation, type InvitationRow } from '../queries/find-invitations';
import { createEvent, type EventOrigin } from './create-event';

/** A pending invitation to answer: 404 when not the organisation's, 409 once answered, 403 otherwise. */
export async function answerableInvitation(
  tx: Queryable,
  actor: Actor,
  id: string,
  action: 'accept' | 'delegate' | 'decline',
): Promise<InvitationRow> {
  const row = await findInvitation(tx, actor, id, true);
  if (!row) throw problems.notFound();
  if (row.status !== 'pending') throw problems.conflict('Cette invitation a déjà reçu une réponse.');
  if (!invitationPolicy.can(actor, action, row)) throw problems.forbidden();
  return row;
}

/** The official holding the executive mandate (maire, président): 409 when the council has none. */
export function executiveOf(context: AgendaContext): AgendaOfficial {
  if (!context.officials.executive) {
    throw problems.conflict(
      'Aucun élu ne porte le mandat de maire ou de président : déclarez-le dans l’annuaire des élus.',
    );
  }
  return context.officials.executive;
}

/** The invitation as an event on an official's agenda (public: it is an outing). */
export async function eventFromInvitation(
  tx: Queryable,
  actor: Actor,
  row: InvitationRow,
  officialId: string,
  context: AgendaContext,
  origin: EventOrigin,
) {
  const timing = row.allDay
    ? { allDay: true, startDate: row.startDate ?? undefined, endDate: row.endDate ?? undefined }
    : { start: row.startsAt.toISOString(), end: row.endsAt.toISOString() };
  const input: TCreateEvent = {
    title: row.title,
    description: row.notes || undefined,
    kind: row.kind,
    visibility: 'public',
    officialIds: [officialId],
    timeZone: row.timeZone,
    place: row.placeLabel
      ? { label: row.placeLabel, address: row.placeAddress, lat: row.placeLat, lon: row.placeLon }
      : null,
    attendees: { officialIds: [], userIds: [], contactIds: row.organiserContactId ? [row.organiserContactId] : [] },
    ...timing,
  };
  return createEvent(tx, actor, input, context, { ...origin, invitationId: row.id });
}

/** Writes the answer and its audit. */
export async function recordAnswer(
  tx: Queryable,
  actor: Actor,
  row: InvitationRow,
  answer: Partial<InvitationRow> & { status: InvitationRow['status'] },
): Promise<InvitationRow> {
  const [updated] = await tx
    .update(agendaInvitations)
    .set({ ...answer, answeredBy: actor.userId, answeredAt: new Date(), updatedAt: sql`now()` })
    .where(eq(agendaInvitations.id, row.id))
    .returning();
  if (!updated) throw problems.notFound();
  const action =
    answer.status === 'accepted'
      ? 'agenda.invitation.accept'
      : answer.status === 'delegated'
        ? 'agenda.invitation.delegate'
        : 'agenda.invitation.decline';
  await recordAudit(tx, actor, {
    action,
    recordType: 'agenda_invitation',
    recordId: row.id,
    summary: {
      after: { status: updated.status, eventId: updated.eventId, delegatedOfficialId: updated.delegatedOfficialId },
    },
  });
  return updated;
}
