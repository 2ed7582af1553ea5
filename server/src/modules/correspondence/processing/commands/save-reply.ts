import type { TSaveReply } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import type { ItemRow } from '../../queries/find-correspondence';
import { loadForAction, moveItem } from '../load-item';
import { correspondenceReplies, correspondenceReplyTemplates } from '../processing.schema';
import { applyMergeFields, frenchDate, type MergeValues, sanitiseReplyHtml } from '../reply-html';

/**
 * Writes the draft reply (creates it the first time): the text typed, or a template with its
 * merge fields filled from the item; the recipient is the writer unless given. The item moves
 * to `reply_drafted`, also after a return (the return's comment stays until resubmitted).
 */
export async function saveReply(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TSaveReply,
  org: { name: string; timeZone: string },
): Promise<ItemRow> {
  const { row } = await loadForAction(tx, actor, id, 'reply', ['in_progress', 'reply_drafted'], 'rédiger la réponse');
  const values: MergeValues = {
    'sender.name': row.senderName,
    'sender.address': row.senderAddress ?? '',
    'item.registrationNumber': row.registrationNumber,
    'item.subject': row.subject,
    'item.receivedDate': frenchDate(row.receivedAt, org.timeZone),
    'organisation.name': org.name,
    today: frenchDate(new Date(), org.timeZone),
  };
  let subject = input.subject;
  let bodyHtml = input.bodyHtml;
  if (input.templateId) {
    const [template] = await tx
      .select()
      .from(correspondenceReplyTemplates)
      .where(
        and(eq(correspondenceReplyTemplates.orgId, actor.orgId), eq(correspondenceReplyTemplates.id, input.templateId)),
      );
    if (!template) {
      throw problems.badRequest('Le modèle de réponse est inconnu.', [
        { path: 'templateId', message: 'Ce modèle n’existe pas dans l’organisation.', code: 'unknown_template' },
      ]);
    }
    subject ??= applyMergeFields(template.subject, values, false);
    bodyHtml ??= applyMergeFields(template.bodyHtml, values, true);
  }
  const fields = {
    subject: subject ?? `Re : ${row.subject}`,
    bodyHtml: sanitiseReplyHtml(bodyHtml ?? ''),
    recipientName: input.recipient?.name ?? row.senderName,
    recipientEmail: input.recipient ? (input.recipient.email ?? null) : row.senderEmail,
    recipientAddress: input.recipient ? (input.recipient.address ?? null) : row.senderAddress,
    updatedAt: new Date(),
  };
  await tx
    .insert(correspondenceReplies)
    .values({ orgId: actor.orgId, itemId: row.id, createdBy: actor.userId, ...fields })
    .onConflictDoUpdate({ target: correspondenceReplies.itemId, set: fields });
  return moveItem(tx, actor, row, 'reply_drafted', 'correspondence.reply', {
    templateId: input.templateId ?? null,
    subject: fields.subject,
  });
}
