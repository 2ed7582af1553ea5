import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { correspondenceItems, correspondenceItemTypes } from '../../correspondence.schema';
import { lockItemType } from './item-type-changes';

/**
 * Deletes an item type no item uses (409 otherwise: the register keeps what each item was).
 * The lookup reads correspondence_items_org_type_idx. Audited.
 */
export async function deleteItemType(tx: Queryable, actor: Actor, id: string): Promise<void> {
  const before = await lockItemType(tx, actor, id);
  const [used] = await tx
    .select({ id: correspondenceItems.id })
    .from(correspondenceItems)
    .where(and(eq(correspondenceItems.orgId, actor.orgId), eq(correspondenceItems.typeId, id)))
    .limit(1);
  if (used) {
    throw problems.conflict(
      `Le type « ${before.label} » est utilisé par des courriers enregistrés : il ne peut pas être supprimé. Renommez-le plutôt.`,
    );
  }
  await tx
    .delete(correspondenceItemTypes)
    .where(and(eq(correspondenceItemTypes.orgId, actor.orgId), eq(correspondenceItemTypes.id, id)));
  await recordAudit(tx, actor, {
    action: 'correspondence.type_delete',
    recordType: 'correspondence_item_type',
    recordId: id,
    summary: { before: { code: before.code, label: before.label } },
  });
}
