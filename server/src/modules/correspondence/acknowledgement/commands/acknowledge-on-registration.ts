import { eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import { findMailSettings } from '../../../../platform/mailer/mail-settings';
import type { Actor } from '../../../../platform/policy/actor';
import { organisations } from '../../../org/org.schema';
import { numberingSettingsOf } from '../../numbering';
import type { ItemRow } from '../../queries/find-correspondence';
import type { AcknowledgementRow } from './send-acknowledgement';
import { DIGITAL_CHANNELS, deliverAcknowledgement } from './send-acknowledgement';

/** What registration knows that decides the automatic acknowledgement. */
export interface RegistrationFacts {
  /** The item's type calls for an acknowledgement (CRPA L.112-3). */
  acknowledgementDue: boolean;
  /** The writer's Message-ID (an item registered from an email), to thread the answer. */
  messageId?: string | null | undefined;
}

/**
 * The acknowledgement a digital request gets at registration (CRPA L.112-11: an electronic
 * acknowledgement; the best tools send it at once): an email, a web form or a social message
 * whose type calls for one and whose writer gave an address, when the organisation has not
 * turned it off and has a mail server. The `mail.send` job is enqueued in the registration's
 * transaction, keyed by the item: it leaves once, and only if the item is registered. A
 * postal letter, a call or a visit keeps its printed letter. Returns the record, or null.
 */
export async function acknowledgeOnRegistration(
  tx: Queryable,
  actor: Actor,
  item: ItemRow,
  facts: RegistrationFacts,
  timeZone: string,
  now: Date = new Date(),
): Promise<AcknowledgementRow | null> {
  if (item.direction !== 'in' || !facts.acknowledgementDue || !item.senderEmail) return null;
  if (!DIGITAL_CHANNELS.includes(item.channel)) return null;
  if (!(await numberingSettingsOf(tx, actor.orgId)).autoAcknowledge) return null;
  // Without a mail server the secretariat sends it later from the item (the panel says so).
  if (!(await findMailSettings(tx, actor.orgId))) return null;
  const [org] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, actor.orgId));
  if (!org) return null;
  return deliverAcknowledgement(
    tx,
    actor,
    item,
    {
      channel: 'email',
      recipient: item.senderEmail,
      inReplyTo: facts.messageId ? `<${facts.messageId}>` : null,
      automatic: true,
    },
    { id: org.id, name: org.name, timeZone },
    now,
    `correspondence.acknowledgement:${item.id}`,
  );
}
