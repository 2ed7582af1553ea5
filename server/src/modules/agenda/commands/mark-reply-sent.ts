import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { moveItem } from '../../correspondence/processing/load-item';
import { findItem } from '../../correspondence/queries/find-correspondence';
import { invitationPolicy } from '../agenda.policy';
import { findInvitation, type InvitationRow } from '../queries/find-invitations';

/**
 * Moves the registered reply of a declined invitation to « envoyé » through the
 * correspondence's own status change (audited `correspondence.send`): the secretariat posts
 * the letter it printed. Already sent, or moved on in the correspondence circuit: left as is.
 * False when the actor may not see the reply item.
 */
export async function sendDeclineReply(
  tx: Queryable,
  actor: Actor,
  invitation: InvitationRow,
  how: 'printed' | 'marked',
): Promise<boolean> {
  if (!invitation.replyItemId) return false;
  const item = await findItem(tx, actor, invitation.replyItemId, true);
  if (!item) return false;
  if (item.status === 'registered') {
    await moveItem(tx, actor, item, 'sent', 'correspondence.send', {
      method: 'post',
      invitationId: invitation.id,
      via: how,
    });
  }
  return true;
}

/**
 * `POST /invitations/:id/reply-sent`: the secretariat says the reply declining the invitation
 * left. 404 when hidden, 409 when the invitation is not declined or has no registered reply,
 * 403 for roles that do not answer invitations.
 */
export async function markReplySent(tx: Queryable, actor: Actor, id: string): Promise<InvitationRow> {
  const row = await findInvitation(tx, actor, id, true);
  if (!row) throw problems.notFound();
  if (row.status !== 'declined') {
    throw problems.conflict('Seule la réponse d’une invitation déclinée peut être envoyée.');
  }
  if (!invitationPolicy.can(actor, 'markReplySent', row)) throw problems.forbidden();
  if (!row.replyItemId) throw problems.conflict('Aucune lettre de réponse n’est enregistrée au départ.');
  if (!(await sendDeclineReply(tx, actor, row, 'marked'))) throw problems.notFound();
  return row;
}
