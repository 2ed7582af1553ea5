/**
 * Near-identical texts without comparing each new item with every other: MinHash of the
 * text's word shingles, cut into bands (locality-sensitive hashing). Two texts whose shingle
 * sets have Jaccard similarity s share at least one band key with probability
 * 1 − (1 − s²)¹⁶: 0.9999 at s = 0.8, 0.999 at 0.6, 0.99 at 0.5, and about 0.006 at 0.02
 * (unrelated letters sharing a polite formula or two). Finding candidates is then exact
 * B-tree lookups of 16 keys, whose cost depends on how many items share them (the campaign),
 * not on the size of the register; each candidate is then checked with pg_trgm's similarity.
 */

/** Fewer words than this is no text to compare (« Bonjour », a bare link). */
export const MIN_WORDS = 8;
/** What is compared: enough of a letter to tell one from another, bounded for the similarity check. */
const MAX_FINGERPRINT = 4000;
const BANDS = 16;
const ROWS = 2;

/** Lower case, without accents nor punctuation, single spaces: what two copies of one text share. */
export function fingerprintOf(subject: string, body: string): string {
  return `${subject} ${body}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .slice(0, MAX_FINGERPRINT);
}

/** FNV-1a, 32 bits. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a good mix of 32 bits, so each seed gives an independent permutation. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: BANDS * ROWS }, (_, i) => fmix32(0x9e3779b9 + i * 0x632be5ab));

/**
 * The band keys of a fingerprint (empty when it is too short to compare). Each key carries
 * its band's number in its top bits, so equal keys mean the same band matched.
 */
export function bandKeysOf(fingerprint: string): bigint[] {
  const words = fingerprint.split(' ').filter(Boolean);
  if (words.length < MIN_WORDS) return [];
  const shingles = new Set<number>();
  for (let i = 0; i + 3 <= words.length; i++) shingles.add(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  const mins = SEEDS.map((seed) => {
    let min = 0xffffffff;
    for (const s of shingles) {
      const h = fmix32(s ^ seed);
      if (h < min) min = h;
    }
    return min;
  });
  const keys: bigint[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows = mins.slice(b * ROWS, b * ROWS + ROWS);
    let combined = 0n;
    for (const r of rows) combined = (combined * 0x100000001b3n + BigInt(r)) & 0xfffffffffffffn; // 52 bits
    keys.push((BigInt(b) << 52n) | combined);
  }
  return keys;
}
