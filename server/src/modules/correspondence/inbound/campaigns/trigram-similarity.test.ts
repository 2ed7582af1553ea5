import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../../test/test-app';
import { type Database, queryRows } from '../../../../platform/db/client';
import { applyMigrations } from '../../../../platform/db/migrate';
import { fingerprintOf } from './campaign-fingerprint';
import { CAMPAIGN_SIMILARITY } from './group-into-campaign';
import { trigramMatcher } from './trigram-similarity';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await applyMigrations(database);
});
afterAll(() => database.close());

/** pg_trgm's own figures for each pair, as float8 so that no digit is lost in the text. */
async function databaseScores(pairs: readonly (readonly [string, string])[]): Promise<number[]> {
  const rows = await queryRows<{ score: number | string }>(
    database.db,
    sql`select similarity(p->>0, p->>1)::float8 as score
        from jsonb_array_elements(${JSON.stringify(pairs)}::jsonb) with ordinality as x(p, n)
        order by n`,
  );
  return rows.map((r) => Number(r.score));
}

// Words of a fingerprint's alphabet, short and repeated, so that pairs share many trigrams.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'e', 'z', '0', '7'), minLength: 1, maxLength: 6 });
const fingerprint = fc.array(word, { maxLength: 30 }).map((words) => words.join(' '));

describe('the trigram similarity of campaign candidates', () => {
  it('gives pg_trgm’s figure to the bit for any two fingerprints', async () => {
    const pairs = fc.sample(
      fc.oneof(
        fc.tuple(fingerprint, fingerprint),
        // One text and a slightly edited copy of it: scores around the campaign threshold.
        fingerprint.chain((text) => fc.tuple(fc.constant(text), fc.constant(`${text} ${text.slice(0, 9)}`))),
      ),
      { numRuns: 400, seed: 7 },
    );
    const expected = await databaseScores(pairs);
    const got = pairs.map(([a, b]) => trigramMatcher(b)(a));
    expect(got).toEqual(expected);
  });

  it('asked for scores from a threshold up, gives those to the bit and gives up only on texts below it', async () => {
    // Pairs scattered around the threshold: a text and a copy with a few words changed or added.
    const edited = fc
      .tuple(fc.array(word, { minLength: 5, maxLength: 30 }), fc.array(word, { maxLength: 6 }), fc.nat())
      .map(([words, changes, at]) => {
        const copy = [...words];
        changes.forEach((change, i) => {
          copy[(at + i * 7) % copy.length] = change;
        });
        return [words.join(' '), `${copy.join(' ')} ${changes.slice(0, 2).join(' ')}`] as const;
      });
    // The fingerprint's whole text and more: the bound itself, where a trigram more is too many.
    const other = fc.string({ unit: fc.constantFrom('q', 'r', 'x', '4'), minLength: 1, maxLength: 3 });
    const longer = fc
      .tuple(fc.array(word, { minLength: 5, maxLength: 30 }), fc.array(other, { maxLength: 8 }))
      .map(([words, extra]) => [[...words, ...extra].join(' '), words.join(' ')] as const);
    const pairs = fc.sample(fc.oneof(edited, longer, fc.tuple(fingerprint, fingerprint)), {
      numRuns: 900,
      seed: 11,
    });
    const expected = await databaseScores(pairs);
    for (const threshold of [CAMPAIGN_SIMILARITY, 0.5]) {
      const atLeast = Math.fround(threshold);
      const got = pairs.map(([a, b]) => trigramMatcher(b, atLeast)(a));
      expect(got.map((score, i) => (score >= atLeast ? score : `below ${expected[i]}`))).toEqual(
        expected.map((score) => (score >= atLeast ? score : `below ${score}`)),
      );
    }
    // The sample holds both sides of the campaign threshold, exact hits of it included.
    const threshold = Math.fround(CAMPAIGN_SIMILARITY);
    expect(expected.filter((s) => s >= threshold).length).toBeGreaterThan(30);
    expect(expected.filter((s) => s < threshold && s > 0.5).length).toBeGreaterThan(30);
  });

  it('scores real letters as the database does, one matcher for many candidates', async () => {
    const letter = (name: string, street: string) =>
      fingerprintOf(
        'Réouverture de la plage',
        `Monsieur le Maire, je soussigné ${name}, habitant ${street}, demande la réouverture de la plage de la Conception à la baignade. Veuillez agréer mes salutations.`,
      );
    const own = letter('Marie Dupont', 'rue des Lilas');
    const candidates = [
      letter('Jean Wamytan', 'rue des Lilas'),
      letter('Éloïse Ng', 'rue des Lys'),
      fingerprintOf(
        'Nid de poule',
        'Un trou dans la chaussée avenue Foch depuis trois semaines, merci de le reboucher.',
      ),
      own,
      '',
    ];
    const expected = await databaseScores(candidates.map((c) => [c, own] as const));
    const score = trigramMatcher(own);
    expect(candidates.map((c) => score(c))).toEqual(expected);
    // The near-identical letters pass the campaign threshold, the unrelated one does not.
    expect(expected.slice(0, 3).map((s) => s >= CAMPAIGN_SIMILARITY)).toEqual([true, true, false]);
  });
});
