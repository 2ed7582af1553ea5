// Measures the personal-data work at a town's volume (not part of the test suite):
//   npx tsx bench/src/privacy-volume.ts [contacts]
// 250,000 contacts in an in-memory PGlite: EXPLAIN of the retention job's batch query, the
// job's time for the expired share, and the bulk CSV export's time and memory.
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  anonymiseExpiredContacts,
  monthsBefore,
} from '../../server/src/modules/directory/privacy/anonymise-expired-contacts';
import { streamContactsCsv } from '../../server/src/modules/directory/privacy/queries/stream-contacts-csv';
import { organisations } from '../../server/src/modules/org/org.schema';
import { openDatabase, queryRows } from '../../server/src/platform/db/client';
import { applyMigrations } from '../../server/src/platform/db/migrate';
import type { Actor } from '../../server/src/platform/policy/actor';

const total = Number(process.argv[2] ?? 250_000);
const database = await openDatabase({});
await applyMigrations(database);
const { db } = database;
const [org] = await db
  .insert(organisations)
  .values({
    slug: 'volume',
    name: 'Volume',
    kind: 'commune',
    officialCode: '98817',
    timeZone: 'Pacific/Noumea',
    currency: 'XPF',
  })
  .returning();
if (!org) throw new Error('no org');
const orgId = org.id;

let t = performance.now();
// 1% expired constituents (idle 4 years), the rest active within the last 3 years.
const BATCH = 10_000;
for (let start = 0; start < total; start += BATCH) {
  const ids = Array.from({ length: Math.min(BATCH, total - start) }, () => uuidv7());
  await db.execute(sql`
    insert into contacts (id, org_id, kind, first_name, last_name, display_name, sort_name, emails, tags, notes, last_activity_at)
    select id, ${orgId}::uuid, 'person', 'Prénom' || n, 'Nom' || n, 'Prénom' || n || ' Nom' || n, 'nom' || n || ' prenom' || n,
      jsonb_build_array(jsonb_build_object('email', 'p' || n || '@example.nc')), array['quartier' || (n % 9)],
      'Note ' || n,
      case when n % 100 = 0 then now() - interval '4 years' else now() - (n % 1000) * interval '1 day' end
    from unnest(${sql.raw(`array[${ids.map((id) => `'${id}'`).join(',')}]::uuid[]`)}) with ordinality as u(id, n0),
      lateral (select ${start}::int + n0::int as n) x`);
}
console.log(`inserted ${total} contacts in ${Math.round(performance.now() - t)} ms`);
// Elected persons of other bodies (the RNE's mayors and councillors): one contact in 80.
await db.execute(sql`
  insert into mandates (id, org_id, contact_id, function, body, start_date, end_date)
  select gen_random_uuid(), org_id, id, 'conseiller_municipal', 'conseil_municipal', '2014-04-01',
    case when row_number() over (order by id) % 2 = 0 then date '2020-06-30' else null end
  from contacts where org_id = ${orgId} and sort_name like '%0 prenom%' and random() < 0.125`);
await db.execute(sql`analyze`);

const cutoff = monthsBefore(new Date(), 36).toISOString();
const plan = await queryRows<{ 'QUERY PLAN': string }>(
  db,
  sql`explain analyze select id from contacts where org_id = ${orgId} and kind = 'person' and anonymised_at is null
    and last_activity_at < ${cutoff}::timestamptz
    and not exists (select 1 from officials o where o.org_id = contacts.org_id and o.contact_id = contacts.id)
    and not exists (select 1 from mandates m where m.org_id = contacts.org_id and m.contact_id = contacts.id) limit 200`,
);
console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));

const otherPlan = await queryRows<{ 'QUERY PLAN': string }>(
  db,
  sql`explain analyze select id from contacts where org_id = ${orgId} and kind = 'person' and anonymised_at is null
    and last_activity_at < ${monthsBefore(new Date(), 72).toISOString()}::timestamptz
    and not exists (select 1 from officials o where o.org_id = contacts.org_id and o.contact_id = contacts.id)
    and exists (select 1 from mandates m where m.org_id = contacts.org_id and m.contact_id = contacts.id) limit 200`,
);
console.log(otherPlan.map((r) => r['QUERY PLAN']).join('\n'));

t = performance.now();
const report = await anonymiseExpiredContacts(db);
console.log(`job: ${JSON.stringify(report)} in ${Math.round(performance.now() - t)} ms`);
t = performance.now();
const again = await anonymiseExpiredContacts(db);
console.log(`job again (nothing to do): ${JSON.stringify(again)} in ${Math.round(performance.now() - t)} ms`);

const actor: Actor = {
  userId: uuidv7(),
  name: 'Mesure',
  email: 'mesure@example.nc',
  orgId,
  role: 'executive',
  sessionId: 'x',
  ip: '127.0.0.1',
};
t = performance.now();
let bytes = 0;
let rows = 0;
let peak = process.memoryUsage().heapUsed;
for await (const chunk of streamContactsCsv(db, actor, {}, () => rows++)) {
  bytes += Buffer.byteLength(chunk);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}
console.log(
  `csv: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - t)} ms; peak heap ${Math.round(peak / 1e6)} MB`,
);
await database.close();
