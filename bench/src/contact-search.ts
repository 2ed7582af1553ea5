// The contact name search benchmark (issue 7's bar: p95 ≤ 20 ms on PostgreSQL at 250,000
// contacts, ≤ 40 ms on PGlite at 100,000). Loads a seeded address book through the server's
// own import path (bench/src/contact-rows.ts), adds a few rare names, mandates and a political
// group, then runs GET /api/v1/contacts's query (findContacts) per kind of search and prints
// p50 / p95 per kind, and with --explain the plan of each.
//
// A search of three letters or more first probes the next 2,000 contacts in the list's order,
// then (when the page is not there) gathers the matches through the trigram index: --explain
// shows both plans; the p50 / p95 are of the whole findContacts.
//
//   npm run bench:search -w bench -- --rows 100000                    PGlite in memory
//   npm run bench:search -w bench -- --rows 100000 --data-dir /tmp/x  PGlite on disk (kept: a second run reuses it)
//   DATABASE_URL=postgres://… npm run bench:search -w bench -- --rows 250000
//     (a fresh database dircab_g1_<random>, dropped at the end unless --keep; --reuse <name> runs on it again)

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { TContactQuery } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { csvDrafts, openCsv } from '../../server/src/modules/directory/imports/csv-file';
import { suggestMapping } from '../../server/src/modules/directory/imports/csv-mapping';
import { importContacts } from '../../server/src/modules/directory/imports/import-contacts';
import { contactsStatement, findContacts } from '../../server/src/modules/directory/queries/find-contacts';
import { type Database, openDatabase, queryRows } from '../../server/src/platform/db/client';
import { newId } from '../../server/src/platform/db/columns';
import { applyMigrations } from '../../server/src/platform/db/migrate';
import type { Actor } from '../../server/src/platform/policy/actor';
import { createScratchDatabase, databaseUrl, dropScratchDatabase } from '../../server/test/scratch-database';
import { contactsCsv, HEADER, TERRITORIES } from './contact-rows';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '250000' },
    'data-dir': { type: 'string' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '40' },
    explain: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const rows = Number(args.rows);
const runs = Number(args.runs);

async function open(): Promise<{ database: Database; label: string; fresh: boolean; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    if (args.reuse && !/^dircab_bench_[a-z0-9]+$/.test(args.reuse)) throw new Error('only a dircab_bench_* database');
    const name = args.reuse ?? (await createScratchDatabase(url, 'dircab_bench')).name;
    const database = await openDatabase({ databaseUrl: databaseUrl(url, name) });
    return {
      database,
      label: `PostgreSQL (${name})`,
      fresh: !args.reuse,
      cleanup: async () => {
        await database.close();
        if (!args.keep) await dropScratchDatabase(url, name);
      },
    };
  }
  const dataDir = args['data-dir'];
  const fresh = !dataDir || !existsSync(dataDir);
  const database = await openDatabase(dataDir ? { dataDir } : {});
  return {
    database,
    label: dataDir ? `PGlite (data dir ${dataDir})` : 'PGlite (in memory)',
    fresh,
    cleanup: () => database.close(),
  };
}

/** A handful of people whose names occur once: the rare-name and typo searches look for them. */
const RARE = [
  ['Personne', 'Mme', 'Nina', 'SARRAMÉA'],
  ['Personne', 'M.', 'Jean-Baptiste', 'Tavernier'],
  ['Personne', 'Mme', 'Élodie', 'Kasarhérou'],
];

async function load(database: Database, actor: Actor): Promise<void> {
  const { db } = database;
  await db.execute(sql`insert into organisations (id, slug, name, kind, official_code, time_zone, currency, locale)
      values (${actor.orgId}, ${`bench-${actor.orgId}`}, 'Mont-Dore (bench)', 'commune', '98817', 'Pacific/Noumea', 'XPF', 'fr-NC')`);
  for (const name of TERRITORIES) {
    await db.execute(sql`insert into territories (id, org_id, name) values (${newId()}, ${actor.orgId}, ${name})`);
  }
  const importText = (text: string) =>
    db.transaction(async (tx) => {
      const file = openCsv(text);
      return importContacts(tx, actor, csvDrafts(file, suggestMapping(file.header)), {
        format: 'csv',
        source: 'Import CSV',
        region: 'NC',
        driver: database.driver,
      });
    });
  const started = performance.now();
  const result = await importText(contactsCsv(rows, Number(args.seed)));
  const rare = [HEADER.join(';'), ...RARE.map((r) => [...r, ...HEADER.slice(r.length).map(() => '')].join(';'))];
  await importText(`${rare.join('\r\n')}\r\n`);
  // One contact in 200 holds a mandate in force; the first 30 of them are officials of a group.
  await db.execute(sql`insert into mandates (id, org_id, contact_id, function, body)
    select gen_random_uuid(), org_id, id, 'conseiller_municipal', 'conseil_municipal'
    from contacts where org_id = ${actor.orgId} and kind = 'person' and hashtext(id::text) % 200 = 0`);
  const [group] = await queryRows<{ id: string }>(
    db,
    sql`insert into political_groups (id, org_id, name, side) values (${newId()}, ${actor.orgId}, 'Majorité', 'majority') returning id`,
  );
  await db.execute(sql`insert into officials (id, org_id, contact_id, political_group_id)
    select gen_random_uuid(), org_id, contact_id, ${group?.id} from mandates where org_id = ${actor.orgId} limit 30`);
  await db.execute(sql`analyze`);
  console.info(
    `loaded ${result.created} contacts in ${((performance.now() - started) / 1000).toFixed(1)} s (+ ${RARE.length} rare names)`,
  );
}

