import type { TPublicFormSettings, TPublicFormSettingsView } from '@dircab/contracts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { itemTypeOf } from '../../commands/item-references';
import { correspondencePublicForms } from '../inbound.schema';

/** The web sites allowed to send the organisation's public form (none by default) and the type its requests get. */
export async function publicFormSettingsOf(db: Queryable, orgId: string): Promise<TPublicFormSettingsView> {
  const [row] = await db
    .select({ allowedOrigins: correspondencePublicForms.allowedOrigins, typeId: correspondencePublicForms.typeId })
    .from(correspondencePublicForms)
    .where(eq(correspondencePublicForms.orgId, orgId));
  return { allowedOrigins: row?.allowedOrigins ?? [], typeId: row?.typeId ?? null };
}

/** Sets the allowed web sites and the requests' type (one of the organisation's: 400 otherwise). Audited before and after. */
export async function updatePublicFormSettings(
  tx: Queryable,
  actor: Actor,
  input: TPublicFormSettings,
): Promise<TPublicFormSettingsView> {
  const before = await publicFormSettingsOf(tx, actor.orgId);
  const allowedOrigins = [...new Set(input.allowedOrigins)];
  const typeId = input.typeId === undefined ? before.typeId : ((await itemTypeOf(tx, actor, input.typeId))?.id ?? null);
  await tx
    .insert(correspondencePublicForms)
    .values({ orgId: actor.orgId, allowedOrigins, typeId })
    .onConflictDoUpdate({
      target: correspondencePublicForms.orgId,
      set: { allowedOrigins, typeId, updatedAt: new Date() },
    });
  const after = { allowedOrigins, typeId };
  await recordAudit(tx, actor, {
    action: 'correspondence.public_form_settings',
    recordType: 'correspondence_settings',
    recordId: actor.orgId,
    summary: { before, after },
  });
  return after;
}
