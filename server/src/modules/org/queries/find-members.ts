import type { TMember, TRole } from '@dircab/contracts';
import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import { users } from '../../../platform/auth/auth.schema';
import type { Queryable } from '../../../platform/db/client';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { memberPolicy } from '../org.policy';
import { memberships } from '../org.schema';

const memberColumns = {
  userId: memberships.userId,
  name: users.name,
  email: users.email,
  role: memberships.role,
  jobTitle: memberships.jobTitle,
  serviceId: memberships.serviceId,
  signsMail: memberships.signsMail,
  active: memberships.active,
  twoFactorEnabled: users.twoFactorEnabled,
  createdAt: memberships.createdAt,
};

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: TRole;
  jobTitle: string | null;
  serviceId: string | null;
  signsMail: boolean;
  active: boolean;
  twoFactorEnabled: boolean;
  createdAt: Date;
}

export function presentMember(actor: Actor, row: MemberRow): TMember {
  return { ...row, createdAt: row.createdAt.toISOString(), policies: memberPolicy.policiesFor(actor, row) };
}

/** Members of the actor's organisation, by user id (UUIDv7: order of creation). */
export async function findMembers(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TMember[]; nextCursor: string | null; total: number }> {
  const where: SQL[] = [eq(memberships.orgId, actor.orgId)];
  if (query.cursor) where.push(gt(memberships.userId, decodeCursor(query.cursor, ['id']).id));
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...where))
    .orderBy(asc(memberships.userId))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(eq(memberships.orgId, actor.orgId));
  return {
    total: count?.n ?? 0,
    data: page.map((r) => presentMember(actor, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.userId }) : null,
  };
}

/** One member of the actor's organisation, or null (the route answers 404). */
export async function findMember(db: Queryable, actor: Actor, userId: string): Promise<MemberRow | null> {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
  return row ?? null;
}
