import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import type { AgendaContext } from '../agenda-context';
import type { InvitationRow } from '../queries/find-invitations';
import { answerableInvitation, eventFromInvitation, executiveOf, recordAnswer } from './answerable-invitation';

/** Accepts an invitation: the event lands on the executive's (the mayor's) agenda. */
export async function acceptInvitation(
  tx: Queryable,
  actor: Actor,
  id: string,
  context: AgendaContext,
): Promise<InvitationRow> {
  const row = await answerableInvitation(tx, actor, id, 'accept');
  const executive = executiveOf(context);
  const event = await eventFromInvitation(tx, actor, row, executive.id, context, {});
  return recordAnswer(tx, actor, row, { status: 'accepted', eventId: event.id });
}
