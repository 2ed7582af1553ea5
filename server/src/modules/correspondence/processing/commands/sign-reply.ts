import type { TDecide } from '@dircab/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import type { ItemRow } from '../../queries/find-correspondence';
import { loadForAction, moveItem } from '../load-item';
import { correspondenceApprovals, correspondenceReplies } from '../processing.schema';
import { returnDraft } from './return-draft';

/**
 * The signature book's decision: signed (the item stays `to_sign`, signed, until it is sent)
 * or returned to the drafter with the comment. The item is locked: two signers, or two
 * batches, never sign it twice; the second finds it already signed (409).
 */
export async function signReply(tx: Queryable, actor: Actor, id: string, input: TDecide): Promise<ItemRow> {
  const { row } = await loadForAction(tx, actor, id, 'sign', ['to_sign'], 'signer la réponse');
  const [reply] = await tx.select().from(correspondenceReplies).where(eq(correspondenceReplies.itemId, row.id));
  if (!reply) throw new Error('reply of an item to sign not found');
  const a = correspondenceApprovals;
  await tx
    .update(a)
    .set({
      userId: actor.userId,
      decision: input.decision,
      comment: input.comment ?? null,
      decidedAt: new Date(),
      waiting: false,
    })
    .where(and(eq(a.itemId, row.id), eq(a.round, reply.round), eq(a.kind, 'signature'), isNull(a.decision)));
  const summary = { decision: input.decision, comment: input.comment ?? null, round: reply.round };
  if (input.decision === 'return') {
    return returnDraft(tx, actor, row, reply.round, input.comment ?? '', 'correspondence.sign', summary);
  }
  return moveItem(tx, actor, row, 'to_sign', 'correspondence.sign', summary);
}
