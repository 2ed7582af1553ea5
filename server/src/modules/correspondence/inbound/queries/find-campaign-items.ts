import { and, asc, eq, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../../../platform/db/client';
import { correspondenceCampaignItems } from '../inbound.schema';

/**
 * The other items of an item's campaign (empty when it is in none), for the reply circuit:
 * one reply serves the campaign, and each writer gets their copy. Two primary-key and index
 * lookups (item → campaign → its items). No visibility filter: the caller acts on an item it
 * may already see, and the campaign's items share its text.
 */
export async function findCampaignItemIds(tx: Queryable, orgId: string, itemId: string): Promise<string[]> {
  const mine = correspondenceCampaignItems;
  const others = alias(correspondenceCampaignItems, 'others');
  const rows = await tx
    .select({ id: others.itemId })
    .from(mine)
    .innerJoin(others, eq(others.campaignId, mine.campaignId))
    .where(and(eq(mine.orgId, orgId), eq(mine.itemId, itemId), ne(others.itemId, itemId)))
    .orderBy(asc(others.itemId));
  return rows.map((r) => r.id);
}
