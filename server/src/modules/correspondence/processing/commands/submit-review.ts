import type { TSubmitReview } from '@dircab/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { memberships } from '../../../org/org.schema';
import type { ItemRow } from '../../queries/find-correspondence';
import { loadForAction, moveItem } from '../load-item';
import { correspondenceApprovals, correspondenceReplies } from '../processing.schema';

/** Roles that give a visa: the cabinet, officials and the services' heads; never group staff or admin. */
export const REVIEWER_ROLES = [
  'executive',
  'chief_of_staff',
  'cabinet_head',
  'advisor',
  'official',
  'services',
] as const;

/**
 * Submits the draft for review: a new round of visas, one after the other (the first waits)
 * or all at once; the last return's comment is cleared. The item moves to `in_review`.
 */
export async function submitReview(tx: Queryable, actor: Actor, id: string, input: TSubmitReview): Promise<ItemRow> {
  const { row } = await loadForAction(tx, actor, id, 'submitReview', ['reply_drafted'], 'soumettre la réponse au visa');
  const found = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, actor.orgId),
        eq(memberships.active, true),
        inArray(memberships.userId, input.reviewerIds),
        inArray(memberships.role, [...REVIEWER_ROLES]),
      ),
    );
  const known = new Set(found.map((m) => m.userId));
  const unknown = input.reviewerIds.findIndex((u) => !known.has(u));
  if (unknown >= 0) {
    throw problems.badRequest('Un relecteur ne peut pas viser cette réponse.', [
      {
        path: `reviewerIds.${unknown}`,
        message: 'Cette personne n’est pas un membre actif pouvant donner un visa.',
        code: 'unknown_reviewer',
      },
    ]);
  }
  const [reply] = await tx
    .update(correspondenceReplies)
    .set({
      round: sql`${correspondenceReplies.round} + 1`,
      reviewOrder: input.order,
      returnComment: null,
      updatedAt: new Date(),
    })
    .where(and(eq(correspondenceReplies.orgId, actor.orgId), eq(correspondenceReplies.itemId, row.id)))
    .returning();
  if (!reply) throw problems.conflict('Rédigez d’abord la réponse.');
  await tx.insert(correspondenceApprovals).values(
    input.reviewerIds.map((userId, i) => ({
      orgId: actor.orgId,
      itemId: row.id,
      round: reply.round,
      kind: 'review' as const,
      userId,
      position: i + 1,
      waiting: input.order === 'parallel' || i === 0,
    })),
  );
  return moveItem(tx, actor, row, 'in_review', 'correspondence.submit_review', {
    reviewerIds: input.reviewerIds,
    order: input.order,
    round: reply.round,
  });
}