const { database, label, fresh, cleanup } = await open();
try {
  await applyMigrations(database);
  const { db } = database;
  const [existing] = await queryRows<{ id: string }>(db, sql`select id from organisations where slug like 'bench-%'`);
  const orgId = existing?.id ?? newId();
  const actor: Actor = {
    userId: newId(),
    name: 'Bench',
    email: 'bench@example.nc',
    orgId,
    role: 'chief_of_staff',
    sessionId: '',
    ip: '127.0.0.1',
  };
  if (fresh || !existing) await load(database, actor);
  // Migrations of the run may have added indexes: fresh statistics for the planner.
  await db.execute(sql`analyze contacts`);
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from contacts where org_id = ${orgId}`,
  );
  const pick = async (q: ReturnType<typeof sql>) => (await queryRows<{ id: string }>(db, q))[0]?.id;
  const territoryId = await pick(
    sql`select territory_id as id from contacts where org_id = ${orgId} and territory_id is not null limit 1`,
  );
  const groupId = await pick(sql`select id from political_groups where org_id = ${orgId}`);

  const page2 = async (q: Partial<TContactQuery>) => {
    const first = await findContacts(db, actor, { limit: 50, ...q } as TContactQuery);
    return { ...q, cursor: first.nextCursor ?? undefined };
  };
  const kinds: [string, Partial<TContactQuery>][] = [
    ['list, no search', {}],
    ['common name (wahetra)', { q: 'wahetra' }],
    ['common name, page 2', await page2({ q: 'wahetra' })],
    [
      'common name, page 20',
      await (async () => {
        let q: Partial<TContactQuery> = { q: 'wahetra' };
        for (let i = 0; i < 19; i++) q = await page2(q);
        return q;
      })(),
    ],
    ['accents (julie)', { q: 'julie' }],
    ['accents (JULIÉ)', { q: 'JULIÉ' }],
    ['typo (Dupond)', { q: 'Dupond' }],
    ['rare name (sarramea)', { q: 'sarramea' }],
    ['rare typo (Tavernie)', { q: 'Tavernie' }],
    ['rare typo (Kasareou)', { q: 'Kasareou' }],
    ['one letter (j)', { q: 'j' }],
    ['two letters (wa)', { q: 'wa' }],
    ['full name (nina wahetra)', { q: 'nina wahetra' }],
    ['no match (zyxwv)', { q: 'zyxwv' }],
    ['search + kind', { q: 'wahetra', kind: 'person' }],
    ['search + kind organisation', { q: 'mairie', kind: 'organisation' }],
    ['search + tag', { q: 'wahetra', tag: 'sport' }],
    ['search + territory', { q: 'wahetra', territoryId }],
    ['search + mandate', { q: 'wahetra', mandate: 'conseiller_municipal' }],
    ['search + group', { q: 'martin', groupId }],
    ['rare + tag', { q: 'sarramea', tag: 'sport' }],
    ['mandate, no search', { mandate: 'conseiller_municipal' }],
    ['tag, no search', { tag: 'sport' }],
  ];
  console.info(`${label}: ${n} contacts; ${runs} runs per kind (p50 / p95 ms, first page of 50)`);
  const summary: Record<string, { p50: number; p95: number; found: number }> = {};
  for (const [name, q] of kinds) {
    const query = { limit: 50, ...q } as TContactQuery;
    let found = 0;
    for (let i = 0; i < 3; i++) found = (await findContacts(db, actor, query)).data.length;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await findContacts(db, actor, query);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? Number.NaN;
    summary[name] = { p50: at(0.5), p95: at(0.95), found };
    console.info(
      `  ${name.padEnd(30)} p50 ${at(0.5).toFixed(1).padStart(7)}  p95 ${at(0.95).toFixed(1).padStart(7)}  (${found} on the page)`,
    );
  }
  if (args.explain) {
    // The very statement findContacts runs, explained with its parameters.
    for (const [name, q] of kinds) {
      const { probe, statement } = await contactsStatement(db, actor, { limit: 50, ...q } as TContactQuery);
      for (const [part, stmt] of [...(probe ? ([['probe', probe]] as const) : []), ['statement', statement] as const]) {
        const plan = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${stmt}`);
        console.info(`\n--- ${name} (${part})\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
      }
    }
  }
  console.info(JSON.stringify({ database: label, contacts: n, summary }));
} finally {
  await cleanup();
}
