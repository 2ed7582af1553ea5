import type { TPoliticalGroup } from '@dircab/contracts';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { CABINET_ROLES } from '../../../platform/policy/confidentiality';
import { POLITICAL_GROUP_ROLES, politicalGroupPolicy } from '../officials.policy';
import { officials, politicalGroups } from '../officials.schema';

export type PoliticalGroupRow = typeof politicalGroups.$inferSelect & { officialCount: number };

/** The scope in SQL, twin of politicalGroupPolicy.read. */
function scope(actor: Actor): SQL {
  if (!POLITICAL_GROUP_ROLES.read.includes(actor.role)) return sql`false`;
  const own = eq(politicalGroups.orgId, actor.orgId);
  if (CABINET_ROLES.includes(actor.role)) return own;
  return sql`(${own} and ${actor.userId}::uuid = any(${politicalGroups.staff}))`;
}

// Qualified by hand: drizzle leaves columns unqualified in a single-table select, and inside the
// subquery they would resolve to the official's own columns.
const officialCount = sql<number>`(select count(*)::int from ${officials} o where o.org_id = political_groups.org_id and o.political_group_id = political_groups.id)`;

export function presentPoliticalGroup(actor: Actor, row: PoliticalGroupRow): TPoliticalGroup {
  return {
    id: row.id,
    name: row.name,
    side: row.side,
    staff: row.staff,
    officialCount: row.officialCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    policies: politicalGroupPolicy.policiesFor(actor, row),
  };
}

/** The groups the actor may see, by name. */
export async function findPoliticalGroups(db: Queryable, actor: Actor): Promise<PoliticalGroupRow[]> {
  return db
    .select({
      id: politicalGroups.id,
      orgId: politicalGroups.orgId,
      name: politicalGroups.name,
      side: politicalGroups.side,
      staff: politicalGroups.staff,
      createdAt: politicalGroups.createdAt,
      updatedAt: politicalGroups.updatedAt,
      officialCount,
    })
    .from(politicalGroups)
    .where(scope(actor))
    .orderBy(asc(sql`lower(${politicalGroups.name})`), asc(politicalGroups.id));
}

/** One group the actor may see, or null: the route answers 404. */
export async function findPoliticalGroup(db: Queryable, actor: Actor, id: string): Promise<PoliticalGroupRow | null> {
  const [row] = await db
    .select({
      id: politicalGroups.id,
      orgId: politicalGroups.orgId,
      name: politicalGroups.name,
      side: politicalGroups.side,
      staff: politicalGroups.staff,
      createdAt: politicalGroups.createdAt,
      updatedAt: politicalGroups.updatedAt,
      officialCount,
    })
    .from(politicalGroups)
    .where(and(scope(actor), eq(politicalGroups.id, id)));
  return row && politicalGroupPolicy.can(actor, 'read', row) ? row : null;
}
