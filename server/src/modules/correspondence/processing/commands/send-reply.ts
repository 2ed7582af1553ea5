import type { TSendReply } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { indexItem } from '../../commands/index-item';
import { type OrganisationSetting, registerCorrespondence } from '../../commands/register-correspondence';
import { correspondenceItems } from '../../correspondence.schema';
import type { ItemRow } from '../../queries/find-correspondence';
import { loadForAction, moveItem } from '../load-item';
import { correspondenceReplies } from '../processing.schema';
import { replyText } from '../reply-html';
import { enqueueReplyMail } from './enqueue-reply-mail';
import { sendCampaignCopies } from './send-campaign-copies';

/**
 * Sends the signed reply: registers it as an outgoing item (`{year}-D-{seq:6}`, the same
 * gapless numbering) that points at the incoming one, then, by e-mail, enqueues the message
 * with the letter in the same transaction (nothing leaves unless it commits); by post, the
 * letter is printed from `/reply/letter`. The incoming item moves to `sent`, and so do the
 * other open items of its campaign, each writer with their own copy (send-campaign-copies.ts).
 */
export async function sendReply(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: TSendReply,
  org: OrganisationSetting & { name: string },
): Promise<ItemRow> {
  const { row } = await loadForAction(tx, actor, id, 'send', ['to_sign'], 'envoyer la réponse');
  const [reply] = await tx.select().from(correspondenceReplies).where(eq(correspondenceReplies.itemId, row.id));
  if (!reply) throw new Error('reply of a signed item not found');
  if (input.method === 'email' && !reply.recipientEmail) {
    throw problems.badRequest('Le destinataire n’a pas d’adresse électronique.', [
      { path: 'method', message: 'Envoyez par courrier postal, ou ajoutez l’adresse au brouillon.', code: 'no_email' },
    ]);
  }
  if (input.method === 'post' && !reply.recipientAddress) {
    throw problems.badRequest('Le destinataire n’a pas d’adresse postale.', [
      { path: 'method', message: 'Envoyez par courriel, ou ajoutez l’adresse au brouillon.', code: 'no_address' },
    ]);
  }
  const outgoing = await registerCorrespondence(
    tx,
    actor,
    {
      direction: 'out',
      channel: input.method === 'email' ? 'email' : 'postal',
      subject: reply.subject,
      body: replyText(reply.bodyHtml),
      sender: { name: reply.recipientName, email: reply.recipientEmail, address: reply.recipientAddress },
      topic: row.topic,
      territoryId: row.territoryId,
      confidentiality: row.confidentiality,
      members: row.members,
    },
    org,
  );
  const [linked] = await tx
    .update(correspondenceItems)
    .set({
      inReplyToId: row.id,
      status: 'sent',
      serviceIds: row.serviceIds,
      routedUserIds: row.routedUserIds,
      updatedAt: new Date(),
    })
    .where(and(eq(correspondenceItems.orgId, actor.orgId), eq(correspondenceItems.id, outgoing.id)))
    .returning();
  const sentAt = new Date();
  await tx
    .update(correspondenceReplies)
    .set({ outgoingItemId: outgoing.id, sendMethod: input.method, sentAt, updatedAt: sentAt })
    .where(eq(correspondenceReplies.id, reply.id));
  if (!linked) throw new Error('outgoing item not linked');
  await indexItem(tx, linked);
  if (input.method === 'email') {
    await enqueueReplyMail(tx, actor, row, { ...reply, sentAt }, linked, org);
  }
  const campaignCopies = await sendCampaignCopies(tx, actor, row, { ...reply, sentAt }, org);
  return moveItem(tx, actor, row, 'sent', 'correspondence.send', {
    method: input.method,
    outgoingItemId: outgoing.id,
    outgoingRegistrationNumber: outgoing.registrationNumber,
    campaignCopies,
  });
}
