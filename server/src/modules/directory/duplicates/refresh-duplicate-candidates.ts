import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { contactDuplicateCandidates, contactMatchKeys } from '../contact-links.schema';
import { contacts } from '../directory.schema';
import { findMatches, orderedPair } from './find-matches';
import { matchKeysOf, nameKeyOf } from './match-keys';

/**
 * Recomputes the match keys and the duplicate candidates of these contacts (one organisation),
 * in the caller's transaction. Call it after creating, updating, importing or merging contacts:
 * the organisation-wide duplicates list reads only what this maintains. Batch-friendly (a
 * handful of statements per call): the importer calls it once per batch of rows.
 */
export async function refreshDuplicateCandidates(tx: Queryable, orgId: string, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const rows = await tx
    .select({
      id: contacts.id,
      kind: contacts.kind,
      displayName: contacts.displayName,
      emails: contacts.emails,
      phones: contacts.phones,
      addresses: contacts.addresses,
    })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        inArray(contacts.id, unique),
        isNull(contacts.deletedAt),
        // Anonymised contacts lose their keys and candidates and never get new ones.
        isNull(contacts.anonymisedAt),
      ),
    );

  await tx
    .delete(contactMatchKeys)
    .where(and(eq(contactMatchKeys.orgId, orgId), inArray(contactMatchKeys.contactId, unique)));
  await tx
    .delete(contactDuplicateCandidates)
    .where(
      and(
        eq(contactDuplicateCandidates.orgId, orgId),
        or(inArray(contactDuplicateCandidates.contactA, unique), inArray(contactDuplicateCandidates.contactB, unique)),
      ),
    );

  const sources = rows.map((r) => ({ id: r.id, kind: r.kind, displayName: r.displayName, keys: keysOf(r) }));
  const keyRows = sources.flatMap((s) => s.keys.map((key) => ({ orgId, contactId: s.id, key })));
  for (const chunk of chunks(keyRows)) await tx.insert(contactMatchKeys).values(chunk).onConflictDoNothing();

  const matches = await findMatches(tx, orgId, sources);
  const pairs = new Map<string, { contactA: string; contactB: string; score: number; reasons: string[] }>();
  for (const [x, list] of matches) {
    for (const m of list) {
      const [a, b] = orderedPair(x, m.otherId);
      const id = `${a} ${b}`;
      const known = pairs.get(id);
      if (!known || known.score < m.score)
        pairs.set(id, { contactA: a, contactB: b, score: m.score, reasons: m.reasons });
    }
  }
  for (const chunk of chunks([...pairs.values()])) {
    await tx
      .insert(contactDuplicateCandidates)
      .values(chunk.map((p) => ({ orgId, ...p })))
      .onConflictDoUpdate({
        target: [
          contactDuplicateCandidates.orgId,
          contactDuplicateCandidates.contactA,
          contactDuplicateCandidates.contactB,
        ],
        set: { score: sql`excluded.score`, reasons: sql`excluded.reasons` },
      });
  }
}

/** The exact keys of a contact, its name key included (read by the set-based refresh). */
export function keysOf(c: Parameters<typeof matchKeysOf>[0] & { kind: string; displayName: string }): string[] {
  const name = nameKeyOf(c);
  return name ? [...matchKeysOf(c), name] : matchKeysOf(c);
}

/** Inserts of at most 1,000 rows: PostgreSQL takes 65,535 bind parameters per statement. */
function chunks<T>(rows: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Drops a contact from the duplicate machinery (it was merged or deleted). */
export async function forgetDuplicateCandidates(tx: Queryable, orgId: string, id: string): Promise<void> {
  await tx.delete(contactMatchKeys).where(and(eq(contactMatchKeys.orgId, orgId), eq(contactMatchKeys.contactId, id)));
  await tx
    .delete(contactDuplicateCandidates)
    .where(
      and(
        eq(contactDuplicateCandidates.orgId, orgId),
        or(eq(contactDuplicateCandidates.contactA, id), eq(contactDuplicateCandidates.contactB, id)),
      ),
    );
}
