import type { TCreateItemType } from '@dircab/contracts';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { correspondenceItemTypes } from '../../correspondence.schema';
import { codeTaken, type ItemTypeRow } from './item-type-changes';

/** Adds an item type to the organisation (409 when its code is taken). Audited. */
export async function createItemType(tx: Queryable, actor: Actor, input: TCreateItemType): Promise<ItemTypeRow> {
  const [row] = await tx
    .insert(correspondenceItemTypes)
    .values({ ...input, orgId: actor.orgId })
    // correspondence_items_types_org_code_uq: a taken code is a conflict, never a 500.
    .onConflictDoNothing()
    .returning();
  if (!row) throw codeTaken(input.code);
  await recordAudit(tx, actor, {
    action: 'correspondence.type_create',
    recordType: 'correspondence_item_type',
    recordId: row.id,
    summary: { after: input },
  });
  return row;
}
