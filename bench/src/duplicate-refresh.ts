// Duplicate detection after a bulk import (issue 3): imports a seeded French / New Caledonian
// address book with the server's import command (which queues the duplicate refresh jobs),
// then does the work of those jobs as the job runner would, one transaction per batch, and
// prints the total background time and the longest single transaction (on PGlite the
// database runs one transaction at a time: that is how long a user's request may wait).
// Then the rebuild of contacts without keys (the demo's, those older than the candidates
// table), and for comparison the per-contact trigram refresh on a sample.
//
//   npx tsx src/duplicate-refresh.ts --rows 100000               PGlite in memory
//   DATABASE_URL=postgres://… npx tsx src/duplicate-refresh.ts --rows 250000   PostgreSQL
//     (a fresh database dircab_g4_<random>, dropped at the end)
//   … --batch 200    contacts per transaction (default: REFRESH_BATCH)

import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { contactsWithoutKeys } from '../../server/src/modules/directory/duplicates/duplicate-rebuild-job';
import { REFRESH_BATCH } from '../../server/src/modules/directory/duplicates/duplicate-refresh-job';
import { refreshCandidatesByKeys } from '../../server/src/modules/directory/duplicates/refresh-candidates-by-keys';
import { refreshDuplicateCandidates } from '../../server/src/modules/directory/duplicates/refresh-duplicate-candidates';
import { csvDrafts, openCsv } from '../../server/src/modules/directory/imports/csv-file';
import { suggestMapping } from '../../server/src/modules/directory/imports/csv-mapping';
import { importContacts } from '../../server/src/modules/directory/imports/import-contacts';
import { type Database, openDatabase, queryRows } from '../../server/src/platform/db/client';
import { newId } from '../../server/src/platform/db/columns';
import { applyMigrations } from '../../server/src/platform/db/migrate';
import type { Actor } from '../../server/src/platform/policy/actor';
import { createScratchDatabase, dropScratchDatabase } from '../../server/test/scratch-database';
import { contactsCsv, TERRITORIES } from './contact-rows';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    batch: { type: 'string' },
    /** Contacts of the per-contact trigram refresh sample (0 to skip). */
    sample: { type: 'string', default: '200' },
  },
});
const rows = Number(args.rows);
const batchSize = Number(args.batch ?? REFRESH_BATCH);

async function open(): Promise<{ database: Database; label: string; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    return { database, label: 'PGlite (in memory)', cleanup: () => database.close() };
  }
  const scratch = await createScratchDatabase(url, 'dircab_bench');
  const database = await openDatabase({ databaseUrl: scratch.url });
  return {
    database,
    label: 'PostgreSQL',
    cleanup: async () => {
      await database.close();
      await dropScratchDatabase(url, scratch.name);
    },
  };
}

/** Milliseconds of each transaction, summed up. */
function summary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const total = ms.reduce((s, x) => s + x, 0);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    transactions: ms.length,
    totalSeconds: Number((total / 1000).toFixed(1)),
    meanMs: Number((total / Math.max(1, ms.length)).toFixed(1)),
    p95Ms: Number(at(0.95).toFixed(1)),
    maxMs: Number((sorted.at(-1) ?? 0).toFixed(1)),
  };
}

