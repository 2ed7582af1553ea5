import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { correspondenceItems } from '../../correspondence.schema';
import type { ItemRow } from '../../queries/find-correspondence';
import { correspondenceForwards } from '../forward.schema';
import { AUTHORITY_LETTER_SUBJECT, WRITER_LETTER_SUBJECT } from '../forward-letters';

export interface ForwardLetter {
  subject: string;
  bodyHtml: string;
  /** The letter's own number in the D register. */
  number: string;
  recipientName: string;
  recipientAddress: string | null;
  forwardedAt: Date;
}

/**
 * One of the two letters of a forwarded item the caller may see, as registered: its words
 * kept at forwarding, its recipient and number from its outgoing item; null when the item was
 * not forwarded. Two lookups by unique key (correspondence_forwards_item_uq, the item's id).
 */
export async function findForwardLetter(
  db: Queryable,
  item: ItemRow,
  to: 'writer' | 'authority',
): Promise<ForwardLetter | null> {
  const [forward] = await db
    .select()
    .from(correspondenceForwards)
    .where(and(eq(correspondenceForwards.orgId, item.orgId), eq(correspondenceForwards.itemId, item.id)));
  if (!forward) return null;
  const letterId = to === 'writer' ? forward.writerLetterItemId : forward.authorityLetterItemId;
  const [letter] = await db
    .select({
      number: correspondenceItems.registrationNumber,
      recipientName: correspondenceItems.senderName,
      recipientAddress: correspondenceItems.senderAddress,
    })
    .from(correspondenceItems)
    .where(and(eq(correspondenceItems.orgId, item.orgId), eq(correspondenceItems.id, letterId)));
  if (!letter) return null;
  return {
    ...letter,
    subject: to === 'writer' ? WRITER_LETTER_SUBJECT : AUTHORITY_LETTER_SUBJECT,
    bodyHtml: to === 'writer' ? forward.writerLetterHtml : forward.authorityLetterHtml,
    forwardedAt: forward.forwardedAt,
  };
}
