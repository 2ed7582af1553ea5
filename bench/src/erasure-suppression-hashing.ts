// Volume check of the erasure suppression list (not a test): the cost of hashing an import's
// keys and the plan of the batch lookup against a large list. Run with
// `npx tsx bench/src/erasure-suppression-hashing.ts` (PGlite in memory).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hashKey, naturalKeyTexts } from '../../server/src/modules/directory/privacy/erasure-suppression';
import { openDatabase, queryRows } from '../../server/src/platform/db/client';
import { applyMigrations } from '../../server/src/platform/db/migrate';

const BATCH_KEYS = 8_000;

const database = await openDatabase({});
await applyMigrations(database);
const { db } = database;
const orgId = randomUUID();
await db.execute(sql`insert into organisations (id, name, slug, kind, official_code, time_zone, currency)
  values (${orgId}, 'Volume', ${`vol-${orgId.slice(0, 8)}`}, 'commune', '98817', 'Pacific/Noumea', 'XPF')`);
const secret = 'x'.repeat(43);

// Hashing: four keys a row (identity, e-mail, phone, name + postcode), 250,000 rows.
let t0 = performance.now();
let n = 0;
for (let i = 0; i < 250_000; i++) {
  for (const text of naturalKeyTexts({
    identities: [`csv:email:p${i}@example.nc`],
    emails: [`p${i}@example.nc`],
    phones: [`+6877${String(i).padStart(5, '0')}`],
    names: [{ kind: 'person', sortName: `nom${i} prenom`, postcode: '98809' }],
  })) {
    hashKey(secret, text);
    n++;
  }
}
console.log(`hashing: ${n} keys in ${Math.round(performance.now() - t0)} ms`);

// Lists of 2,000 keys (some 500 persons erased on request: years of requests) and of
// 250,000 (an extreme), then one batch's lookup (2,000 rows, four keys each).
let written = 0;
for (const size of [2_000, 250_000]) {
  t0 = performance.now();
  for (; written < size; written += 2_000) {
    const hashes = Array.from({ length: 2_000 }, (_, j) => hashKey(secret, `email:e${written + j}@example.nc`));
    await db.execute(sql`insert into erasure_suppressions (org_id, key_hash)
      select ${orgId}::uuid, unnest(${sql.param(hashes)}::text[])`);
  }
  await db.execute(sql`analyze erasure_suppressions`);
  const probe = Array.from({ length: BATCH_KEYS }, (_, j) =>
    hashKey(secret, j % 100 === 0 ? `email:e${j}@example.nc` : `email:other${j}@example.nc`),
  );
  const plan = await queryRows<{ 'QUERY PLAN': string }>(
    db,
    sql`explain (analyze, costs off) select key_hash from erasure_suppressions
        where org_id = ${orgId} and key_hash = any(${sql.param(probe)}::text[])`,
  );
  console.log(`list of ${size} hashes (written in ${Math.round(performance.now() - t0)} ms), lookup of ${BATCH_KEYS}:`);
  // The plan without the probe array.
  console.log(plan.map((r) => r['QUERY PLAN'].replace(/'\{.*\}'/, "'{…}'")).join('\n'));
}
await database.close();
