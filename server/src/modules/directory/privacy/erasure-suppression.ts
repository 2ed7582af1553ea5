import { createHmac, randomBytes } from 'node:crypto';
import type { TPostalAddress } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../platform/db/client';
import { contacts } from '../directory.schema';
import { contactIdentities } from '../officials.schema';
import { erasureSuppressionKeys, erasureSuppressions } from './privacy.schema';

// The suppression list of people erased on request. Erasure deletes a person's identities,
// so without it the next import of the same RNE extract, spreadsheet or address book would
// create them again. Only keyed hashes are kept (HMAC-SHA256 under a random key of the
// organisation): the table cannot be read back into names, nor checked against a list of
// names without the key, and the same person hashes differently in two organisations.

/** The natural keys a person is recognised by in an import, in one normal form. */
export interface NaturalKeys {
  /** Import identities: `<source>:<key>` (rne, csv, vcard). */
  identities: readonly string[];
  emails: readonly string[];
  phones: readonly string[];
  /** kind, sort name and postcode: the CSV import's own key for a row with no id and no e-mail. */
  names: readonly { kind: string; sortName: string; postcode: string }[];
}

/** The clear keys, before hashing: the same text for the erased person and an imported row. */
export function naturalKeyTexts(k: NaturalKeys): string[] {
  const texts = new Set<string>();
  for (const i of k.identities) texts.add(`identity:${i}`);
  for (const e of k.emails) if (e.trim()) texts.add(`email:${e.trim().toLowerCase()}`);
  for (const p of k.phones) if (p.trim()) texts.add(`phone:${p.replace(/\s+/g, '')}`);
  for (const n of k.names) if (n.postcode && n.sortName) texts.add(`name:${n.kind}|${n.sortName}|${n.postcode}`);
  return [...texts];
}

/** The postcodes of a contact's addresses, as name keys. */
export function nameKeys(kind: string, sortName: string, addresses: readonly TPostalAddress[]): NaturalKeys['names'] {
  return addresses.map((a) => ({ kind, sortName, postcode: a.postcode }));
}

/** The organisation's HMAC key, made on first use (an insert that loses a race reads the winner's). */
export async function suppressionKey(tx: Queryable, orgId: string): Promise<string> {
  await tx
    .insert(erasureSuppressionKeys)
    .values({ orgId, secret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await tx
    .select({ secret: erasureSuppressionKeys.secret })
    .from(erasureSuppressionKeys)
    .where(eq(erasureSuppressionKeys.orgId, orgId));
  if (!row) throw new Error('suppression key missing');
  return row.secret;
}

export function hashKey(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

/**
 * Puts a contact's natural keys on the suppression list, in the erasure's transaction and
 * before anonymisation clears them. Only for an erasure on request: see anonymise-contact.ts.
 */
export async function suppressErasedContact(tx: Queryable, orgId: string, contactId: string): Promise<void> {
  const [contact] = await tx
    .select({
      kind: contacts.kind,
      sortName: contacts.sortName,
      emails: contacts.emails,
      phones: contacts.phones,
      addresses: contacts.addresses,
    })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
  if (!contact) return;
  const identities = await tx
    .select({ source: contactIdentities.source, key: contactIdentities.key })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.contactId, contactId)));
  const texts = naturalKeyTexts({
    identities: identities.map((i) => `${i.source}:${i.key}`),
    emails: contact.emails.map((e) => e.email),
    phones: contact.phones.map((p) => p.number),
    names: nameKeys(contact.kind, contact.sortName, contact.addresses),
  });
  if (texts.length === 0) return;
  const secret = await suppressionKey(tx, orgId);
  await tx
    .insert(erasureSuppressions)
    .values(texts.map((t) => ({ orgId, keyHash: hashKey(secret, t) })))
    .onConflictDoNothing();
}

/**
 * An import's check against the suppression list: given each row's natural keys, the rows
 * (by the caller's id) that belong to someone erased on request. One lookup on the primary
 * key for a whole batch.
 */
export async function findSuppressedRows<R>(
  tx: Queryable,
  orgId: string,
  rows: readonly { row: R; keys: NaturalKeys }[],
): Promise<Set<R>> {
  const suppressed = new Set<R>();
  if (rows.length === 0) return suppressed;
  const [hasKey] = await tx
    .select({ secret: erasureSuppressionKeys.secret })
    .from(erasureSuppressionKeys)
    .where(eq(erasureSuppressionKeys.orgId, orgId));
  // No key: nobody of this organisation was ever erased on request.
  if (!hasKey) return suppressed;
  const hashed = rows.map((r) => ({
    row: r.row,
    hashes: naturalKeyTexts(r.keys).map((t) => hashKey(hasKey.secret, t)),
  }));
  const all = [...new Set(hashed.flatMap((r) => r.hashes))];
  const hits = await queryRows<{ key_hash: string }>(
    tx,
    sql`select key_hash from erasure_suppressions
        where org_id = ${orgId} and key_hash = any(${sql.param(all)}::text[])`,
  );
  const found = new Set(hits.map((h) => h.key_hash));
  if (found.size === 0) return suppressed;
  for (const r of hashed) if (r.hashes.some((h) => found.has(h))) suppressed.add(r.row);
  return suppressed;
}

/** The report's line for a suppressed row: it names no one (the file's reader may not know of the erasure's details). */
export const SUPPRESSED_ROW_MESSAGE = 'Ligne ignorée : cette personne a demandé l’effacement de ses données.';
