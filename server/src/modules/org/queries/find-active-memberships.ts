import type { TOrganisation, TRole } from '@dircab/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { memberships, organisations } from '../org.schema';

/** The organisations a user may work in, oldest membership first. */
export async function findActiveMemberships(
  db: Queryable,
  userId: string,
): Promise<{ organisation: TOrganisation; role: TRole }[]> {
  const rows = await db
    .select({ organisation: organisations, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)))
    .orderBy(asc(memberships.createdAt), asc(organisations.id));
  return rows.map((r) => ({ organisation: presentOrganisation(r.organisation), role: r.role }));
}

export function presentOrganisation(o: typeof organisations.$inferSelect): TOrganisation {
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    kind: o.kind,
    officialCode: o.officialCode,
    timeZone: o.timeZone,
    currency: o.currency,
    locale: o.locale,
  };
}
