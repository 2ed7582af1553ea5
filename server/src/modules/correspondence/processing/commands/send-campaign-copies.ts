import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { indexItem } from '../../commands/index-item';
import { type OrganisationSetting, registerCorrespondence } from '../../commands/register-correspondence';
import { correspondenceItems } from '../../correspondence.schema';
import type { ItemRow } from '../../queries/find-correspondence';
import { moveItem } from '../load-item';
import type { correspondenceReplies } from '../processing.schema';
import { findOpenCampaignMembers } from '../queries/find-campaign-copies';
import { replyText } from '../reply-html';
import { enqueueReplyMail } from './enqueue-reply-mail';

type ReplyRow = typeof correspondenceReplies.$inferSelect;

/**
 * One reply serves a campaign: once the lead's signed reply is sent, each other writer of the
 * campaign whose item still waits gets their own copy, in the sending transaction. A copy is
 * an outgoing item of the D register addressed to that writer (on their 360° page through
 * their contact), answering their item, which moves to `sent`. By e-mail when the writer gave
 * an address (their own `mail.send` job, the letter addressed to them), by post otherwise (the
 * letter is printed from their item's `/reply/letter`). The copy is registered at the instant
 * of the lead's sending (`sentAt`) and keeps the lead reply's id (`campaign_reply_id`): that
 * is how the letter finds the lead's reply again.
 * Returns the number of copies.
 */
export async function sendCampaignCopies(
  tx: Queryable,
  actor: Actor,
  lead: ItemRow,
  reply: ReplyRow & { sentAt: Date },
  org: OrganisationSetting & { name: string },
): Promise<number> {
  const members = await findOpenCampaignMembers(tx, actor.orgId, lead.id);
  for (const member of members) {
    const method = member.senderEmail ? 'email' : 'post';
    const outgoing = await registerCorrespondence(
      tx,
      actor,
      {
        direction: 'out',
        channel: method === 'email' ? 'email' : 'postal',
        subject: reply.subject,
        body: replyText(reply.bodyHtml),
        sender: { name: member.senderName, email: member.senderEmail, address: member.senderAddress },
        topic: member.topic,
        territoryId: member.territoryId,
        confidentiality: member.confidentiality,
        members: member.members,
      },
      org,
      reply.sentAt,
    );
    // The copy goes to the member's own writer, whoever the name matching would pick, and
    // whoever sent the lead's reply keeps sight of what left in their name.
    const [linked] = await tx
      .update(correspondenceItems)
      .set({
        inReplyToId: member.id,
        campaignReplyId: reply.id,
        status: 'sent',
        senderContactId: member.senderContactId ?? outgoing.senderContactId,
        serviceIds: [...new Set([...lead.serviceIds, ...member.serviceIds])],
        routedUserIds: [...new Set([...lead.routedUserIds, ...member.routedUserIds])],
        updatedAt: new Date(),
      })
      .where(and(eq(correspondenceItems.orgId, actor.orgId), eq(correspondenceItems.id, outgoing.id)))
      .returning();
    if (!linked) throw new Error('campaign copy not linked');
    await indexItem(tx, linked);
    if (method === 'email') {
      const copyReply = {
        ...reply,
        recipientName: member.senderName,
        recipientEmail: member.senderEmail,
        recipientAddress: member.senderAddress,
        outgoingItemId: linked.id,
        sendMethod: method,
      } as const;
      await enqueueReplyMail(tx, actor, member, copyReply, linked, org);
    }
    await moveItem(tx, actor, member, 'sent', 'correspondence.send', {
      campaignOf: lead.id,
      method,
      outgoingItemId: linked.id,
      outgoingRegistrationNumber: linked.registrationNumber,
    });
  }
  return members.length;
}
