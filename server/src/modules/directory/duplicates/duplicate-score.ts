import type { TDuplicateReason } from '@dircab/contracts';

/**
 * Names at least this similar (pg_trgm similarity, accents and case removed) make a pair:
 * « Julie Dupont »/« Julie Dupond » 0.73, « Clair »/« Claire Wamytan » 0.81, but
 * « Julie Dupont-Martin »/« Julie Dupont-Moreau » 0.54 and « Julie Durand » 0.44 do not.
 */
export const NAME_SIMILARITY_THRESHOLD = 0.6;

/** At most this many candidates are kept per contact: a common name must not flood the list. */
export const MAX_CANDIDATES_PER_CONTACT = 10;

const WEIGHTS: Record<Exclude<TDuplicateReason, 'name'>, number> = { email: 35, phone: 30, address: 20 };

export interface PairEvidence {
  /** Trigram similarity of the names (0 when under the threshold). */
  nameSimilarity: number;
  keys: ReadonlySet<Exclude<TDuplicateReason, 'name'>>;
}

/**
 * Score out of 100 and reasons, or null when the evidence is too thin: a shared address alone
 * is a household, not a duplicate, so a pair needs a similar name, an email or a phone.
 */
export function scorePair(e: PairEvidence): { score: number; reasons: TDuplicateReason[] } | null {
  const reasons: TDuplicateReason[] = [];
  let score = 0;
  if (e.nameSimilarity >= NAME_SIMILARITY_THRESHOLD) {
    reasons.push('name');
    score += Math.round(e.nameSimilarity * 60);
  }
  for (const key of ['email', 'phone', 'address'] as const) {
    if (e.keys.has(key)) {
      reasons.push(key);
      score += WEIGHTS[key];
    }
  }
  if (!reasons.some((r) => r !== 'address')) return null;
  return { score: Math.min(100, score), reasons };
}
