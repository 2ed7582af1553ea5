import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { correspondenceSavedViews } from '../follow-up.schema';

/** Deletes one of the actor's views; another user's answers 404. */
export async function deleteView(tx: Queryable, actor: Actor, id: string): Promise<void> {
  const rows = await tx
    .delete(correspondenceSavedViews)
    .where(
      and(
        eq(correspondenceSavedViews.orgId, actor.orgId),
        eq(correspondenceSavedViews.userId, actor.userId),
        eq(correspondenceSavedViews.id, id),
      ),
    )
    .returning({ id: correspondenceSavedViews.id });
  if (rows.length === 0) throw problems.notFound();
}
