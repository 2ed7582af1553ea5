import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import { sessions } from '../../../platform/auth/auth.schema';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { findActiveMemberships } from '../queries/find-active-memberships';

/** Makes another of the user's organisations the current one for this session. */
export async function switchOrganisation(tx: Queryable, actor: Actor, orgId: string) {
  const memberships = await findActiveMemberships(tx, actor.userId);
  // Not a member there: the organisation does not exist for this user.
  if (!memberships.some((m) => m.organisation.id === orgId)) throw problems.notFound();
  await tx.update(sessions).set({ activeOrgId: orgId, updatedAt: new Date() }).where(eq(sessions.id, actor.sessionId));
  await recordAudit(
    tx,
    { ...actor, orgId },
    {
      action: 'session.switch_organisation',
      recordType: 'organisation',
      recordId: orgId,
      summary: { from: actor.orgId },
    },
  );
}
