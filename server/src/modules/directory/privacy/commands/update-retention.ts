import type { TRetentionInput } from '@dircab/contracts';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { privacyRetention } from '../privacy.schema';
import { findRetention, type RetentionSettings } from '../queries/find-retention';

/** Sets the organisation's retention periods; the audit keeps the periods before and after. */
export async function updateRetention(tx: Queryable, actor: Actor, input: TRetentionInput): Promise<RetentionSettings> {
  const before = await findRetention(tx, actor.orgId);
  const values = {
    constituentsMonths: input.constituents,
    otherOfficialsMonths: input.otherOfficials,
    ownOfficialsMonths: input.ownOfficials,
    organisationNotesMonths: input.organisationNotes,
    updatedBy: actor.userId,
    updatedAt: new Date(),
  };
  await tx
    .insert(privacyRetention)
    .values({ orgId: actor.orgId, ...values })
    .onConflictDoUpdate({ target: privacyRetention.orgId, set: values });
  const { isDefault: _d, updatedAt: _u, ...was } = before;
  await recordAudit(tx, actor, {
    action: 'retention.update',
    recordType: 'privacy_retention',
    recordId: actor.orgId,
    summary: { before: was, after: input },
  });
  return findRetention(tx, actor.orgId);
}
