import type { TSenderInput } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import type { CountryCode } from 'libphonenumber-js/max';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { createContact } from '../../directory/commands/create-contact';
import { normalisePhone } from '../../directory/phone';
import { findContactForSender } from '../../directory/queries/find-contact-for-sender';
import { senderDisplayName, splitSenderName } from './sender-name';

/**
 * The directory contact of an item's writer: the one with their e-mail, else their exact
 * name, else a new person contact created from what the item says (audited and searchable by
 * the directory's own command). Only the directory's exported query and command are used.
 */
export async function matchOrCreateSender(
  tx: Queryable,
  actor: Actor,
  sender: TSenderInput,
  region: CountryCode,
): Promise<{ contactId: string; created: boolean }> {
  const name = senderDisplayName(sender.name);
  // Two letters from the same new writer registered at once would each create them: the
  // writer's key is locked for the transaction, so the second one finds the first's contact.
  // Always taken before the numbering counter, so the two locks never cross.
  const key = sender.email ? `email:${sender.email.toLowerCase()}` : `name:${name.toLowerCase()}`;
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`correspondence.sender:${actor.orgId}:${key}`}, 0))`,
  );
  const found = await findContactForSender(tx, actor, { name, email: sender.email });
  if (found) return { contactId: found.id, created: false };
  const parts = splitSenderName(sender.name);
  // A number the phone library cannot read stays on the item as written, not on the contact.
  const phone = sender.phone ? normalisePhone(sender.phone, region) : null;
  const created = await createContact(
    tx,
    actor,
    {
      kind: 'person',
      civility: parts.civility,
      firstName: parts.firstName,
      lastName: parts.lastName,
      emails: sender.email ? [{ email: sender.email }] : [],
      phones: phone ? [{ number: phone }] : [],
      // The address as written is free text; the card's structured address is left to a person.
      notes: sender.address ? `Adresse indiquée sur un courrier : ${sender.address}` : null,
      source: 'Courrier',
    },
    region,
  );
  return { contactId: created.id, created: true };
}
