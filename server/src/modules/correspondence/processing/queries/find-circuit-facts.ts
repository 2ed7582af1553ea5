import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import type { CircuitFacts } from '../../correspondence.policy';
import { correspondenceApprovals, correspondenceReplies } from '../processing.schema';

export const NO_FACTS: CircuitFacts = { awaitingMyReview: false, signed: false };

/**
 * The visas and signature of the current round of these items, as the policy reads them: one
 * statement per page (approvals by item, through correspondence_approvals_item_idx).
 */
export async function findCircuitFacts(
  db: Queryable,
  actor: Actor,
  itemIds: readonly string[],
): Promise<Map<string, CircuitFacts>> {
  const facts = new Map<string, CircuitFacts>();
  if (itemIds.length === 0) return facts;
  const a = correspondenceApprovals;
  const rows = await db
    .select({ itemId: a.itemId, kind: a.kind, userId: a.userId, waiting: a.waiting, decision: a.decision })
    .from(a)
    .innerJoin(
      correspondenceReplies,
      and(eq(correspondenceReplies.itemId, a.itemId), eq(correspondenceReplies.round, a.round)),
    )
    .where(and(eq(a.orgId, actor.orgId), inArray(a.itemId, [...itemIds])));
  for (const r of rows) {
    const f = facts.get(r.itemId) ?? { ...NO_FACTS };
    if (r.kind === 'review' && r.waiting && r.userId === actor.userId) f.awaitingMyReview = true;
    if (r.kind === 'signature' && r.decision === 'approve') f.signed = true;
    facts.set(r.itemId, f);
  }
  return facts;
}
