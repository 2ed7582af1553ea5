import type { TNumberingSettings } from '@dircab/contracts';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { correspondenceSettings } from '../correspondence.schema';
import { numberingSettingsOf } from '../numbering';

/**
 * Sets the organisation's registration number formats (checked by the contract: one year, one
 * sequence, incoming and outgoing never alike). Numbers already given keep their form; the
 * counters go on, so the register stays gapless across the change. Audited.
 */
export async function updateNumberingSettings(
  tx: Queryable,
  actor: Actor,
  input: TNumberingSettings,
): Promise<TNumberingSettings> {
  const before = await numberingSettingsOf(tx, actor.orgId);
  await tx
    .insert(correspondenceSettings)
    .values({ orgId: actor.orgId, ...input })
    .onConflictDoUpdate({ target: correspondenceSettings.orgId, set: { ...input, updatedAt: new Date() } });
  await recordAudit(tx, actor, {
    action: 'correspondence.numbering_update',
    recordType: 'correspondence_settings',
    recordId: actor.orgId,
    summary: { before, after: input },
  });
  return numberingSettingsOf(tx, actor.orgId);
}
