import type { TUpdateMember } from '@dircab/contracts';
import { and, eq, ne, sql } from 'drizzle-orm';
import { diffSummary, recordAudit } from '../../../platform/audit/record-audit';
import { sessions, users } from '../../../platform/auth/auth.schema';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { notifyAccessChange } from '../access-changes';
import { memberPolicy } from '../org.policy';
import { memberships } from '../org.schema';
import { findMember } from '../queries/find-members';
import { indexMember } from './index-member';
import { checkMemberService } from './member-service';

/** Changes a member's role or title, or disables / re-enables their access. */
export async function updateMember(tx: Queryable, actor: Actor, userId: string, input: TUpdateMember) {
  const member = await findMember(tx, actor, userId);
  if (!member) throw problems.notFound();
  if (input.role !== undefined && input.role !== member.role && !memberPolicy.can(actor, 'changeRole', member)) {
    throw problems.forbidden('Vous ne pouvez pas changer votre propre rôle : demandez-le à un autre administrateur.');
  }
  if (input.active === false && member.active && !memberPolicy.can(actor, 'disable', member)) {
    throw problems.forbidden('Vous ne pouvez pas désactiver votre propre compte.');
  }
  const losesAdmin =
    member.role === 'admin' && member.active && (input.active === false || (input.role && input.role !== 'admin'));
  if (losesAdmin) {
    const [others] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(memberships)
      .where(
        and(
          eq(memberships.orgId, actor.orgId),
          eq(memberships.role, 'admin'),
          eq(memberships.active, true),
          ne(memberships.userId, userId),
        ),
      );
    if (!others || others.n === 0) {
      throw problems.conflict('L’organisation doit garder au moins un administrateur actif.');
    }
  }
  await checkMemberService(tx, actor.orgId, input.serviceId);
  const changes = {
    role: input.role,
    jobTitle: input.jobTitle,
    serviceId: input.serviceId,
    signsMail: input.signsMail,
    active: input.active,
  };
  const summary = diffSummary(member, changes);
  await tx
    .update(memberships)
    .set({ ...summary.after, updatedAt: new Date() })
    .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
  if (input.active === false && member.active) await lockOutIfNoActiveMembership(tx, userId);
  if (input.active === true && !member.active) {
    await tx.update(users).set({ disabled: false, updatedAt: new Date() }).where(eq(users.id, userId));
  }
  const action = input.active === false ? 'member.disable' : input.active === true ? 'member.enable' : 'member.update';
  await recordAudit(tx, actor, { action, recordType: 'member', recordId: userId, summary });
  await indexMember(tx, actor.orgId, userId);
  // A services member reaches their service's records: a new service, role or state moves that reach.
  if (summary.after.serviceId !== undefined || summary.after.role !== undefined || summary.after.active !== undefined) {
    await notifyAccessChange(tx, {
      orgId: actor.orgId,
      userIds: [userId],
      serviceIds: [member.serviceId, summary.after.serviceId],
      topics: [],
    });
  }
  return findMember(tx, actor, userId);
}

/** Without an active membership anywhere, the account is disabled and signed out. */
async function lockOutIfNoActiveMembership(tx: Queryable, userId: string) {
  const [left] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)));
  if (left && left.n === 0) {
    await tx.update(users).set({ disabled: true, updatedAt: new Date() }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
  }
}
