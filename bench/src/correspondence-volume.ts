// The register at volume: N items in one organisation (and a neighbour), then EXPLAIN ANALYZE
// of the list's statements as the route builds them, for a cabinet role and a service.
// Run by hand: N=250000 npx tsx bench/src/correspondence-volume.ts
// (with DATABASE_URL set, on a throwaway PostgreSQL database it creates and drops).
import { randomBytes } from 'node:crypto';
import type { TCorrespondenceQuery } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { itemsStatement } from '../../server/src/modules/correspondence/queries/find-correspondence';
import { organisations } from '../../server/src/modules/org/org.schema';
import { openDatabase, queryRows } from '../../server/src/platform/db/client';
import { newId } from '../../server/src/platform/db/columns';
import { applyMigrations } from '../../server/src/platform/db/migrate';
import type { Actor } from '../../server/src/platform/policy/actor';

const N = Number(process.env.N ?? 250000);
const url = process.env.DATABASE_URL;
let dbName: string | undefined;
let databaseUrl: string | undefined;
if (url) {
  dbName = `dircab_volume_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  databaseUrl = u.toString();
}
const database = await openDatabase({ databaseUrl });
const { db } = database;
await applyMigrations(database);

const orgs = await db
  .insert(organisations)
  .values(
    ['a', 'b'].map((x) => ({
      slug: `volume-${x}`,
      name: `Volume ${x}`,
      kind: 'commune' as const,
      officialCode: '98817',
      timeZone: 'Pacific/Noumea',
      currency: 'XPF',
    })),
  )
  .returning({ id: organisations.id });
const orgId = orgs[0]?.id as string;
const neighbour = orgs[1]?.id as string;
const serviceUser = newId();

const started = Date.now();
// Three years of mail; statuses weighted towards closed; 1 % names the service user.
for (const [org, n] of [
  [orgId, N],
  [neighbour, Math.round(N / 5)],
] as const) {
  await db.execute(sql`
    insert into correspondence_items (id, org_id, direction, registration_number, year, sequence, channel, subject, body,
      received_at, sender_name, status, confidentiality, members, priority)
    select gen_random_uuid(), ${org}::uuid, case when i % 4 = 0 then 'out' else 'in' end,
      (2024 + i % 3) || case when i % 4 = 0 then '-D-' else '-A-' end || lpad(i::text, 6, '0'), 2024 + i % 3, i,
      (array['postal','email','web_form','phone','visit','social'])[1 + i % 6],
      (array['Éclairage public','Voirie','Cantine scolaire','Demande de logement','Subvention association','Permis de construire','Invitation','Propreté'])[1 + i % 8]
        || ' ' || (array['Boulari','Plum','Yahoué','Robinson','La Conception','Saint-Michel'])[1 + (i / 8) % 6] || ' n° ' || i,
      'Texte du courrier ' || i,
      timestamptz '2024-01-01' + (i::float / ${n}) * interval '1060 days',
      'Expéditeur ' || i,
      (array['closed','closed','closed','sent','in_progress','routed','registered','waiting_info'])[1 + (i * 7) % 8],
      case when i % 50 = 0 then 'confidential' when i % 12 = 0 then 'restricted' else 'normal' end,
      case when i % 100 = 0 then array[${serviceUser}::uuid] else '{}'::uuid[] end,
      'normal'
    from generate_series(1, ${n}) i`);
}
await db.execute(sql`analyze correspondence_items`);
console.log(
  `inserted ${N} + ${Math.round(N / 5)} items in ${((Date.now() - started) / 1000).toFixed(1)} s (${database.driver})`,
);

const actor = (role: Actor['role'], userId = newId()): Actor => ({
  userId,
  name: role,
  email: `${role}@example.nc`,
  orgId,
  role,
  sessionId: '',
  ip: '',
});
const base = { limit: 50 } as TCorrespondenceQuery;
const cases: [string, Actor, TCorrespondenceQuery][] = [
  ['first page, advisor', actor('advisor'), base],
  ['status=registered', actor('advisor'), { ...base, status: 'registered' }],
  ['channel=visit', actor('secretariat'), { ...base, channel: 'visit' }],
  ['period (one month)', actor('chief_of_staff'), { ...base, from: '2025-03-01', to: '2025-03-31' }],
  ['q=cantine plum (subject)', actor('advisor'), { ...base, q: 'cantine scolaire plum' }],
  ['q=rare word (subject)', actor('advisor'), { ...base, q: 'n° 123456' }],
  ['q=number', actor('advisor'), { ...base, q: '2025-A-000123' }],
  ['services, named on 1 %', actor('services', serviceUser), base],
  ['services, named on nothing', actor('services'), base],
];
for (const [label, who, query] of cases) {
  const statement = itemsStatement(db, who, query, 'Pacific/Noumea');
  const plan = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${statement}`);
  const lines = plan.map((r) => r['QUERY PLAN']);
  const t0 = performance.now();
  const rows = await statement;
  const ms = performance.now() - t0;
  console.log(`\n== ${label}: ${rows.length} rows, ${ms.toFixed(1)} ms`);
  console.log(lines.filter((l) => /Scan|Execution|Sort|Limit/.test(l)).join('\n'));
}
await database.close();
if (url && dbName) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
