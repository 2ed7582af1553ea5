import { MERGE_FIELDS, type TMergeContacts } from '@dircab/contracts';
import { contactNames } from '../contact-names';
import { normaliseStreet } from '../duplicates/match-keys';
import type { ContactRow } from '../queries/find-contacts';

export type MergeChanges = Partial<Omit<ContactRow, 'id' | 'orgId' | 'createdAt' | 'updatedAt' | 'deletedAt'>>;

function unite<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((x) => !seen.has(key(x)) && seen.add(key(x)))];
}

/**
 * The kept contact's values after the merge: per differing field, the side the user chose
 * (the kept one by default); emails, phones, addresses, tags and the people named on the
 * record united. Returns only what changes, with the values it replaces.
 */
export function mergedValues(
  kept: ContactRow,
  duplicate: ContactRow,
  keep: TMergeContacts['keep'],
): { before: Record<string, unknown>; after: MergeChanges } {
  const next: MergeChanges = {};
  for (const field of MERGE_FIELDS) {
    if (keep[field] !== 'duplicate') continue;
    (next as Record<string, unknown>)[field] = duplicate[field];
    if (field === 'consent') next.consentDate = duplicate.consentDate;
  }
  next.emails = unite(kept.emails, duplicate.emails, (e) => e.email.toLowerCase());
  next.phones = unite(kept.phones, duplicate.phones, (p) => p.number);
  next.addresses = unite(kept.addresses, duplicate.addresses, (a) => `${a.postcode}|${normaliseStreet(a.line1)}`);
  next.tags = unite(kept.tags, duplicate.tags, (t) => t.toLowerCase());
  next.members = unite(kept.members, duplicate.members, (m) => m);
  Object.assign(next, contactNames({ ...kept, ...next }));

  const before: Record<string, unknown> = {};
  const after: MergeChanges = {};
  for (const [key, value] of Object.entries(next) as [keyof MergeChanges, unknown][]) {
    if (JSON.stringify(value) !== JSON.stringify(kept[key])) {
      (after as Record<string, unknown>)[key] = value;
      before[key] = kept[key];
    }
  }
  return { before, after };
}

/** The fields where the two contacts differ: what the merge screen asks about. */
export function differingFields(kept: ContactRow, duplicate: ContactRow): string[] {
  return MERGE_FIELDS.filter((f) => JSON.stringify(kept[f]) !== JSON.stringify(duplicate[f]));
}
