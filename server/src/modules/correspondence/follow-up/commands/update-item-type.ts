import type { TUpdateItemType } from '@dircab/contracts';
import { and, eq, ne } from 'drizzle-orm';
import { diffSummary, recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { correspondenceItemTypes } from '../../correspondence.schema';
import { codeTaken, type ItemTypeRow, lockItemType } from './item-type-changes';

/**
 * Changes an item type. Items already registered keep their dates: a new delay applies to the
 * items registered (or re-typed) after the change. Audited with what changed.
 */
export async function updateItemType(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TUpdateItemType,
): Promise<ItemTypeRow> {
  const t = correspondenceItemTypes;
  const before = await lockItemType(tx, actor, id);
  if (input.code !== undefined && input.code !== before.code) {
    const [taken] = await tx
      .select({ id: t.id })
      .from(t)
      .where(and(eq(t.orgId, actor.orgId), eq(t.code, input.code), ne(t.id, id)));
    if (taken) throw codeTaken(input.code);
  }
  const [row] = await tx
    .update(t)
    .set({ ...input, updatedAt: new Date() })
    .where(and(eq(t.orgId, actor.orgId), eq(t.id, id)))
    .returning();
  if (!row) throw new Error('item type vanished under its lock');
  await recordAudit(tx, actor, {
    action: 'correspondence.type_update',
    recordType: 'correspondence_item_type',
    recordId: id,
    summary: diffSummary(before, input),
  });
  return row;
}
