const MAX_WORDS = 12;
const MAX_WORD_LENGTH = 60;

/** The words of what the user typed: letters and digits only, lower case, at most a dozen. */
export function searchWords(q: string): string[] {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, MAX_WORDS).map((w) => w.slice(0, MAX_WORD_LENGTH));
}

/**
 * A `to_tsquery` text where every word must appear and the last may be the start of a word,
 * so typing "mair" already finds "maire". Only letters and digits reach it: to_tsquery's
 * own syntax (`!`, `|`, `(`, `:`) cannot be injected by the user.
 */
export function prefixQueryText(words: readonly string[]): string {
  const last = words.at(-1);
  if (last === undefined) return '';
  return [...words.slice(0, -1), `${last}:*`].join(' & ');
}
