import type { Queryable } from '../../../../platform/db/client';
import { renderLetter } from '../../../../platform/documents/render-letter';
import { enqueueMail } from '../../../../platform/mailer/mail-job';
import type { Actor } from '../../../../platform/policy/actor';
import { findLetterhead } from '../../acknowledgement/letterhead';
import type { ItemRow } from '../../queries/find-correspondence';
import type { correspondenceReplies } from '../processing.schema';
import { replyText } from '../reply-html';
import { replyLetter } from '../reply-letter';

type ReplyRow = typeof correspondenceReplies.$inferSelect;

/**
 * Enqueues the e-mail of a signed reply, the letter attached as PDF, in the sending
 * transaction (the `mail.send` job): the message leaves only if the reply is registered, and
 * once per outgoing item.
 */
export async function enqueueReplyMail(
  tx: Queryable,
  actor: Actor,
  item: ItemRow,
  reply: ReplyRow,
  outgoing: ItemRow,
  org: { name: string; timeZone: string },
): Promise<void> {
  if (!reply.recipientEmail) throw new Error('reply mail without a recipient address');
  const letterhead = await findLetterhead(tx, { id: actor.orgId, name: org.name });
  const pdf = await renderLetter(replyLetter(item, reply, org, letterhead, outgoing.registrationNumber), 'pdf');
  await enqueueMail(
    tx,
    actor.orgId,
    {
      to: reply.recipientEmail,
      subject: reply.subject,
      text: replyText(reply.bodyHtml),
      html: reply.bodyHtml,
      attachments: [{ filename: `${outgoing.registrationNumber}.pdf`, contentType: 'application/pdf', content: pdf }],
    },
    { idempotencyKey: `correspondence.reply:${outgoing.id}` },
  );
}