const { database, label, cleanup } = await open();
try {
  await applyMigrations(database);
  const { db } = database;
  const orgId = newId();
  await db.execute(sql`insert into organisations (id, slug, name, kind, official_code, time_zone, currency, locale)
    values (${orgId}, ${`bench-${orgId}`}, 'Mont-Dore (bench)', 'commune', '98817', 'Pacific/Noumea', 'XPF', 'fr-NC')`);
  for (const name of TERRITORIES) {
    await db.execute(sql`insert into territories (id, org_id, name) values (${newId()}, ${orgId}, ${name})`);
  }
  const actor: Actor = {
    userId: newId(),
    name: 'Bench',
    email: 'bench@example.nc',
    orgId,
    role: 'chief_of_staff',
    sessionId: '',
    ip: '127.0.0.1',
  };

  let started = performance.now();
  const text = contactsCsv(rows, Number(args.seed));
  const result = await db.transaction(async (tx) => {
    const file = openCsv(text);
    return importContacts(tx, actor, csvDrafts(file, suggestMapping(file.header)), {
      format: 'csv',
      source: 'Import CSV',
      region: 'NC',
      driver: database.driver,
    });
  });
  console.info(
    `${label}: imported ${result.created} contacts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // The refresh jobs the import queued, done as their handler does (one transaction a batch).
  const jobs = await queryRows<{ payload: { ids: string[] } }>(
    db,
    sql`select payload from jobs where kind = 'directory.duplicates_refresh' and org_id = ${orgId} order by created_at`,
  );
  const ids = jobs.flatMap((j) => j.payload.ids);
  const refreshMs: number[] = [];
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    const t0 = performance.now();
    await db.transaction((tx) => refreshCandidatesByKeys(tx, orgId, batch));
    refreshMs.push(performance.now() - t0);
  }
  const counts = async () => {
    const [c] = await queryRows<{ pairs: number; keys: number; names: number; emails: number; phones: number }>(
      db,
      sql`select (select count(*)::int from contact_duplicate_candidates where org_id = ${orgId}) as pairs,
                 (select count(*)::int from contact_match_keys where org_id = ${orgId}) as keys,
                 (select count(*)::int from contact_duplicate_candidates where org_id = ${orgId} and reasons ? 'name') as names,
                 (select count(*)::int from contact_duplicate_candidates where org_id = ${orgId} and reasons ? 'email') as emails,
                 (select count(*)::int from contact_duplicate_candidates where org_id = ${orgId} and reasons ? 'phone') as phones`,
    );
    return c;
  };
  const refresh = { ...summary(refreshMs), batch: batchSize, contacts: ids.length, ...(await counts()) };
  console.info('refresh after the import:', JSON.stringify(refresh));

  // The plan of one batch's pair search, with the settings the refresh uses.
  const probe = ids.slice(0, batchSize);
  const plan = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true),
                                set_config('enable_mergejoin', 'off', true)`);
    return queryRows<{ 'QUERY PLAN': string }>(
      tx,
      sql`explain (analyze, costs off) select s.contact_id, o.contact_id
          from (select contact_id, key from contact_match_keys
                where contact_id = any(${`{${probe.join(',')}}`}::uuid[])) s
          cross join lateral (select o.contact_id from contact_match_keys o
                              where o.org_id = ${orgId} and o.key = s.key and o.contact_id <> s.contact_id offset 0) o`,
    );
  });
  console.info(plan.map((p) => `  ${p['QUERY PLAN']}`).join('\n'));

  // The rebuild: every key and pair gone (as before migration 0007), filled again in batches.
  await db.execute(sql`delete from contact_duplicate_candidates where org_id = ${orgId}`);
  await db.execute(sql`delete from contact_match_keys where org_id = ${orgId}`);
  const rebuildMs: number[] = [];
  let after: string | null = null;
  for (;;) {
    const t0 = performance.now();
    const done: string[] = await db.transaction(async (tx) => {
      const found = await contactsWithoutKeys(tx, orgId, after, batchSize);
      await refreshCandidatesByKeys(tx, orgId, found);
      return found;
    });
    rebuildMs.push(performance.now() - t0);
    if (done.length < batchSize) break;
    after = done.at(-1) ?? null;
  }
  started = performance.now();
  const [nothingLeft] = await contactsWithoutKeys(db, orgId, null, 1);
  const startCheckMs = performance.now() - started;
  console.info(
    'rebuild of every contact:',
    JSON.stringify({ ...summary(rebuildMs), ...(await counts()) }),
    `start check (nothing left: ${!nothingLeft}) ${startCheckMs.toFixed(0)} ms`,
  );

  // For comparison: the per-contact trigram refresh (create/update of one contact) on a sample.
  const sample = ids.slice(0, Number(args.sample));
  if (sample.length > 0) {
    const oneMs: number[] = [];
    for (const id of sample) {
      const t0 = performance.now();
      await db.transaction((tx) => refreshDuplicateCandidates(tx, orgId, [id]));
      oneMs.push(performance.now() - t0);
    }
    console.info('trigram refresh, one contact per transaction:', JSON.stringify(summary(oneMs)));
  }
} finally {
  await cleanup();
}
