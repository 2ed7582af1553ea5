import type { TPublicFormSettings } from '@dircab/contracts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { correspondencePublicForms } from '../inbound.schema';

/** The web sites allowed to send the organisation's public form from a browser (none by default). */
export async function publicFormSettingsOf(db: Queryable, orgId: string): Promise<TPublicFormSettings> {
  const [row] = await db
    .select({ allowedOrigins: correspondencePublicForms.allowedOrigins })
    .from(correspondencePublicForms)
    .where(eq(correspondencePublicForms.orgId, orgId));
  return { allowedOrigins: row?.allowedOrigins ?? [] };
}

/** Sets the allowed web sites. Audited with the list before and after. */
export async function updatePublicFormSettings(
  tx: Queryable,
  actor: Actor,
  input: TPublicFormSettings,
): Promise<TPublicFormSettings> {
  const before = await publicFormSettingsOf(tx, actor.orgId);
  const allowedOrigins = [...new Set(input.allowedOrigins)];
  await tx
    .insert(correspondencePublicForms)
    .values({ orgId: actor.orgId, allowedOrigins })
    .onConflictDoUpdate({ target: correspondencePublicForms.orgId, set: { allowedOrigins, updatedAt: new Date() } });
  await recordAudit(tx, actor, {
    action: 'correspondence.public_form_settings',
    recordType: 'correspondence_settings',
    recordId: actor.orgId,
    summary: { before, after: { allowedOrigins } },
  });
  return { allowedOrigins };
}
