import type { TSendAcknowledgement } from '@dircab/contracts';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import { renderLetter } from '../../../../platform/documents/render-letter';
import { problems } from '../../../../platform/errors/problem';
import { enqueueMail } from '../../../../platform/mailer/mail-job';
import { findMailSettings } from '../../../../platform/mailer/mail-settings';
import type { Actor } from '../../../../platform/policy/actor';
import { findItem, type ItemRow } from '../../queries/find-correspondence';
import { acknowledgementPolicy } from '../acknowledgement.policy';
import { correspondenceAcknowledgements } from '../acknowledgement.schema';
import { type AckOrganisation, buildAcknowledgement } from '../build-acknowledgement';
import { originalMessageId } from '../queries/original-message-id';

/** Channels where the writer is answered by email (CRPA L.112-11: an electronic acknowledgement). */
export const DIGITAL_CHANNELS: readonly string[] = ['email', 'web_form', 'social'];

export type AcknowledgementRow = typeof correspondenceAcknowledgements.$inferSelect;

/** `accuse-reception-2026-A-000012.pdf`: the file name the writer and the register see. */
export function acknowledgementFilename(registrationNumber: string, ext: string): string {
  return `accuse-reception-${registrationNumber.replace(/[^A-Za-z0-9-]/g, '_')}.${ext}`;
}

/**
 * Gives an item its acknowledgement. By email: the letter's words in the body and the PDF
 * attached, through a `mail.send` job enqueued in this transaction (the request never waits
 * on the mail server, and nothing leaves if the transaction rolls back). As a letter: records
 * that the printed letter was handed or posted. Either way the acknowledgement is recorded
 * and audited.
 */
export async function sendAcknowledgement(
  tx: Queryable,
  actor: Actor,
  itemId: string,
  input: TSendAcknowledgement,
  org: AckOrganisation,
  now: Date = new Date(),
): Promise<AcknowledgementRow> {
  const item = await findItem(tx, actor, itemId, true);
  if (!item) throw problems.notFound();
  if (item.direction !== 'in') throw problems.conflict('Seul un courrier reçu appelle un accusé de réception.');
  if (!acknowledgementPolicy.can(actor, 'send', item)) throw problems.forbidden();

  const channel = input.channel ?? (DIGITAL_CHANNELS.includes(item.channel) ? 'email' : 'letter');
  const recipient = channel === 'email' ? (input.to ?? item.senderEmail) : null;
  if (channel === 'email') {
    if (!recipient) {
      throw problems.badRequest('Le correspondant n’a pas d’adresse électronique.', [
        {
          path: 'to',
          message: 'Indiquez une adresse électronique, ou remettez l’accusé de réception sous forme de lettre.',
          code: 'missing_email',
        },
      ]);
    }
    if (!(await findMailSettings(tx, actor.orgId))) {
      throw problems.conflict(
        'Aucun serveur d’envoi de courriels n’est configuré : un administrateur doit le renseigner dans Paramètres › Messagerie.',
      );
    }
  }
  const inReplyTo = channel === 'email' ? await originalMessageId(tx, actor.orgId, item.id) : null;
  return deliverAcknowledgement(tx, actor, item, { channel, recipient, inReplyTo, automatic: false }, org, now);
}

export interface AckDelivery {
  channel: 'email' | 'letter';
  /** The address (email channel); null for a letter. */
  recipient: string | null;
  /** The writer's own Message-ID as `<id>`, so the email lands in their thread. */
  inReplyTo: string | null;
  /** Sent by registration itself (the organisation's automatic acknowledgement). */
  automatic: boolean;
}

/**
 * Builds the acknowledgement and gives it, once checks are done: by email, the letter's words
 * in the body and the PDF attached, through a `mail.send` job in this transaction; as a
 * letter, only the record. Records and audits it. Shared by the manual send and registration.
 */
export async function deliverAcknowledgement(
  tx: Queryable,
  actor: Actor,
  item: ItemRow,
  delivery: AckDelivery,
  org: AckOrganisation,
  now: Date = new Date(),
  idempotencyKey?: string,
): Promise<AcknowledgementRow> {
  const { channel, recipient, inReplyTo, automatic } = delivery;
  const ack = await buildAcknowledgement(tx, item, org, now);
  let emailJobId: string | null = null;
  if (channel === 'email') {
    if (!recipient) throw new Error('email acknowledgement without a recipient');
    const pdf = await renderLetter(ack.letter, 'pdf');
    emailJobId = await enqueueMail(
      tx,
      actor.orgId,
      {
        to: recipient,
        subject: ack.email.subject,
        text: ack.email.text,
        html: ack.email.html,
        ...(inReplyTo ? { inReplyTo } : {}),
        attachments: [
          {
            filename: acknowledgementFilename(item.registrationNumber, 'pdf'),
            content: pdf,
            contentType: 'application/pdf',
          },
        ],
      },
      idempotencyKey ? { idempotencyKey } : {},
    );
  }
  const [row] = await tx
    .insert(correspondenceAcknowledgements)
    .values({
      orgId: actor.orgId,
      itemId: item.id,
      channel,
      recipient,
      sentAt: now,
      sentBy: actor.userId ?? null,
      emailJobId,
      templateId: ack.template.id,
      automatic,
    })
    .returning();
  if (!row) throw new Error('acknowledgement not recorded');
  await recordAudit(
    tx,
    actor,
    {
      action: 'correspondence.acknowledge',
      recordType: 'correspondence',
      recordId: item.id,
      summary: {
        after: { channel: row.channel, recipient, emailJobId, templateId: ack.template.id, automatic },
        registrationNumber: item.registrationNumber,
      },
    },
    actor.orgId,
  );
  return row;
}
