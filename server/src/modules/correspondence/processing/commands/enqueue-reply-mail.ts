import type { Queryable } from '../../../../platform/db/client';
import { renderLetter } from '../../../../platform/documents/render-letter';
import { enqueueJob } from '../../../../platform/jobs/enqueue-job';
import type { Actor } from '../../../../platform/policy/actor';
import type { ItemRow } from '../../queries/find-correspondence';
import type { correspondenceReplies } from '../processing.schema';
import { replyText } from '../reply-html';
import { replyLetter } from '../reply-letter';

type ReplyRow = typeof correspondenceReplies.$inferSelect;

/**
 * Enqueues the e-mail of a signed reply, the letter attached as PDF, in the sending
 * transaction: the message leaves only if the reply is registered. The `mail.send` payload
 * follows sendMail's message (attachments as base64, JSON cannot hold a Buffer).
 */
export async function enqueueReplyMail(
  tx: Queryable,
  actor: Actor,
  item: ItemRow,
  reply: ReplyRow,
  outgoing: ItemRow,
  org: { name: string; timeZone: string },
): Promise<void> {
  const pdf = await renderLetter(replyLetter(item, reply, org, outgoing.registrationNumber), 'pdf');
  await enqueueJob(tx, {
    kind: 'mail.send',
    orgId: actor.orgId,
    idempotencyKey: `correspondence.reply:${outgoing.id}`,
    payload: {
      to: reply.recipientEmail,
      subject: reply.subject,
      text: replyText(reply.bodyHtml),
      html: reply.bodyHtml,
      attachments: [
        {
          filename: `${outgoing.registrationNumber}.pdf`,
          contentType: 'application/pdf',
          contentBase64: pdf.toString('base64'),
        },
      ],
      record: { kind: 'correspondence', id: outgoing.id },
    },
  });
}
