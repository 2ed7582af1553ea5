import type { TCampaign, TCampaignDetail } from '@dircab/contracts';
import { and, asc, desc, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { CORRESPONDENCE_ROLES, visibleItems } from '../../correspondence.policy';
import { correspondenceItems } from '../../correspondence.schema';
import { correspondenceCampaignItems, correspondenceCampaigns } from '../inbound.schema';
import { uuidCursor } from '../uuid-cursor';

type CampaignRow = typeof correspondenceCampaigns.$inferSelect;

const itemScope = {
  orgId: correspondenceItems.orgId,
  confidentiality: correspondenceItems.confidentiality,
  members: correspondenceItems.members,
};

/** A campaign is visible when one of its items is: its label is their common subject. */
function hasVisibleItem(actor: Actor): SQL {
  return sql`exists (
    select 1 from ${correspondenceCampaignItems}
    join ${correspondenceItems} on ${correspondenceItems.id} = ${correspondenceCampaignItems.itemId}
    where ${correspondenceCampaignItems.campaignId} = ${correspondenceCampaigns.id} and ${visibleItems(actor, itemScope)})`;
}

export function presentCampaign(actor: Actor, row: CampaignRow): TCampaign {
  return {
    id: row.id,
    label: row.label,
    firstItemId: row.firstItemId,
    itemCount: row.itemCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    policies: { detach: CORRESPONDENCE_ROLES.register.includes(actor.role) },
  };
}

/** The organisation's campaigns the actor sees, newest first (keyset on id, correspondence_campaigns_org_idx). */
export async function findCampaigns(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ data: TCampaign[]; nextCursor: string | null }> {
  const after = uuidCursor(query.cursor);
  const rows = await db
    .select()
    .from(correspondenceCampaigns)
    .where(
      and(
        eq(correspondenceCampaigns.orgId, actor.orgId),
        after ? lt(correspondenceCampaigns.id, after) : undefined,
        hasVisibleItem(actor),
      ),
    )
    .orderBy(desc(correspondenceCampaigns.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((r) => presentCampaign(actor, r)),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** One campaign the actor sees (else null: 404), locked for a change when asked. */
export async function findCampaign(
  db: Queryable,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<CampaignRow | null> {
  const query = db
    .select()
    .from(correspondenceCampaigns)
    .where(
      and(eq(correspondenceCampaigns.orgId, actor.orgId), eq(correspondenceCampaigns.id, id), hasVisibleItem(actor)),
    );
  const [row] = forUpdate ? await query.for('update', { of: correspondenceCampaigns }) : await query;
  return row ?? null;
}

/** A campaign with the items the actor sees, in the order they were registered (keyset on item id). */
export async function findCampaignDetail(
  db: Queryable,
  actor: Actor,
  id: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<TCampaignDetail | null> {
  const campaign = await findCampaign(db, actor, id);
  if (!campaign) return null;
  const after = uuidCursor(query.cursor);
  const t = correspondenceItems;
  const rows = await db
    .select({
      id: t.id,
      registrationNumber: t.registrationNumber,
      subject: t.subject,
      senderName: t.senderName,
      senderContactId: t.senderContactId,
      channel: t.channel,
      receivedAt: t.receivedAt,
    })
    .from(correspondenceCampaignItems)
    .innerJoin(t, eq(t.id, correspondenceCampaignItems.itemId))
    .where(
      and(
        eq(correspondenceCampaignItems.campaignId, id),
        after ? gt(correspondenceCampaignItems.itemId, after) : undefined,
        visibleItems(actor, itemScope),
      ),
    )
    .orderBy(asc(correspondenceCampaignItems.itemId))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    ...presentCampaign(actor, campaign),
    items: page.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
