import type { TSavedView } from '@dircab/contracts';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { decodeCursor, encodeCursor } from '../../../../platform/http/cursor';
import type { Actor } from '../../../../platform/policy/actor';
import { savedViewPolicy } from '../follow-up.policy';
import { correspondenceSavedViews } from '../follow-up.schema';

export type SavedViewRow = typeof correspondenceSavedViews.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  const where = mine(actor);
  if (query.cursor) {
    const { id } = decodeCursor(query.cursor, ['id']);
    // A UUIDv7 id sorts by creation time.
    if (UUID.test(id)) where.push(gt(t.id, id));
    else decodeCursor('', ['id']);
  }
  const rows = await db
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(asc(t.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => presentSavedView(actor, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}

/** One of the actor's views, or null (another user's view answers 404). */
export async function findSavedView(db: Queryable, actor: Actor, id: string): Promise<SavedViewRow | null> {
  const [row] = await db
    .select()
    .from(correspondenceSavedViews)
    .where(and(...mine(actor), eq(correspondenceSavedViews.id, id)));
  return row ?? null;
}
