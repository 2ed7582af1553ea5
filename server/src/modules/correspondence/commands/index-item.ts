import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { indexRecord } from '../../../platform/search/search-index';
import { officials } from '../../directory/officials.schema';
import { memberships } from '../../org/org.schema';
import { searchConfidentiality } from '../correspondence.policy';
import type { correspondenceItems } from '../correspondence.schema';
import { attachmentSearchText } from '../inbound/attachments/attachment-search-text';

type ItemRow = typeof correspondenceItems.$inferSelect;

/**
 * Who, besides the cabinet, may find the item: the people named on it and, unless it is
 * confidential, the people routed to and the members of the services routed to, and for a
 * normal item the officials whose portfolio holds its topic (the rules of `visibleItems`).
 * A change of service or portfolio re-computes it for many items at once:
 * search/refresh-search-audience.ts, kept equal to this by its test.
 */
async function audienceOf(tx: Queryable, item: ItemRow): Promise<string[]> {
  const people = new Set(item.members);
  if (item.confidentiality !== 'confidential') {
    for (const id of item.routedUserIds) people.add(id);
    if (item.serviceIds.length > 0) {
      const staff = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(
          and(
            eq(memberships.orgId, item.orgId),
            eq(memberships.role, 'services'),
            inArray(memberships.serviceId, item.serviceIds),
          ),
        );
      for (const m of staff) people.add(m.userId);
    }
  }
  if (item.confidentiality === 'normal' && item.topic) {
    const holders = await tx
      .select({ userId: officials.userId })
      .from(officials)
      .where(
        and(
          eq(officials.orgId, item.orgId),
          isNotNull(officials.userId),
          sql`${officials.portfolios} @> array[${item.topic}]::text[]`,
        ),
      );
    for (const o of holders) if (o.userId) people.add(o.userId);
  }
  return [...people];
}

/**
 * Puts an item in the global search (kind `mail`) with who may find it. The body holds the
 * writer, the item's tags (so « voirie » finds what the cabinet tagged so), the text and the
 * text extracted from its attachments, so every re-index (an edit, a routing, a tag change)
 * keeps them all. `fresh`: the item was just registered and has no attachment yet (one
 * query less in registration's queued part).
 */
export async function indexItem(tx: Queryable, item: ItemRow, options: { fresh?: boolean } = {}): Promise<void> {
  const attachments = options.fresh ? '' : await attachmentSearchText(tx, item.orgId, item.id);
  const lines = [item.senderName, item.tags.join(', '), item.body, attachments];
  await indexRecord(tx, {
    orgId: item.orgId,
    kind: 'mail',
    recordId: item.id,
    title: `${item.registrationNumber} — ${item.subject}`,
    body: lines.filter((line) => line !== '').join('\n'),
    url: `/correspondence/${item.id}`,
    confidentiality: searchConfidentiality(item.confidentiality),
    members: await audienceOf(tx, item),
  });
}
