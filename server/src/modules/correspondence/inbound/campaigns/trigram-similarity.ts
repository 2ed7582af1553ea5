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
 *
 * `atLeast`: only scores from this one up are wanted. A text is given up as soon as it holds
 * too many trigrams the fingerprint lacks for its score to reach it, and scores 0: most
 * candidates share formulas but are other letters, and are dropped after part of their text.
 * The bound is exact: the score is shared / (own + lacking), at most own / (own + lacking so
 * far), and float4 rounding never raises a smaller figure above a larger one.
 */
export function trigramMatcher(fingerprint: string, atLeast = 0): (text: string) => number {
  const own = new Uint8Array(TRIGRAMS);
  let ownCount = 0;
  forEachTrigram(fingerprint, (t) => {
    if (own[t] === 0) {
      own[t] = 1;
      ownCount++;
    }
  });
  const mostLacking = mostLackingFor(ownCount, atLeast);
  // Which candidate last counted each trigram: a new stamp per candidate spares clearing it.
  const seenBy = new Uint32Array(TRIGRAMS);
  let stamp = 0;
  return (text) => {
    stamp++;
    let shared = 0;
    let lacking = 0;
    // forEachTrigram inlined, so that a hopeless text is left at once: a visitor that can stop
    // it cost 0.8 ms for 200 of the bench's letters, this loop 0.5.
    let a = 0;
    let b = 0;
    let inWord = false;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? symbolOf(text.charCodeAt(i)) : 0;
      let t = -1;
      if (c !== 0) {
        if (!inWord) {
          a = 0;
          b = 0;
          inWord = true;
        }
        t = (a * ALPHABET + b) * ALPHABET + c;
        a = b;
        b = c;
      } else if (inWord) {
        t = (a * ALPHABET + b) * ALPHABET;
        inWord = false;
      }
      if (t < 0 || seenBy[t] === stamp) continue;
      seenBy[t] = stamp;
      if (own[t] === 1) shared++;
      else if (++lacking > mostLacking) return 0;
    }
    const count = shared + lacking;
    if (ownCount === 0 || count === 0) return 0;
    return Math.fround(shared / (ownCount + count - shared));
  };
}

/**
 * The most trigrams a text may hold that a fingerprint of `ownCount` lacks and still score
 * `atLeast`: the largest n with fround(ownCount / (ownCount + n)) ≥ atLeast (unbounded for 0).
 */
function mostLackingFor(ownCount: number, atLeast: number): number {
  if (atLeast <= 0 || ownCount === 0) return Number.POSITIVE_INFINITY;
  const reaches = (n: number) => Math.fround(ownCount / (ownCount + n)) >= atLeast;
  // The real bound, then a step either way for float4's rounding.
  let n = Math.max(0, Math.floor((ownCount * (1 - atLeast)) / atLeast));
  while (n > 0 && !reaches(n)) n--;
  while (reaches(n + 1)) n++;
  return reaches(n) ? n : -1;
}
