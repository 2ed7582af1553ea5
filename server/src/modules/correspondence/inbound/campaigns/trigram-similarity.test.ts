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
