import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { correspondenceItems } from '../correspondence.schema';
import { indexItem } from './index-item';
import type { ItemRow } from './register-correspondence';

/**
 * Records that an outgoing item answers an incoming one of the same organisation, the link
 * replies and forward letters keep (`inReplyToId`), for other modules that write a reply
 * (the agenda's letter declining an invitation). Null when either item is not the
 * organisation's or not of its direction: nothing is linked then.
 */
export async function linkAnswer(
  tx: Queryable,
  actor: Actor,
  outgoingId: string,
  answeredId: string,
): Promise<ItemRow | null> {
  const [answered] = await tx
    .select({ id: correspondenceItems.id })
    .from(correspondenceItems)
    .where(
      and(
        eq(correspondenceItems.orgId, actor.orgId),
        eq(correspondenceItems.id, answeredId),
        eq(correspondenceItems.direction, 'in'),
      ),
    );
  if (!answered) return null;
  const [row] = await tx
    .update(correspondenceItems)
    .set({ inReplyToId: answered.id, updatedAt: new Date() })
    .where(
      and(
        eq(correspondenceItems.orgId, actor.orgId),
        eq(correspondenceItems.id, outgoingId),
        eq(correspondenceItems.direction, 'out'),
      ),
    )
    .returning();
  if (!row) return null;
  await indexItem(tx, row);
  return row;
}
