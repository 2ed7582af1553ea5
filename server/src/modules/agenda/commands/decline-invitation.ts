import type { TDeclineInvitation } from '@dircab/contracts';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import type { InvitationRow } from '../queries/find-invitations';
import { answerableInvitation, recordAnswer } from './answerable-invitation';

/** Declines an invitation; its reply letter is then printed from it (decline-letter.ts). */
export async function declineInvitation(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TDeclineInvitation,
): Promise<InvitationRow> {
  const row = await answerableInvitation(tx, actor, id, 'decline');
  return recordAnswer(tx, actor, row, { status: 'declined', declineReason: input.reason ?? null });
}
