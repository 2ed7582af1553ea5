import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { uuidArray } from '../../directory/duplicates/find-matches';
import { columnLink, registerContactLink } from '../../directory/merge/contact-link-registry';
import {
  registerTimelineSource,
  type TimelineFetch,
  type TimelineItem,
  type TimelineSource,
} from '../../directory/timeline/timeline-registry';
import { ITEM_SCOPE, visibleItems } from '../correspondence.policy';
import { STATUS_LABELS } from './load-item';

interface ItemEntry {
  id: string;
  at: Date | string;
  direction: 'in' | 'out';
  registration_number: string;
  subject: string;
  status: keyof typeof STATUS_LABELS;
}

/**
 * The writer's (or recipient's) items on their 360° page, newest received first, only those
 * the actor may see (the list's own rule): through correspondence_items_sender_idx.
 */
export const correspondenceTimelineSource: TimelineSource = {
  kind: 'correspondence',
  async fetch(db: Queryable, actor: Actor, _contactId: string, q: TimelineFetch): Promise<TimelineItem[]> {
    const entryId = sql`('mail:' || correspondence_items.id::text)`;
    const at = sql`date_trunc('milliseconds', correspondence_items.received_at)`;
    const before = q.before
      ? sql`(${at} < ${q.before.at.toISOString()}::timestamptz
            or (${at} = ${q.before.at.toISOString()}::timestamptz and ${entryId} collate "C" < ${q.before.id}))`
      : sql`true`;
    const rows = await queryRows<ItemEntry>(
      db,
      sql`select correspondence_items.id, correspondence_items.received_at as at, correspondence_items.direction,
                 correspondence_items.registration_number, correspondence_items.subject, correspondence_items.status
          from correspondence_items
          where correspondence_items.org_id = ${actor.orgId}
            and correspondence_items.sender_contact_id = any(${uuidArray(q.contactIds)})
            and ${visibleItems(actor, ITEM_SCOPE)} and ${before}
          order by ${at} desc, ${entryId} collate "C" desc
          limit ${q.limit}`,
    );
    return rows.map((r) => ({
      id: `mail:${r.id}`,
      at: new Date(r.at),
      title: `${r.direction === 'in' ? 'Courrier reçu' : 'Courrier envoyé'} ${r.registration_number} : ${r.subject}`,
      summary: `Statut : ${STATUS_LABELS[r.status]}`,
      link: `/correspondence/${r.id}`,
      actorName: null,
    }));
  },
};

/** A merge of two contacts moves the duplicate's items to the kept contact (and an undo moves them back). */
export const correspondenceSenderLink = columnLink({
  name: 'correspondence',
  table: 'correspondence_items',
  column: 'sender_contact_id',
});

let registered = false;

/** Puts correspondence on the directory's 360° page and in its merges; idempotent. */
export function registerCorrespondenceSenderLinks(): void {
  if (registered) return;
  registered = true;
  registerTimelineSource(correspondenceTimelineSource);
  registerContactLink(correspondenceSenderLink);
}
