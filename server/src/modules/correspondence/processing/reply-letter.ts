import type { TLetter } from '../../../platform/documents/letter';
import type { correspondenceItems } from '../correspondence.schema';
import type { correspondenceReplies } from './processing.schema';
import { frenchDate } from './reply-html';

type ItemRow = typeof correspondenceItems.$inferSelect;
type ReplyRow = typeof correspondenceReplies.$inferSelect;

/**
 * The reply as a letter: the organisation's letterhead, the recipient's address block in the
 * envelope window, the references (our number once registered, the writer's item), the body.
 */
export function replyLetter(
  item: ItemRow,
  reply: ReplyRow,
  org: { name: string; timeZone: string },
  outgoingNumber: string | null,
): TLetter {
  return {
    letterhead: { organisationName: org.name, lines: [] },
    place: '',
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
    signature: null,
  };
}
