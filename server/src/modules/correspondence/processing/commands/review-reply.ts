import type { TDecide } from '@dircab/contracts';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import type { ItemRow } from '../../queries/find-correspondence';
import { loadForAction, moveItem } from '../load-item';
import { correspondenceApprovals, correspondenceReplies } from '../processing.schema';
import { returnDraft } from './return-draft';

/**
 * A reviewer's visa. A return sends the draft back (`reply_drafted`) with the comment shown on
 * it; an approval wakes the next reviewer in order, and the last one puts the reply in the
 * signature book (`to_sign`).
 */
export async function reviewReply(tx: Queryable, actor: Actor, id: string, input: TDecide): Promise<ItemRow> {
  const { row } = await loadForAction(tx, actor, id, 'review', ['in_review'], 'viser la réponse');
  const [reply] = await tx.select().from(correspondenceReplies).where(eq(correspondenceReplies.itemId, row.id));
  if (!reply) throw new Error('reply of an item in review not found');
  const a = correspondenceApprovals;
  const thisRound = and(eq(a.itemId, row.id), eq(a.round, reply.round));
  await tx
    .update(a)
    .set({ decision: input.decision, comment: input.comment ?? null, decidedAt: new Date(), waiting: false })
    .where(and(thisRound, eq(a.kind, 'review'), eq(a.userId, actor.userId), eq(a.waiting, true)));
  const summary = { decision: input.decision, comment: input.comment ?? null, round: reply.round };
  if (input.decision === 'return') {
    return returnDraft(tx, actor, row, reply.round, input.comment ?? '', 'correspondence.review', summary);
  }
  const pending = await tx
    .select({ id: a.id, waiting: a.waiting })
    .from(a)
    .where(and(thisRound, eq(a.kind, 'review'), isNull(a.decision)))
    .orderBy(asc(a.position));
  const next = pending[0];
  if (next) {
    // In order, the next reviewer's turn comes; all at once, the others are already waiting.
    if (!next.waiting) await tx.update(a).set({ waiting: true }).where(eq(a.id, next.id));
    return moveItem(tx, actor, row, 'in_review', 'correspondence.review', summary);
  }
  await tx.insert(a).values({
    orgId: actor.orgId,
    itemId: row.id,
    round: reply.round,
    kind: 'signature',
    userId: null,
    position: 1000,
    waiting: true,
  });
  return moveItem(tx, actor, row, 'to_sign', 'correspondence.review', summary);
}
