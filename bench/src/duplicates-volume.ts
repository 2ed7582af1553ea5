// Duplicates at volume: N contacts in one organisation, candidates maintained per batch of
// 1,000 (as the importer would), then EXPLAIN ANALYZE of the list and the per-contact match.
// Run by hand: N=50000 npx tsx bench/src/duplicates-volume.ts
import { sql } from 'drizzle-orm';
import { contactNames } from '../../server/src/modules/directory/contact-names';
import { contacts } from '../../server/src/modules/directory/directory.schema';
import { refreshDuplicateCandidates } from '../../server/src/modules/directory/duplicates/refresh-duplicate-candidates';
import { findDuplicates } from '../../server/src/modules/directory/queries/find-duplicates';
import { organisations } from '../../server/src/modules/org/org.schema';
import { openDatabase, queryRows } from '../../server/src/platform/db/client';
import { newId } from '../../server/src/platform/db/columns';
import { applyMigrations } from '../../server/src/platform/db/migrate';
import type { Actor } from '../../server/src/platform/policy/actor';

const N = Number(process.env.N ?? 50000);
const FIRST = [
  'Julie',
  'Marie',
  'Jean',
  'Paul',
  'Léon',
  'Nina',
  'Claire',
  'Hippolyte',
  'Sonia',
  'Marc',
  'Anne',
  'Louis',
  'Émilie',
  'Kévin',
  'Théo',
  'Chloé',
  'Wassissi',
  'Yvette',
  'Gaston',
  'Régis',
  'Sylvie',
  'Noëlla',
  'Patrice',
  'Joël',
  'Didier',
  'Céline',
  'Manon',
  'Lucas',
  'Hugo',
  'Inès',
];
const LAST = [
  'Dupont',
  'Martin',
  'Wamytan',
  'Néaoutyine',
  'Tein',
  'Goa',
  'Kaloi',
  'Bernard',
  'Thomas',
  'Petit',
  'Robert',
  'Richard',
  'Durand',
  'Dubois',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Lefebvre',
  'Leroy',
  'Roux',
  'David',
  'Bertrand',
  'Morel',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupuis',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Vincent',
  'Muller',
  'Lefèvre',
  'Faure',
  'André',
  'Mercier',
  'Blanc',
  'Guérin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'François',
  'Legrand',
  'Gauthier',
  'Garcia',
  'Perrin',
  'Robin',
  'Clément',
  'Morin',
  'Nicolas',
  'Henry',
  'Roussel',
  'Mathieu',
  'Gautier',
  'Masson',
  'Marchand',
  'Duval',
  'Denis',
  'Dumont',
  'Marie',
  'Lemaire',
  'Noël',
  'Meyer',
  'Dufour',
  'Meunier',
  'Brun',
  'Blanchard',
  'Giraud',
  'Joly',
  'Rivière',
  'Lucas',
  'Brunet',
  'Gaillard',
  'Barbier',
  'Arnaud',
  'Martinez',
  'Gérard',
  'Roche',
  'Renard',
  'Schmitt',
  'Roy',
  'Leroux',
  'Colin',
  'Vidal',
  'Caron',
  'Picard',
  'Roger',
  'Fabre',
  'Aubert',
  'Lemoine',
  'Renaud',
  'Dumas',
  'Lacroix',
  'Olivier',
  'Philippe',
  'Bourgeois',
  'Pierre',
  'Benoît',
  'Rey',
];
let seed = 42;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

const database = await openDatabase({});
await applyMigrations(database);
const { db } = database;
const [org] = await db
  .insert(organisations)
  .values({
    slug: 'bench',
    name: 'Bench',
    kind: 'commune',
    officialCode: '98817',
    timeZone: 'Pacific/Noumea',
    currency: 'XPF',
    locale: 'fr-NC',
  })
  .returning();
if (!org) throw new Error('organisation not created');
const orgId = org.id;

