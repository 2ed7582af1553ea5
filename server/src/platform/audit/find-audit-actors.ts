import { asc, eq } from 'drizzle-orm';
import { memberships } from '../../modules/org/org.schema';
import { users } from '../auth/auth.schema';
import type { Queryable } from '../db/client';
import type { Actor } from '../policy/actor';

/** The organisation's members, past and present, for the audit trail's author filter. */
export async function findAuditActors(db: Queryable, actor: Actor) {
  const data = await db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, actor.orgId))
    .orderBy(asc(users.name));
  return { data };
}
