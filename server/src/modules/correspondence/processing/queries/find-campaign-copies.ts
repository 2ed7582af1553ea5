import { and, asc, desc, eq, getTableColumns, ne, notInArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../../../platform/db/client';
import { correspondenceItems } from '../../correspondence.schema';
import { correspondenceCampaignItems } from '../../inbound/inbound.schema';
import type { ItemRow } from '../../queries/find-correspondence';
import { correspondenceReplies } from '../processing.schema';

type ReplyRow = typeof correspondenceReplies.$inferSelect;

/** Statuses after which an item needs no reply any more: a campaign's reply leaves them alone. */
const ANSWERED = ['sent', 'closed', 'closed_without_reply', 'forwarded'] as const;

/**
 * The other incoming items of the lead's campaign that still wait for a reply, locked for the
 * sending transaction, oldest first (their copies take consecutive numbers in that order).
 * Never a confidential one: its writer's copy would go out under a reply nobody checked for it.
 * One statement: the campaign-items primary key, its campaign index, then the items' key.
 */
export async function findOpenCampaignMembers(tx: Queryable, orgId: string, leadId: string): Promise<ItemRow[]> {
  const mine = correspondenceCampaignItems;
  const others = alias(correspondenceCampaignItems, 'others');
  const item = correspondenceItems;
  return tx
    .select(getTableColumns(item))
    .from(mine)
    .innerJoin(others, eq(others.campaignId, mine.campaignId))
    .innerJoin(item, and(eq(item.orgId, orgId), eq(item.id, others.itemId)))
    .where(
      and(
        eq(mine.orgId, orgId),
        eq(mine.itemId, leadId),
        ne(others.itemId, leadId),
        eq(item.direction, 'in'),
        notInArray(item.status, [...ANSWERED]),
        ne(item.confidentiality, 'confidential'),
      ),
    )
    .orderBy(asc(item.receivedAt), asc(item.id))
    .for('update', { of: item });
}

/**
 * The reply a campaign member was sent as a copy of, addressed to the member's own writer, and
 * the copy's number (null when the item got no campaign copy). The copy answers the member
 * (`in_reply_to_id`) and names the lead's reply it copies (`campaign_reply_id`). One statement
 * through correspondence_items_in_reply_to_idx and the replies' primary key.
 */
export async function findCampaignCopyReply(
  db: Queryable,
  member: ItemRow,
): Promise<{ reply: ReplyRow; outgoingNumber: string } | null> {
  const copy = correspondenceItems;
  const r = correspondenceReplies;
  const [found] = await db
    .select({ reply: getTableColumns(r), outgoingNumber: copy.registrationNumber })
    .from(copy)
    .innerJoin(r, and(eq(r.orgId, copy.orgId), eq(r.id, copy.campaignReplyId)))
    .where(and(eq(copy.orgId, member.orgId), eq(copy.inReplyToId, member.id), eq(copy.direction, 'out')))
    .orderBy(desc(copy.receivedAt))
    .limit(1);
  if (!found) return null;
  return {
    reply: {
      ...found.reply,
      recipientName: member.senderName,
      recipientEmail: member.senderEmail,
      recipientAddress: member.senderAddress,
    },
    outgoingNumber: found.outgoingNumber,
  };
}
