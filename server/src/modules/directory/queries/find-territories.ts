import type { TTerritory } from '@dircab/contracts';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { referencePolicy } from '../directory.policy';
import { territories } from '../directory.schema';

export type TerritoryRow = typeof territories.$inferSelect;

export function presentTerritory(actor: Actor, row: TerritoryRow): TTerritory {
  return { id: row.id, name: row.name, code: row.code, policies: referencePolicy.policiesFor(actor, row) };
}

/** The organisation's territories, by id (creation order). */
export async function findTerritories(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TTerritory[]; nextCursor: string | null }> {
  const where: SQL[] = [eq(territories.orgId, actor.orgId)];
  if (query.cursor) where.push(gt(territories.id, decodeCursor(query.cursor, ['id']).id));
  const rows = await db
    .select()
    .from(territories)
    .where(and(...where))
    .orderBy(asc(territories.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => presentTerritory(actor, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}

/** One territory of the actor's organisation, or null. */
export async function findTerritory(db: Queryable, actor: Actor, id: string): Promise<TerritoryRow | null> {
  const [row] = await db
    .select()
    .from(territories)
    .where(and(eq(territories.orgId, actor.orgId), eq(territories.id, id)));
  return row ?? null;
}
