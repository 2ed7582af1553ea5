import type { TSavedView } from '@dircab/contracts';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { pageById } from '../../../../platform/http/cursor';
import type { Actor } from '../../../../platform/policy/actor';
import { savedViewPolicy } from '../follow-up.policy';
import { correspondenceSavedViews } from '../follow-up.schema';

export type SavedViewRow = typeof correspondenceSavedViews.$inferSelect;

export function presentSavedView(actor: Actor, row: SavedViewRow): TSavedView {
  return {
    id: row.id,
    name: row.name,
    filters: row.filters,
    createdAt: row.createdAt.toISOString(),
    policies: savedViewPolicy.policiesFor(actor, row),
  };
}

/** Only the actor's own views in the current organisation. */
const mine = (actor: Actor): SQL[] => [
  eq(correspondenceSavedViews.orgId, actor.orgId),
  eq(correspondenceSavedViews.userId, actor.userId),
];

/** The actor's saved views in the order they made them (keyset on correspondence_saved_views_user_idx). */
export async function findSavedViews(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TSavedView[]; nextCursor: string | null }> {
  const t = correspondenceSavedViews;
  return pageById(
    query,
    (afterId, limit) =>
      db
        .select()
        .from(t)
        .where(and(...mine(actor), afterId ? gt(t.id, afterId) : undefined))
        .orderBy(asc(t.id))
        .limit(limit),
    (r) => presentSavedView(actor, r),
  );
}

/** One of the actor's views, or null (another user's view answers 404). */
export async function findSavedView(db: Queryable, actor: Actor, id: string): Promise<SavedViewRow | null> {
  const [row] = await db
    .select()
    .from(correspondenceSavedViews)
    .where(and(...mine(actor), eq(correspondenceSavedViews.id, id)));
  return row ?? null;
}
