import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { findItem } from '../../queries/find-correspondence';
import { correspondenceCampaignItems, correspondenceCampaigns } from '../inbound.schema';
import { findCampaign } from '../queries/find-campaigns';
import { recountCampaign } from './group-into-campaign';

/**
 * Takes an item out of its campaign (grouped by mistake): it will get its own reply. A
 * campaign left with a single item is no campaign any more and is dissolved. Audited.
 * Returns whether the campaign still exists.
 */
export async function detachFromCampaign(
  tx: Queryable,
  actor: Actor,
  campaignId: string,
  itemId: string,
): Promise<{ dissolved: boolean }> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`correspondence.campaigns:${actor.orgId}`}, 0))`,
  );
  const campaign = await findCampaign(tx, actor, campaignId, true);
  const item = campaign ? await findItem(tx, actor, itemId) : null;
  if (!campaign || !item) throw problems.notFound();
  const removed = await tx
    .delete(correspondenceCampaignItems)
    .where(and(eq(correspondenceCampaignItems.campaignId, campaignId), eq(correspondenceCampaignItems.itemId, itemId)))
    .returning({ itemId: correspondenceCampaignItems.itemId });
  if (removed.length === 0) throw problems.notFound('Ce courrier ne fait pas partie de cette campagne.');

  const left = await tx
    .select({ itemId: correspondenceCampaignItems.itemId })
    .from(correspondenceCampaignItems)
    .where(eq(correspondenceCampaignItems.campaignId, campaignId))
    .orderBy(asc(correspondenceCampaignItems.itemId))
    .limit(2);
  const dissolved = left.length < 2;
  if (dissolved) {
    await tx.delete(correspondenceCampaigns).where(eq(correspondenceCampaigns.id, campaignId));
  } else {
    await recountCampaign(tx, campaignId);
    if (campaign.firstItemId === itemId) {
      // The earliest registered of those left (UUIDv7 ids follow registration).
      await tx
        .update(correspondenceCampaigns)
        .set({ firstItemId: left[0]?.itemId ?? null })
        .where(eq(correspondenceCampaigns.id, campaignId));
    }
  }
  await recordAudit(tx, actor, {
    action: 'correspondence.campaign_detach',
    recordType: 'correspondence',
    recordId: itemId,
    summary: { before: { campaignId }, after: { campaignId: null, campaignDissolved: dissolved } },
  });
  return { dissolved };
}
