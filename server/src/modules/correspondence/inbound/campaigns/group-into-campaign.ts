import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record-audit';
import { type Queryable, queryRows } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import type { ItemRow } from '../../commands/register-correspondence';
import { correspondenceItems } from '../../correspondence.schema';
import { correspondenceCampaignItems, correspondenceCampaigns } from '../inbound.schema';
import { bandKeysOf, fingerprintOf } from './campaign-fingerprint';
import { trigramMatcher } from './trigram-similarity';

/** pg_trgm similarity of the normalised texts from which two items are one campaign. */
export const CAMPAIGN_SIMILARITY = 0.8;
/** Items older than this are not grouped with a new one. */
const WINDOW_DAYS = 90;
/** Enough candidates to find the campaign (any of its items will do) or start one. */
const MAX_CANDIDATES = 200;
/** The most recent letters each band key contributes to the candidates. */
const MAX_PER_KEY = 200;

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

interface Candidate {
  item_id: string;
  campaign_id: string | null;
  fingerprint: string;
}

/**
 * Files a newly registered incoming item's fingerprint, then groups it with the identical or
 * near-identical items other writers sent in the last 90 days: it joins their campaign, or
 * starts one with them. One statement files the fingerprint and its band keys and reads the
 * candidates: band keys through correspondence_fingerprint_bands_lookup_idx (org, band,
 * received_at, item), read from the index alone, at most the 200 most recent entries of each
 * key, the 200 sharing the most keys scored, so its cost is bounded whatever the register's
 * size (campaign-fingerprint.ts; EXPLAIN in campaigns.test.ts). Each is then scored here as
 * pg_trgm's similarity() would, kept at ≥ 0.8 (trigram-similarity.ts). Confidential items are
 * never grouped: a campaign's list would show them to everyone who sees the others.
 * `registerLocked`: the caller already holds campaignLockKey's lock (registration takes it
 * before its numbering counter), which spares a round trip. Returns the campaign's id, or null.
 */
export async function groupIntoCampaign(
  tx: Queryable,
  actor: Actor | null,
  item: ItemRow,
  options: { registerLocked?: boolean } = {},
): Promise<string | null> {
  if (item.direction !== 'in' || item.confidentiality === 'confidential') return null;
  const fingerprint = fingerprintOf(item.subject, item.body);
  const bands = bandKeysOf(fingerprint);
  if (bands.length === 0) return null;
  const senderKey = senderKeyOf(item);

  // Two near-identical letters registered at once must make one campaign, not two: grouping
  // is serialised per organisation for the rest of the transaction, from before the
  // candidates are read (the statement's snapshot then holds every earlier grouping).
  if (!options.registerLocked) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${campaignLockKey(item.orgId)}, 0))`);
  }
  const since = new Date(item.receivedAt.getTime() - WINDOW_DAYS * 86_400_000);
  const candidates = await queryRows<Candidate>(
    tx,
    sql`with filed as (
          insert into correspondence_fingerprints (item_id, org_id, received_at, sender_key, fingerprint)
          values (${item.id}, ${item.orgId}, ${item.receivedAt.toISOString()}::timestamptz, ${senderKey}, ${fingerprint})
          on conflict (item_id) do update set fingerprint = excluded.fingerprint, sender_key = excluded.sender_key
        ), banded as (
          insert into correspondence_fingerprint_bands (item_id, org_id, band, received_at)
          select ${item.id}, ${item.orgId}, band, ${item.receivedAt.toISOString()}::timestamptz
          from unnest(${bandArray(bands)}::bigint[]) band
          on conflict do nothing
        )
        ${campaignCandidatesStatement({ orgId: item.orgId, itemId: item.id, bands, since, senderKey })}`,
  );
  const threshold = Math.fround(CAMPAIGN_SIMILARITY);
  const score = trigramMatcher(fingerprint, threshold);
  const matches = candidates
    .map((c) => ({ ...c, score: score(c.fingerprint) }))
    .filter((c) => c.score >= threshold)
    .sort((a, b) => b.score - a.score || (a.item_id < b.item_id ? -1 : a.item_id > b.item_id ? 1 : 0));
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

/** A bigint[] literal of band keys (a JS array would be sent as a record). */
function bandArray(bands: bigint[]): string {
  return `{${bands.join(',')}}`;
}

/**
 * The candidates of other writers: the items sharing a band key in the window (an index-only
 * scan of correspondence_fingerprint_bands_lookup_idx per key, its 200 most recent entries),
 * the 200 sharing the most keys, with their fingerprint and campaign. Exported for the
 * EXPLAIN of campaigns.test.ts.
 */
export function campaignCandidatesStatement(p: {
  orgId: string;
  itemId: string;
  bands: bigint[];
  since: Date;
  senderKey: string;
}): SQL {
  return sql`select f.item_id, ci.campaign_id, f.fingerprint
    from (
      select b.item_id from unnest(${bandArray(p.bands)}::bigint[]) as k(band)
      -- Each key gives its most recent letters only (a backward range of the index): a turn of
      -- phrase shared by thousands of letters in 90 days made the scan grow with the register
      -- (5,953 entries at L), whereas a near-identical letter shares several keys, rare ones
      -- among them, and is found through those.
      cross join lateral (
        select x.item_id from correspondence_fingerprint_bands x
        where x.org_id = ${p.orgId} and x.band = k.band and x.received_at >= ${p.since.toISOString()}::timestamptz
        order by x.received_at desc
        limit ${MAX_PER_KEY}
      ) b
      where b.item_id <> ${p.itemId}
      group by b.item_id
      -- The items sharing the most band keys first: a near-identical letter shares many, a
      -- letter that only shares a turn of phrase one, and those can be thousands in 90 days.
      order by count(*) desc, b.item_id
      limit ${MAX_CANDIDATES}
    ) c
    -- One primary-key lookup per candidate (the LIMIT keeps the planner from flattening it):
    -- left free, it hashed the candidates and read the organisation's every fingerprint.
    cross join lateral (
      select fp.item_id, fp.fingerprint, fp.sender_key
      from correspondence_fingerprints fp where fp.item_id = c.item_id limit 1
    ) f
    -- Likewise its campaign by primary key: estimating one candidate, the planner scanned the
    -- whole link table once per candidate while it was small (13,434 rows read at S).
    left join lateral (
      select l.campaign_id from correspondence_campaign_items l where l.item_id = f.item_id limit 1
    ) ci on true
    where f.sender_key <> ${p.senderKey}`;
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
