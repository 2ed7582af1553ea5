import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record-audit';
import { type Queryable, queryRows } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import type { ItemRow } from '../../commands/register-correspondence';
import { correspondenceItems } from '../../correspondence.schema';
import {
  correspondenceCampaignItems,
  correspondenceCampaigns,
  correspondenceFingerprintBands,
  correspondenceFingerprints,
} from '../inbound.schema';
import { bandKeysOf, fingerprintOf } from './campaign-fingerprint';

/** pg_trgm similarity of the normalised texts from which two items are one campaign. */
export const CAMPAIGN_SIMILARITY = 0.8;
/** Items older than this are not grouped with a new one. */
const WINDOW_DAYS = 90;
/** Enough candidates to find the campaign (any of its items will do) or start one. */
const MAX_CANDIDATES = 200;

/** The advisory lock that serialises an organisation's incoming registrations and their grouping. */
export function campaignLockKey(orgId: string): string {
  return `correspondence.campaigns:${orgId}`;
}

/** Who wrote it: a writer's own repeated letters are no campaign. */
function senderKeyOf(item: ItemRow): string {
  if (item.senderContactId) return `contact:${item.senderContactId}`;
  if (item.senderEmail) return `email:${item.senderEmail.toLowerCase()}`;
  return `name:${item.senderName.trim().toLowerCase()}`;
}

interface Match {
  item_id: string;
  campaign_id: string | null;
  received_at: string;
  score: number;
}

/**
 * Files a newly registered incoming item's fingerprint, then groups it with the identical or
 * near-identical items other writers sent in the last 90 days: it joins their campaign, or
 * starts one with them. One statement finds the matches: band keys through
 * correspondence_fingerprint_bands_lookup_idx (org, band, received_at), at most 200
 * candidates, each checked with similarity() ≥ 0.8, so its cost follows the campaign's size,
 * not the register's (campaign-fingerprint.ts; EXPLAIN in campaigns.test.ts). Confidential
 * items are never grouped: a campaign's list would show them to everyone who sees the others.
 * Returns the campaign's id, or null.
 */
export async function groupIntoCampaign(tx: Queryable, actor: Actor | null, item: ItemRow): Promise<string | null> {
  if (item.direction !== 'in' || item.confidentiality === 'confidential') return null;
  const fingerprint = fingerprintOf(item.subject, item.body);
  const bands = bandKeysOf(fingerprint);
  if (bands.length === 0) return null;
  const senderKey = senderKeyOf(item);
  await tx
    .insert(correspondenceFingerprints)
    .values({ itemId: item.id, orgId: item.orgId, receivedAt: item.receivedAt, senderKey, fingerprint })
    .onConflictDoUpdate({ target: correspondenceFingerprints.itemId, set: { fingerprint, senderKey } });
  await tx
    .insert(correspondenceFingerprintBands)
    .values(bands.map((band) => ({ itemId: item.id, orgId: item.orgId, band, receivedAt: item.receivedAt })))
    .onConflictDoNothing();

  // Two near-identical letters registered at once must make one campaign, not two: grouping
  // is serialised per organisation for the rest of the transaction. Registration already
  // holds this lock (taken before its numbering counter); taking it again costs nothing.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${campaignLockKey(item.orgId)}, 0))`);
  const since = new Date(item.receivedAt.getTime() - WINDOW_DAYS * 86_400_000);
  const matches = await queryRows<Match>(
    tx,
    campaignMatchesStatement({ orgId: item.orgId, itemId: item.id, bands, since, fingerprint, senderKey }),
  );
  if (matches.length === 0) return null;

  const joined = matches.find((m) => m.campaign_id)?.campaign_id;
  if (joined) {
    await addItems(tx, item.orgId, joined, [item.id]);
    await recordAudit(
      tx,
      actor,
      {
        action: 'correspondence.campaign_join',
        recordType: 'correspondence',
        recordId: item.id,
        summary: { after: { campaignId: joined } },
      },
      item.orgId,
    );
    return joined;
  }
  // A new campaign, named after its first item: the earliest received of the group.
  const ids = [item.id, ...matches.map((m) => m.item_id)];
  const [first] = await tx
    .select({ id: correspondenceItems.id, subject: correspondenceItems.subject })
    .from(correspondenceItems)
    .where(and(eq(correspondenceItems.orgId, item.orgId), inArray(correspondenceItems.id, ids)))
    .orderBy(asc(correspondenceItems.receivedAt), asc(correspondenceItems.id))
    .limit(1);
  const [campaign] = await tx
    .insert(correspondenceCampaigns)
    .values({ orgId: item.orgId, label: first?.subject ?? item.subject, firstItemId: first?.id ?? item.id })
    .returning({ id: correspondenceCampaigns.id });
  if (!campaign) throw new Error('campaign not created');
  await addItems(tx, item.orgId, campaign.id, ids);
  await recordAudit(
    tx,
    actor,
    {
      action: 'correspondence.campaign_create',
      recordType: 'correspondence_campaign',
      recordId: campaign.id,
      summary: { after: { itemIds: ids, label: first?.subject ?? item.subject } },
    },
    item.orgId,
  );
  return campaign.id;
}

/**
 * The near-identical items of other writers: the candidates sharing a band key in the window
 * (an index scan of correspondence_fingerprint_bands_lookup_idx per key, at most 200), each
 * compared with similarity(). Exported for the EXPLAIN of campaigns.test.ts.
 */
export function campaignMatchesStatement(p: {
  orgId: string;
  itemId: string;
  bands: bigint[];
  since: Date;
  fingerprint: string;
  senderKey: string;
}): SQL {
  return sql`with candidates as (
      select distinct b.item_id from correspondence_fingerprint_bands b
      where b.org_id = ${p.orgId} and b.band = any(${`{${p.bands.join(',')}}`}::bigint[])
        and b.received_at >= ${p.since.toISOString()}::timestamptz and b.item_id <> ${p.itemId}
      limit ${MAX_CANDIDATES}
    )
    select f.item_id, ci.campaign_id, f.received_at::text as received_at,
           similarity(f.fingerprint, ${p.fingerprint}) as score
    from candidates c
    -- One primary-key lookup per candidate (the LIMIT keeps the planner from flattening it):
    -- left free, it hashed the candidates and computed similarity() over the organisation's
    -- every fingerprint (660 ms at 3,000; seconds at a million).
    cross join lateral (
      select fp.item_id, fp.fingerprint, fp.sender_key, fp.received_at
      from correspondence_fingerprints fp where fp.item_id = c.item_id limit 1
    ) f
    left join correspondence_campaign_items ci on ci.item_id = f.item_id
    where f.sender_key <> ${p.senderKey} and similarity(f.fingerprint, ${p.fingerprint}) >= ${CAMPAIGN_SIMILARITY}
    order by score desc, f.item_id`;
}

async function addItems(tx: Queryable, orgId: string, campaignId: string, itemIds: string[]) {
  await tx
    .insert(correspondenceCampaignItems)
    .values(itemIds.map((itemId) => ({ itemId, campaignId, orgId })))
    .onConflictDoNothing();
  await recountCampaign(tx, campaignId);
}

/** The campaign's count from its link rows (correspondence_campaign_items_campaign_idx). */
export async function recountCampaign(tx: Queryable, campaignId: string) {
  await tx
    .update(correspondenceCampaigns)
    .set({
      itemCount: sql`(select count(*)::int from ${correspondenceCampaignItems} where ${correspondenceCampaignItems.campaignId} = ${campaignId})`,
      updatedAt: sql`now()`,
    })
    .where(eq(correspondenceCampaigns.id, campaignId));
}
