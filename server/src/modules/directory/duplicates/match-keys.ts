import type { TPostalAddress } from '@dircab/contracts';
import type { ContactEmail, ContactPhone } from '../directory.schema';

/** A street line as people type it: accents, case, punctuation and spacing ignored. */
export function normaliseStreet(line: string): string {
  return line
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The exact keys two records of the same person share: an email, a phone (already E.164), an
 * address (postcode + normalised first line). Two contacts with a key in common are compared.
 */
export function matchKeysOf(c: {
  emails: readonly ContactEmail[];
  phones: readonly ContactPhone[];
  addresses: readonly TPostalAddress[];
}): string[] {
  const keys = new Set<string>();
  for (const e of c.emails) if (e.email) keys.add(`email:${e.email.trim().toLowerCase()}`);
  for (const p of c.phones) if (p.number) keys.add(`phone:${p.number.replace(/\s+/g, '')}`);
  for (const a of c.addresses) {
    const street = a.line1 ? normaliseStreet(a.line1) : '';
    if (a.postcode && street) keys.add(`address:${a.postcode}|${street}`);
  }
  return [...keys];
}

/**
 * The name as an exact key, for the set-based refresh after bulk writes: kind, then the
 * unaccented lower-case words sorted (« Noëlla KALOI » and « Kaloi Noella » give
 * `name:person|kaloi noella`). Null for a name with no letter or digit.
 */
export function nameKeyOf(c: { kind: string; displayName: string }): string | null {
  const words = normaliseStreet(c.displayName).split(' ').filter(Boolean).sort();
  return words.length === 0 ? null : `name:${c.kind}|${words.join(' ')}`;
}
