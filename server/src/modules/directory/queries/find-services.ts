import type { TService } from '@dircab/contracts';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { referencePolicy } from '../directory.policy';
import { services } from '../directory.schema';

export type ServiceRow = typeof services.$inferSelect;

export function presentService(actor: Actor, row: ServiceRow): TService {
  return {
    id: row.id,
    name: row.name,
    headName: row.headName,
    email: row.email,
    phone: row.phone,
    address: row.address,
    topics: row.topics,
    policies: referencePolicy.policiesFor(actor, row),
  };
}

/** The organisation's services, by id (creation order). */
export async function findServices(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TService[]; nextCursor: string | null }> {
  const where: SQL[] = [eq(services.orgId, actor.orgId)];
  if (query.cursor) where.push(gt(services.id, decodeCursor(query.cursor, ['id']).id));
  const rows = await db
    .select()
    .from(services)
    .where(and(...where))
    .orderBy(asc(services.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => presentService(actor, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}

/** One service of the actor's organisation, or null. */
export async function findService(db: Queryable, actor: Actor, id: string): Promise<ServiceRow | null> {
  const [row] = await db
    .select()
    .from(services)
    .where(and(eq(services.orgId, actor.orgId), eq(services.id, id)));
  return row ?? null;
}
