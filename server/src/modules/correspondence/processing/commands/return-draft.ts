import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import type { ItemRow } from '../../queries/find-correspondence';
import { moveItem } from '../load-item';
import { correspondenceApprovals, correspondenceReplies } from '../processing.schema';

/** A visa or the signature returns the draft: the round's other steps stop waiting, the comment shows on the draft. */
export async function returnDraft(
  tx: Queryable,
  actor: Actor,
  row: ItemRow,
  round: number,
  comment: string,
  action: string,
  summary: Record<string, unknown>,
): Promise<ItemRow> {
  await tx
    .update(correspondenceApprovals)
    .set({ waiting: false })
    .where(and(eq(correspondenceApprovals.itemId, row.id), eq(correspondenceApprovals.round, round)));
  await tx
    .update(correspondenceReplies)
    .set({ returnComment: comment, updatedAt: new Date() })
    .where(eq(correspondenceReplies.itemId, row.id));
  return moveItem(tx, actor, row, 'reply_drafted', action, summary);
}
