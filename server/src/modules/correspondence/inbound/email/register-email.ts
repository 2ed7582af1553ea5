import { type TCreateCorrespondence, ZCreateCorrespondence } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { type ItemRow, type OrganisationSetting, registerCorrespondence } from '../../commands/register-correspondence';
import { correspondenceItems } from '../../correspondence.schema';
import { addAttachments } from '../attachments/add-attachments';
import { correspondenceEmailMessages } from '../inbound.schema';
import type { ParsedEmail } from './parse-email';

export interface EmailOptions {
  typeId?: string | undefined;
  topic?: string | undefined;
  territoryId?: string | undefined;
  priority?: TCreateCorrespondence['priority'];
  confidentiality?: TCreateCorrespondence['confidentiality'];
  /** How it came: `eml` (uploaded by a person) or `gateway`. */
  via: 'eml' | 'gateway';
}

export interface EmailRegistration {
  item: ItemRow;
  duplicate: boolean;
  attachments: number;
}

/**
 * Registers an e-mail (channel `email`): the writer from From, the subject, the text, Date as
 * the received time (now when absent or ahead of the clock), the original message and its
 * attachments as files (PDF text extracted by a job), then the campaign grouping. The
 * Message-ID makes it idempotent: the same message again returns its item, no new number.
 */
export async function registerEmail(
  tx: Queryable,
  actor: Actor,
  org: OrganisationSetting,
  mail: ParsedEmail,
  raw: Buffer,
  options: EmailOptions,
  now: Date = new Date(),
): Promise<EmailRegistration> {
  if (mail.messageId) {
    // Two deliveries of one message at once: the second waits and finds the first's item.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`correspondence.message:${actor.orgId}:${mail.messageId}`}, 0))`,
    );
    const [known] = await tx
      .select({ item: correspondenceItems })
      .from(correspondenceEmailMessages)
      .innerJoin(correspondenceItems, eq(correspondenceItems.id, correspondenceEmailMessages.itemId))
      .where(
        and(
          eq(correspondenceEmailMessages.orgId, actor.orgId),
          eq(correspondenceEmailMessages.messageId, mail.messageId),
        ),
      );
    if (known) return { item: known.item, duplicate: true, attachments: 0 };
  }
  const receivedAt = !mail.date || mail.date.getTime() > now.getTime() ? now : mail.date;
  const parsed = ZCreateCorrespondence.safeParse({
    direction: 'in',
    channel: 'email',
    subject: mail.subject,
    body: mail.body,
    receivedAt: receivedAt.toISOString(),
    sender: { name: mail.sender.name, email: mail.sender.email },
    ...(options.typeId ? { typeId: options.typeId } : {}),
    ...(options.topic ? { topic: options.topic } : {}),
    ...(options.territoryId ? { territoryId: options.territoryId } : {}),
    ...(options.priority ? { priority: options.priority } : {}),
    ...(options.confidentiality ? { confidentiality: options.confidentiality } : {}),
  });
  if (!parsed.success) {
    throw problems.badRequest(
      'Le message ne peut pas être enregistré tel quel.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'file', message: i.message, code: i.code })),
    );
  }
  const item = await registerCorrespondence(tx, actor, parsed.data, org, now, { messageId: mail.messageId });
  if (mail.messageId) {
    await tx
      .insert(correspondenceEmailMessages)
      .values({ orgId: actor.orgId, messageId: mail.messageId, itemId: item.id });
  }
  const stored = await addAttachments(
    tx,
    actor,
    item,
    [{ filename: 'message-original.eml', content: raw }, ...mail.attachments],
    'any',
  );
  await recordAudit(tx, actor, {
    action: 'correspondence.receive',
    recordType: 'correspondence',
    recordId: item.id,
    summary: {
      after: {
        via: options.via === 'gateway' ? 'passerelle de messagerie' : 'fichier .eml',
        messageId: mail.messageId,
      },
    },
  });
  return { item, duplicate: false, attachments: stored.length - 1 };
}
