import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { officials } from '../../directory/officials.schema';
import { memberships } from '../../org/org.schema';
import type { Viewer } from '../correspondence.policy';

/**
 * The actor with what the correspondence rules read beyond the session: the service of a
 * services user, the portfolios of an official (their official record linked to the user).
 */
export async function findViewer(db: Queryable, actor: Actor): Promise<Viewer> {
  let serviceId: string | null = null;
  let portfolios: string[] = [];
  if (actor.role === 'services') {
    const [m] = await db
      .select({ serviceId: memberships.serviceId })
      .from(memberships)
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, actor.userId)));
    serviceId = m?.serviceId ?? null;
  }
  if (actor.role === 'official') {
    const rows = await db
      .select({ portfolios: officials.portfolios })
      .from(officials)
      .where(and(eq(officials.orgId, actor.orgId), eq(officials.userId, actor.userId)));
    portfolios = rows.flatMap((r) => r.portfolios);
  }
  return { ...actor, serviceId, portfolios };
}
