import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { officials } from '../../directory/officials.schema';
import { memberships } from '../../org/org.schema';
import type { Viewer } from '../correspondence.policy';

/**
 * The actor with what the correspondence rules read beyond the session: the service of a
 * services user, the portfolios of an official (their official record linked to the user),
 * a delegation of signature.
 */
export async function findViewer(db: Queryable, actor: Actor): Promise<Viewer> {
  let portfolios: string[] = [];
  // The session read them with the role, on this request.
  const [m] =
    actor.membership?.orgId === actor.orgId
      ? [actor.membership]
      : await db
          .select({ serviceId: memberships.serviceId, signsMail: memberships.signsMail })
          .from(memberships)
          .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, actor.userId)));
  // Only a services user's service opens items to them (another role's is ignored).
  const serviceId = actor.role === 'services' ? (m?.serviceId ?? null) : null;
  if (actor.role === 'official') {
    const rows = await db
      .select({ portfolios: officials.portfolios })
      .from(officials)
      .where(and(eq(officials.orgId, actor.orgId), eq(officials.userId, actor.userId)));
    portfolios = rows.flatMap((r) => r.portfolios);
  }
  return { ...actor, serviceId, portfolios, signsMail: m?.signsMail ?? false };
}
