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
 * normal item the officials whose portfolio holds its topic (the rules of `visibleItems`,
 * as of now: someone who joins a service later finds its older items in the list, not here).
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
 * Puts an item in the global search (kind `mail`) with who may find it; the text extracted
 * from its attachments follows the body, so every re-index (an edit, a routing) keeps it.
 */
export async function indexItem(tx: Queryable, item: ItemRow): Promise<void> {
  const attachments = await attachmentSearchText(tx, item.orgId, item.id);
  await indexRecord(tx, {
    orgId: item.orgId,
    kind: 'mail',
    recordId: item.id,
    title: `${item.registrationNumber} — ${item.subject}`,
    body: attachments ? `${item.senderName}\n${item.body}\n${attachments}` : `${item.senderName}\n${item.body}`,
    url: `/correspondence/${item.id}`,
    confidentiality: searchConfidentiality(item.confidentiality),
    members: await audienceOf(tx, item),
  });
}
