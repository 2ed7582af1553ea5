/** « Re : », « RE: », « TR : », « Fwd: »… at the start of a subject, however many. */
const ANSWER_PREFIXES = /^(?:\s*(?:re|tr|fw|fwd)\s*(?:\[\d+\])?\s*:\s*)+/i;

/**
 * The subject of an email that answers the writer's own: « RE : » once, in the French style
 * (a space before the colon), whatever prefixes the draft or the writer's client had stacked,
 * so that mail clients that thread by subject (Gmail does) keep the answer with the request.
 */
export function answerSubject(subject: string): string {
  const bare = subject.replace(ANSWER_PREFIXES, '').trim();
  return `RE : ${bare || subject.trim()}`;
}
