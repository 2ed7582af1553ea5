// The CSV import benchmark (issue 3: "a 250,000-row CSV imports in under a minute on the
// embedded database"). Generates a seeded French / New Caledonian address book, imports it
// with the server's own import path (parse, check, write in batches, audit) in one
// transaction, imports it again (everything unchanged), checks that the name searches find
// an imported contact, and prints rows, seconds and rows/s.
//
//   npm run bench:import -w bench -- --rows 250000               PGlite in memory
//   npm run bench:import -w bench -- --rows 250000 --data-dir /tmp/dircab-bench   PGlite on disk
//   DATABASE_URL=postgres://… npm run bench:import -w bench -- --rows 250000   PostgreSQL
//     (a fresh database dircab_bench_<random>, dropped at the end)
//   … -- --rows 250000 --http    through POST /api/v1/imports (upload, session, route) on the same databases

import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { TContactQuery, TImportResult } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../server/src/app';
import { csvDrafts, openCsv } from '../../server/src/modules/directory/imports/csv-file';
import { suggestMapping } from '../../server/src/modules/directory/imports/csv-mapping';
import { importContacts } from '../../server/src/modules/directory/imports/import-contacts';
import { findContacts } from '../../server/src/modules/directory/queries/find-contacts';
import { type Database, openDatabase, queryRows } from '../../server/src/platform/db/client';
import { newId } from '../../server/src/platform/db/columns';
import { applyMigrations } from '../../server/src/platform/db/migrate';
import type { Actor } from '../../server/src/platform/policy/actor';
import { buildSearchQuery, searchRecords } from '../../server/src/platform/search/search-records';
import { createScratchDatabase, dropScratchDatabase } from '../../server/test/scratch-database';
import { BASE_URL, createTestOrg, signIn, testConfig } from '../../server/test/test-app';
import { contactsCsv, TERRITORIES } from './contact-rows';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '250000' },
    'data-dir': { type: 'string' },
    seed: { type: 'string', default: '42' },
    /** Through POST /api/v1/imports (multipart upload, session, route), not the command alone. */
    http: { type: 'boolean', default: false },
  },
});
const rows = Number(args.rows);

async function open(): Promise<{ database: Database; label: string; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
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
  const given = args['data-dir'];
  const dataDir = given ?? mkdtempSync(join(tmpdir(), 'dircab-bench-'));
  const onDisk = given !== undefined;
  const database = await openDatabase(onDisk ? { dataDir } : {});
  if (!onDisk) rmSync(dataDir, { recursive: true, force: true });
  return {
    database,
    label: onDisk ? `PGlite (data dir ${dataDir})` : 'PGlite (in memory)',
    cleanup: () => database.close(),
  };
}

const { database, label, cleanup } = await open();
let closeApp = async () => {};
try {
  await applyMigrations(database);
  const { db } = database;
  let orgId: string;
  let actor: Actor;
  let importOnce: (text: string) => Promise<TImportResult>;
  if (args.http) {
    // The whole route: a signed-in secretariat uploads the file as a browser's FormData would.
    const app = await buildApp(testConfig(), { database, logger: false });
    closeApp = () => app.close();
    const org = await createTestOrg(app, ['secretariat']);
    const cookie = await signIn(app, org.users.secretariat);
    orgId = org.orgId;
    const user = org.users.secretariat;
    actor = { userId: user.id, name: user.name, email: user.email, orgId, role: 'secretariat', sessionId: '', ip: '' };
    importOnce = async (text) => {
      const boundary = '----dircab-bench';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="format"\r\n\r\ncsv\r\n`),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="contacts.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        Buffer.from(text, 'utf8'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        headers: { cookie, origin: BASE_URL, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      if (res.statusCode !== 200) throw new Error(`import answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
      return res.json() as TImportResult;
    };
  } else {
    orgId = newId();
    await db.execute(sql`insert into organisations (id, slug, name, kind, official_code, time_zone, currency, locale)
      values (${orgId}, ${`bench-${orgId}`}, 'Mont-Dore (bench)', 'commune', '98817', 'Pacific/Noumea', 'XPF', 'fr-NC')`);
    const commandActor: Actor = {
      userId: newId(),
      name: 'Bench',
      email: 'bench@example.nc',
      orgId,
      role: 'chief_of_staff',
      sessionId: '',
      ip: '127.0.0.1',
    };
    actor = commandActor;
    importOnce = (text) =>
      db.transaction(async (tx) => {
        const file = openCsv(text);
        return importContacts(tx, commandActor, csvDrafts(file, suggestMapping(file.header)), {
          format: 'csv',
          source: 'Import CSV',
          region: 'NC',
          driver: database.driver,
        });
      });
  }
  for (const name of TERRITORIES) {
    await db.execute(sql`insert into territories (id, org_id, name) values (${newId()}, ${orgId}, ${name})`);
  }
  const mode = args.http ? `${label}, through the route` : label;

  let started = performance.now();
  const text = contactsCsv(rows, Number(args.seed));
  const generated = (performance.now() - started) / 1000;
  console.info(`${label}: ${rows} rows generated (${(text.length / 1e6).toFixed(1)} MB) in ${generated.toFixed(1)} s`);

  const run = async (pass: string) => {
    started = performance.now();
    // CPU time too: the machine may be shared, and PGlite runs on this process's one thread,
    // so CPU seconds say what the import costs when it has a core to itself.
    const cpu = process.cpuUsage();
    const result = await importOnce(text);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const { created, updated, unchanged, skipped } = result;
    console.info(
      `${mode} ${pass}: ${result.rows} rows in ${seconds.toFixed(1)} s = ${Math.round(result.rows / seconds)} rows/s` +
        ` (CPU ${cpuSeconds.toFixed(1)} s, load average ${loadavg()[0]?.toFixed(1)})` +
        ` (created ${created}, updated ${updated}, unchanged ${unchanged}, skipped ${skipped})`,
    );
    if (result.errors.length > 0) console.info('first errors:', result.errors.slice(0, 5));
    return { pass, rows: result.rows, seconds, cpuSeconds, created, updated, unchanged, skipped };
  };
  const first = await run('import');
  const second = await run('re-import');

  // The searches a user runs afterwards, through the server's own queries, and the plan of
  // the global search: the name indexes must still serve them after a big import.
  const probe = 'wahetra';
  started = performance.now();
  const list = await findContacts(db, actor, { q: probe, limit: 50 } as TContactQuery);
  const listMs = performance.now() - started;
  started = performance.now();
  const global = await searchRecords(db, actor, { q: probe, limit: 10 });
  const globalMs = performance.now() - started;
  const statement = buildSearchQuery(actor, { q: probe, limit: 10 });
  const plan = statement ? await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain ${statement}`) : [];
  const hits = global.groups.reduce((n, g) => n + g.hits.length, 0);
  console.info(`contacts?q=${probe}: ${list.data.length} contacts (first page) in ${listMs.toFixed(0)} ms`);
  console.info(`search?q=${probe}: ${hits} hits in ${globalMs.toFixed(0)} ms; plan:`);
  console.info(plan.map((p) => `  ${p['QUERY PLAN']}`).join('\n'));
  console.info(JSON.stringify({ database: mode, runs: [first, second] }));
} finally {
  await closeApp();
  await cleanup();
}
