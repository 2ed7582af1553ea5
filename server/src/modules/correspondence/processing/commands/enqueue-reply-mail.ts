import type { Queryable } from '../../../../platform/db/client';
import { renderLetter } from '../../../../platform/documents/render-letter';
import { enqueueMail } from '../../../../platform/mailer/mail-job';
import type { Actor } from '../../../../platform/policy/actor';
import { findLetterhead } from '../../acknowledgement/letterhead';
import { originalMessageId } from '../../acknowledgement/queries/original-message-id';
import type { ItemRow } from '../../queries/find-correspondence';
import type { correspondenceReplies } from '../processing.schema';
import { replyText } from '../reply-html';
import { replyLetter } from '../reply-letter';
import { answerSubject } from '../reply-subject';

type ReplyRow = typeof correspondenceReplies.$inferSelect;

/**
 * Enqueues the e-mail of a signed reply, the letter attached as PDF, in the sending
 * transaction (the `mail.send` job): the message leaves only if the reply is registered, and
 * once per outgoing item. A reply to an email is threaded under it.
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
  // An item that came by email is answered in the writer's thread: In-Reply-To and References
  // carry their Message-ID (stored at registration), the subject « RE : » once.
  const answered = item.channel === 'email' ? await originalMessageId(tx, actor.orgId, item.id) : null;
  await enqueueMail(
    tx,
    actor.orgId,
    {
      to: reply.recipientEmail,
      subject: answered ? answerSubject(reply.subject) : reply.subject,
      ...(answered ? { inReplyTo: answered, references: [answered] } : {}),
      text: replyText(reply.bodyHtml),
      html: reply.bodyHtml,
      attachments: [{ filename: `${outgoing.registrationNumber}.pdf`, contentType: 'application/pdf', content: pdf }],
    },
    { idempotencyKey: `correspondence.reply:${outgoing.id}` },
  );
}