let t0 = Date.now();
const batchTimes: number[] = [];
for (let start = 0; start < N; start += 1000) {
  const rows: (typeof contacts.$inferInsert & { id: string })[] = [];
  for (let i = start; i < Math.min(N, start + 1000); i++) {
    let firstName = FIRST[rnd(FIRST.length)] ?? 'Julie';
    let lastName = `${LAST[rnd(LAST.length)]}${rnd(50) === 0 ? '' : `-${LAST[rnd(LAST.length)]}`}`;
    // ~2% re-typed duplicates of an earlier person: upper case, no accents.
    if (i > 10 && rnd(50) === 0) {
      firstName = firstName.toUpperCase();
      lastName = lastName.toUpperCase();
    }
    const names = { kind: 'person' as const, firstName, lastName };
    rows.push({
      id: newId(),
      orgId,
      kind: 'person' as const,
      firstName,
      lastName,
      emails: rnd(3) === 0 ? [{ email: `p${rnd(N)}@example.nc` }] : [],
      phones: rnd(3) === 0 ? [{ number: `+6877${String(rnd(100000)).padStart(5, '0')}` }] : [],
      addresses:
        rnd(2) === 0
          ? [{ line1: `${rnd(200)} rue ${LAST[rnd(LAST.length)]}`, postcode: '98809', city: 'Mont-Dore' }]
          : [],
      ...contactNames(names),
    });
  }
  const b0 = Date.now();
  await db.transaction(async (tx) => {
    await tx.insert(contacts).values(rows);
    await refreshDuplicateCandidates(
      tx,
      orgId,
      rows.map((r) => r.id),
    );
  });
  batchTimes.push(Date.now() - b0);
}
await db.execute(sql`analyze`);
const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from contact_duplicate_candidates`);
const n = count?.n;
console.log(
  `contacts ${N}, candidates ${n}, total ${Date.now() - t0} ms, per 1000-batch (insert+refresh) median ${batchTimes.sort((a, b) => a - b)[batchTimes.length >> 1]} ms, max ${batchTimes.at(-1)} ms`,
);

// Refresh alone, on a batch already inserted (what create/update and the importer pay).
const some = await queryRows<{ id: string }>(db, sql`select id::text from contacts order by random() limit 1000`);
t0 = Date.now();
await db.transaction((tx) =>
  refreshDuplicateCandidates(
    tx,
    orgId,
    some.map((s) => s.id),
  ),
);
console.log(`refresh of 1000 existing contacts: ${Date.now() - t0} ms`);
t0 = Date.now();
await db.transaction((tx) => refreshDuplicateCandidates(tx, orgId, [some[0]?.id ?? orgId]));
console.log(`refresh of 1 contact: ${Date.now() - t0} ms`);

const explain = async (label: string, q: ReturnType<typeof sql>) => {
  const plan = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers off) ${q}`);
  console.log(`\n--- ${label}\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
};
await explain(
  'organisation-wide list: one slice of candidates in the index order',
  sql`select d.score, d.contact_a, d.contact_b from contact_duplicate_candidates d
      where d.org_id = ${orgId} order by d.score desc nulls last, d.contact_a, d.contact_b limit 250`,
);
const actor: Actor = {
  userId: newId(),
  name: 'Bench',
  email: 'bench@example.nc',
  orgId,
  role: 'chief_of_staff',
  sessionId: 'bench',
  ip: '127.0.0.1',
};
let cursor: string | null = null;
for (let page = 1; page <= 20; page++) {
  t0 = Date.now();
  const found = await findDuplicates(db, actor, { limit: 50, ...(cursor ? { cursor } : {}) });
  if (page === 1 || page === 20) console.log(`duplicates list page ${page} (50 pairs): ${Date.now() - t0} ms`);
  cursor = found.nextCursor;
  if (!cursor) break;
}
await db.transaction(async (tx) => {
  await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', '0.6', true)`);
  const plan = await queryRows<{ 'QUERY PLAN': string }>(
    tx,
    sql`explain analyze
    select c.id from contacts c where c.org_id = ${orgId} and dircab_unaccent(lower(c.display_name)) % dircab_unaccent(lower('Julie Dupont-Martin'))
      and c.kind = 'person' and c.deleted_at is null`,
  );
  console.log(`\n--- one contact's name matches\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
  const plan2 = await queryRows<{ 'QUERY PLAN': string }>(
    tx,
    sql`explain analyze
    select k.contact_id from contact_match_keys k join contacts c on c.id = k.contact_id and c.deleted_at is null
    where k.org_id = ${orgId} and k.key = any(${'{"phone:+687712345","address:98809|12 rue dupont"}'}::text[])`,
  );
  console.log(`\n--- one contact's key matches\n${plan2.map((p) => p['QUERY PLAN']).join('\n')}`);
});
await database.close();
