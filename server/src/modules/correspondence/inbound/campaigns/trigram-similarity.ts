/**
 * pg_trgm's similarity() of a fingerprint with each of its candidates, computed here instead
 * of in SQL: similarity() splits both texts into trigrams on every call, so the new item's
 * text was split again for each of up to 200 candidates (about 0.15 ms a candidate, most of a
 * registration's time when many letters share formulas). Here it is split once, and each
 * candidate's trigrams are counted against it in an array indexed by trigram.
 *
 * The same figure as pg_trgm for fingerprints (fingerprintOf: lower-case ASCII letters and
 * digits, single spaces), which trigram-similarity.test.ts checks against the database: words
 * are runs of letters and digits, each padded with two spaces before and one after; the score
 * is shared distinct trigrams over distinct trigrams of either (DIVUNION), as a float4.
 */

/** A space (padding or separator), a–z, 0–9. */
const ALPHABET = 37;
const TRIGRAMS = ALPHABET ** 3;

/** The symbol of a character code: 0 a separator, 1–26 a letter (either case), 27–36 a digit. */
function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 96;
  if (code >= 48 && code <= 57) return code - 21;
  if (code >= 65 && code <= 90) return code - 64;
  return 0;
}

/** Calls `visit` with each trigram of the text (repeats included), as pg_trgm forms them. */
function forEachTrigram(text: string, visit: (trigram: number) => void): void {
  let a = 0;
  let b = 0;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? symbolOf(text.charCodeAt(i)) : 0;
    if (c !== 0) {
      if (!inWord) {
        a = 0;
        b = 0;
        inWord = true;
      }
      visit((a * ALPHABET + b) * ALPHABET + c);
      a = b;
      b = c;
    } else if (inWord) {
      visit((a * ALPHABET + b) * ALPHABET);
      inWord = false;
    }
  }
}

/**
 * A function that scores texts against `fingerprint` as `similarity(text, fingerprint)` would
 * (a float4 between 0 and 1). One matcher serves one registration: it holds two arrays of
 * 50,653 entries, and the candidates are scored one after the other.
 */
export function trigramMatcher(fingerprint: string): (text: string) => number {
  const own = new Uint8Array(TRIGRAMS);
  let ownCount = 0;
  forEachTrigram(fingerprint, (t) => {
    if (own[t] === 0) {
      own[t] = 1;
      ownCount++;
    }
  });
  // Which candidate last counted each trigram: a new stamp per candidate spares clearing it.
  const seenBy = new Uint32Array(TRIGRAMS);
  let stamp = 0;
  return (text) => {
    stamp++;
    let count = 0;
    let shared = 0;
    forEachTrigram(text, (t) => {
      if (seenBy[t] === stamp) return;
      seenBy[t] = stamp;
      count++;
      if (own[t] === 1) shared++;
    });
    if (ownCount === 0 || count === 0) return 0;
    return Math.fround(shared / (ownCount + count - shared));
  };
}
