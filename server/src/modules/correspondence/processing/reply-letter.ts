import type { TLetter } from '../../../platform/documents/letter';
import { type LetterheadRow, letterheadLines } from '../acknowledgement/letterhead';
import type { correspondenceItems } from '../correspondence.schema';
import type { correspondenceReplies } from './processing.schema';
import { frenchDate } from './reply-html';

type ItemRow = typeof correspondenceItems.$inferSelect;
type ReplyRow = typeof correspondenceReplies.$inferSelect;

/**
 * The reply as a letter: the organisation's letterhead (the acknowledgements' own), the
 * recipient's address block in the envelope window, the references (our number once
 * registered, the writer's item), the body, the executive's signature.
 */
export function replyLetter(
  item: ItemRow,
  reply: ReplyRow,
  org: { timeZone: string },
  letterhead: LetterheadRow,
  outgoingNumber: string | null,
): TLetter {
  return {
    letterhead: { organisationName: letterhead.organisationName, lines: letterheadLines(letterhead) },
    place: letterhead.place,
    date: frenchDate(reply.sentAt ?? new Date(), org.timeZone),
    references: [
      ...(outgoingNumber ? [{ label: 'Nos réf.', value: outgoingNumber }] : []),
      { label: 'Votre courrier', value: `${item.registrationNumber} du ${frenchDate(item.receivedAt, org.timeZone)}` },
    ],
    recipient: {
      name: reply.recipientName,
      addressLines: (reply.recipientAddress ?? '')
        .split(/\r?\n|,\s*/)
        .map((l) => l.trim())
        .filter(Boolean),
    },
    subject: reply.subject,
    bodyHtml: reply.bodyHtml,
    signature: letterhead.executiveName
      ? { name: letterhead.executiveName, title: letterhead.executiveTitle ?? '' }
      : null,
  };
}
