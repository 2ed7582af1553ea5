import { eq } from 'drizzle-orm';
import { diffSummary, recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { organisationPolicy } from '../org.policy';
import { organisations } from '../org.schema';
import { presentOrganisation } from '../queries/find-active-memberships';

export interface OrganisationChanges {
  name?: string | undefined;
  officialCode?: string | undefined;
  timeZone?: string | undefined;
  currency?: string | undefined;
  locale?: string | undefined;
}

/** Changes the current organisation's settings (name, code, time zone, currency, locale). */
export async function updateOrganisation(tx: Queryable, actor: Actor, changes: OrganisationChanges) {
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, actor.orgId));
  if (!org) throw problems.notFound();
  if (!organisationPolicy.can(actor, 'update', org)) throw problems.forbidden();
  const summary = diffSummary(org, changes);
  const [updated] = await tx
    .update(organisations)
    .set({ ...summary.after, updatedAt: new Date() })
    .where(eq(organisations.id, actor.orgId))
    .returning();
  await recordAudit(tx, actor, {
    action: 'organisation.update',
    recordType: 'organisation',
    recordId: org.id,
    summary,
  });
  if (!updated) throw problems.notFound();
  return presentOrganisation(updated);
}
