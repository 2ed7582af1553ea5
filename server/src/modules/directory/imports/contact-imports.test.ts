import { readFileSync } from 'node:fs';
import { ROLES, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  BASE_URL,
  createTestApp,
  createTestOrg,
  signIn,
  type TestApp,
  type TestOrg,
} from '../../../../test/test-app';
import { queryRows } from '../../../platform/db/client';
import { newId } from '../../../platform/db/columns';
import { DUPLICATE_REFRESH_JOB } from '../duplicates/duplicate-refresh-job';
import { DEFERRED_GIN_MIN_ROWS } from './deferred-gin';
import { storedByIdentityStatement } from './import-contacts';

// CSV and vCard imports and the preview, through the real server on a real database.

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const VCARD_3 = readFileSync(`${FIXTURES}contacts-3.0.vcf`);
const VCARD_4 = readFileSync(`${FIXTURES}contacts-4.0.vcf`);
const RNE = readFileSync(new URL('../../../../../../shared/data/rne/maires-meuse-nc.csv', import.meta.url).pathname);

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
let boulari: string;
let otherTerritory: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  await t.app.ctx.db.execute(sql`update organisations set official_code = '98817' where id = ${org.orgId}`);
  const created = await as(t.app, cookies.chief_of_staff).post('/api/v1/territories', { name: 'Boulari' });
  expect(created.statusCode, created.body).toBe(201);
  boulari = created.json().id;
  const otherCookie = await signIn(t.app, other.users.chief_of_staff);
  const foreign = await as(t.app, otherCookie).post('/api/v1/territories', { name: 'Vallon-Dore' });
  expect(foreign.statusCode, foreign.body).toBe(201);
  otherTerritory = foreign.json().id;
});
afterAll(() => t.close());

type File = { name: string; content: Buffer; type?: string };

/** A multipart/form-data body, as a browser's FormData sends it. */
function multipart(fields: Record<string, string>, file?: File) {
  const boundary = '----dircab-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function post(url: string, cookie: string | undefined, fields: Record<string, string>, file?: File) {
  const { payload, contentType } = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...(cookie ? { cookie } : {}), origin: BASE_URL, 'content-type': contentType },
    payload,
  });
}
const upload = (cookie: string | undefined, fields: Record<string, string>, file?: File) =>
  post('/api/v1/imports', cookie, fields, file);
const preview = (cookie: string | undefined, fields: Record<string, string>, file?: File) =>
  post('/api/v1/imports/preview', cookie, fields, file);

const csv = (text: string, name = 'contacts.csv') => ({ name, content: Buffer.from(text, 'utf8') });
const vcf = (content: Buffer, name = 'contacts.vcf') => ({ name, content, type: 'text/vcard' });

async function counts(orgId = org.orgId) {
  const [row] = await queryRows<Record<string, number>>(
    t.app.ctx.db,
    sql`select (select count(*)::int from contacts where org_id = ${orgId}) as contacts,
               (select count(*)::int from contact_identities where org_id = ${orgId}) as identities,
               (select count(*)::int from search_index where org_id = ${orgId}) as search,
               (select count(*)::int from audit_log where org_id = ${orgId}) as audit`,
  );
  return row;
}

async function contactByName(displayName: string) {
  const rows = await queryRows<Record<string, unknown>>(
    t.app.ctx.db,
    sql`select * from contacts where org_id = ${org.orgId} and display_name = ${displayName}`,
  );
  return rows;
}

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

const FRENCH_CSV = [
  '\uFEFFCivilité;Prénom;Nom;Organisme;Fonction;Courriel;Téléphone;Portable;Adresse;Code postal;Ville;Quartier;Étiquettes;Consentement',
  'Mme;Sandrine;WAHETRA;Comité des fêtes;Présidente;S.Wahetra@example.nc;26.12.34;78 45 12;4 rue des Cocotiers;98809;Mont-Dore;boulari;associatif, fêtes;oui',
  'M.;Éric;Gomès;;;eric.gomes@example.nc;;06 12 34 56 78;"12, avenue du Port";98800;Nouméa;;;non',
  'Mme;Léa;"Le Goff";;;;;;;;;;;',
].join('\r\n');

describe('POST /api/v1/imports format=csv', () => {
  it('imports a French spreadsheet with the suggested mapping: names, e-mails, phones in E.164, address, territory, tags, consent', async () => {
    const res = await upload(cookies.secretariat, { format: 'csv' }, csv(FRENCH_CSV));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      format: 'csv',
      dryRun: false,
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      errors: [],
      durationMs: expect.any(Number),
    });
    const [sandrine] = await contactByName('Sandrine WAHETRA');
    expect(sandrine).toMatchObject({
      kind: 'person',
      civility: 'Mme',
      first_name: 'Sandrine',
      last_name: 'WAHETRA',
      employer: 'Comité des fêtes',
      job_title: 'Présidente',
      emails: [{ label: null, email: 's.wahetra@example.nc' }],
      phones: [
        { label: null, number: '+687261234' },
        { label: null, number: '+687784512' },
      ],
      addresses: [{ line1: '4 rue des Cocotiers', postcode: '98809', city: 'Mont-Dore' }],
      territory_id: boulari,
      tags: ['associatif', 'fêtes'],
      consent: true,
      consent_date: new Date().toISOString().slice(0, 10),
      source: 'Import CSV',
      confidentiality: 'normal',
    });
    // Their likely duplicates are left to the job runner.
    const queued = await queryRows<{ ids: string[] }>(
      t.app.ctx.db,
      sql`select payload->'ids' as ids from jobs where org_id = ${org.orgId} and kind = ${DUPLICATE_REFRESH_JOB}`,
    );
    expect(queued.flatMap((j) => j.ids)).toContain(sandrine?.id);
    const [eric] = await contactByName('Éric Gomès');
    expect(eric).toMatchObject({ phones: [{ number: '+33612345678' }], consent: false });
    expect((eric?.addresses as { line1: string }[] | undefined)?.[0]?.line1).toBe('12, avenue du Port');

    // Found by the contacts' name search and by the global search, accents and case forgiven.
    const list = await as(t.app, cookies.advisor).get('/api/v1/contacts?q=wahetra');
    expect(list.json().data.map((c: { displayName: string }) => c.displayName)).toContain('Sandrine WAHETRA');
    const search = await as(t.app, cookies.advisor).get('/api/v1/search?q=gomes');
    const titles = (search.json().groups as { kind: string; hits: { title: string }[] }[])
      .filter((g) => g.kind === 'contact')
      .flatMap((g) => g.hits.map((h) => h.title));
    expect(titles).toContain('Éric Gomès');

    // The contact's history shows the import that created it; the import has its own row.
    const history = await queryRows<{ action: string; source: string; import_id: string }>(
      t.app.ctx.db,
      sql`select action, summary->>'source' as source, summary->>'importId' as import_id from audit_log
          where org_id = ${org.orgId} and record_type = 'contact' and record_id = ${String(sandrine?.id)}`,
    );
    expect(history).toEqual([{ action: 'contact.create', source: 'csv', import_id: expect.any(String) }]);
    const run = await queryRows<{ record_id: string; summary: Record<string, unknown> }>(
      t.app.ctx.db,
      sql`select record_id, summary from audit_log where org_id = ${org.orgId} and action = 'import.run'`,
    );
    expect(run).toEqual([
      {
        record_id: history[0]?.import_id,
        summary: { format: 'csv', rows: 3, created: 3, updated: 0, unchanged: 0, skipped: 0, errors: 0 },
      },
    ]);
  });

  it('re-importing the same file creates nothing; a changed row is updated and audited', async () => {
    const before = await counts();
    const again = await upload(cookies.secretariat, { format: 'csv' }, csv(FRENCH_CSV));
    expect(again.json()).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, skipped: 0 });
    expect(await counts()).toEqual({ ...before, audit: (before?.audit ?? 0) + 1 });

    const changed = FRENCH_CSV.replace('Mme;Léa;"Le Goff";;;;;;;;;;;', 'Mme;Léa;"Le Goff";;Trésorière;;;;;;;;;');
    const res = await upload(cookies.secretariat, { format: 'csv' }, csv(changed));
    expect(res.json()).toMatchObject({ rows: 3, created: 0, updated: 1, unchanged: 2 });
    const [lea] = await contactByName('Léa Le Goff');
    expect(lea?.job_title).toBe('Trésorière');
    const update = await queryRows<{ summary: Record<string, unknown> }>(
      t.app.ctx.db,
      sql`select summary from audit_log where org_id = ${org.orgId} and action = 'contact.update' and record_id = ${String(lea?.id)}`,
    );
    expect(update).toEqual([
      {
        summary: expect.objectContaining({
          before: { jobTitle: null },
          after: { jobTitle: 'Trésorière' },
          source: 'csv',
        }),
      },
    ]);
    expect((await counts())?.contacts).toBe(before?.contacts);
  });

  it('does not bring back a deleted contact, nor change a contact the importer may not see', async () => {
    const text =
      'Nom;Prénom;Courriel;Fonction\nSUPPRIMÉ;Paul;paul.supprime@example.nc;\nSECRET;Anne;anne.secret@example.nc;\n';
    const first = await upload(cookies.chief_of_staff, { format: 'csv' }, csv(text));
    expect(first.json()).toMatchObject({ created: 2 });
    const [paul] = await contactByName('Paul SUPPRIMÉ');
    const [anne] = await contactByName('Anne SECRET');
    const removed = await as(t.app, cookies.chief_of_staff).delete(`/api/v1/contacts/${String(paul?.id)}`);
    expect(removed.statusCode, removed.body).toBe(204);
    const hidden = await as(t.app, cookies.chief_of_staff).patch(`/api/v1/contacts/${String(anne?.id)}`, {
      confidentiality: 'confidential',
    });
    expect(hidden.statusCode, hidden.body).toBe(200);

    // The secretariat may import but not see a confidential contact it is not named on.
    const changed = text.replace(
      'SECRET;Anne;anne.secret@example.nc;',
      'SECRET;Anne;anne.secret@example.nc;Directrice',
    );
    const res = await upload(cookies.secretariat, { format: 'csv' }, csv(changed));
    expect(res.json()).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 0, skipped: 2 });
    expect(res.json().errors.map((e: { row: number }) => e.row)).toEqual([2, 3]);
    const [after] = await contactByName('Anne SECRET');
    expect(after?.job_title).toBeNull();
    expect(await contactByName('Paul SUPPRIMÉ')).toHaveLength(1);
  });

  it('reads a Latin-1 file with commas and the mapping sent, ignoring the columns mapped to null', async () => {
    const text =
      'Ref,Surname,Given,Mail,Phone,Remark\r\nX-1,Tjibaou,Emmanuel,e.tjibaou@example.nc,28.55.66,à rappeler\r\n';
    const mapping = {
      Ref: 'externalId',
      Surname: 'lastName',
      Given: 'firstName',
      Mail: 'email',
      Phone: 'phone',
      Remark: null,
    };
    const res = await upload(
      cookies.cabinet_head,
      { format: 'csv', mapping: JSON.stringify(mapping) },
      { name: 'latin1.csv', content: Buffer.from(text, 'latin1') },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 1, created: 1, errors: [] });
    const [emmanuel] = await contactByName('Emmanuel Tjibaou');
    expect(emmanuel).toMatchObject({ notes: null, phones: [{ number: '+687285566' }] });
    const identity = await queryRows<{ source: string; key: string }>(
      t.app.ctx.db,
      sql`select source, key from contact_identities where contact_id = ${String(emmanuel?.id)}`,
    );
    expect(identity).toEqual([{ source: 'csv', key: 'id:X-1' }]);
  });

  it('uses the separator given over the guess', async () => {
    // One comma and one bar in the header: the guess would take the comma.
    const text = 'Nom|Prénom, usuel\nTJIBAOU|Marie-Claude\n';
    const guessed = await preview(cookies.executive, { format: 'csv' }, csv(text));
    expect(guessed.json()).toMatchObject({ delimiter: ',', columns: ['Nom|Prénom', 'usuel'] });
    const res = await upload(
      cookies.executive,
      { format: 'csv', delimiter: '|', mapping: JSON.stringify({ Nom: 'lastName', 'Prénom, usuel': 'firstName' }) },
      csv(text),
    );
    expect(res.json()).toMatchObject({ rows: 1, created: 1, errors: [] });
    expect(await contactByName('Marie-Claude TJIBAOU')).toHaveLength(1);
  });

  it('skips and reports each row in error with its line and field, and imports the others', async () => {
    const text = [
      'Type;Civilité;Prénom;Nom;Organisme;Courriel;Téléphone;Adresse;Code postal;Ville;Quartier;Consentement;Date du consentement',
      'Personne;M.;Paul;BON;;paul.bon@example.nc;;;;;;;',
      'Personne;M.;Paul;MAUVAIS;;pas-une-adresse;;;;;;;',
      'Personne;Mme;Anne;TEL;;;12;;;;;;',
      'Personne;Mme;Anne;CP;;;;3 rue X;9880;Nouméa;;;',
      'Personne;Mme;Anne;;;;;;;;;;',
      'Organisme;;;;;;;;;;;;',
      'Personne;Mme;Anne;QUARTIER;;;;;;;Vallon-Dore;;',
      'Personne;Sire;Anne;CIVILITE;;;;;;;;;',
      'Personne;Mme;Anne;CONSENT;;;;;;;;peut-être;',
      'Personne;Mme;Anne;DATE;;;;;;;;oui;31/02/2026',
      'Robot;;;R2D2;;;;;;;;;',
      'Personne;M.;Paul;BON;;paul.bon@example.nc;;;;;;;',
      'Organisme;;;;Association des pêcheurs;contact@peche.example;;;;;;;',
      'Association;;;;Comité de quartier;;;;;;;;',
      // A spreadsheet's blank trailing lines are not rows.
      ';;;;;;;;;;;;',
      ' ; ;;;;;;;;;;;',
    ].join('\n');
    const before = await counts();
    const res = await upload(cookies.chief_of_staff, { format: 'csv' }, csv(text));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 14, created: 3, updated: 0, unchanged: 0, skipped: 11 });
    expect(res.json().errors).toEqual([
      { row: 3, field: 'email', message: 'Adresse e-mail invalide : « pas-une-adresse ».' },
      { row: 4, field: 'phone', message: 'Numéro de téléphone invalide : « 12 ».' },
      { row: 5, field: 'postcode', message: 'Code postal invalide : « 9880 » (5 chiffres).' },
      { row: 6, field: 'lastName', message: 'Le nom de famille est obligatoire.' },
      { row: 7, field: 'name', message: 'Le nom de l’organisme est obligatoire.' },
      // Another organisation's neighbourhood is not matched.
      { row: 8, field: 'territory', message: 'Quartier inconnu : « Vallon-Dore ».' },
      { row: 9, field: 'civility', message: expect.stringContaining('Civilité inconnue') },
      { row: 10, field: 'consent', message: expect.stringContaining('Consentement illisible') },
      { row: 11, field: 'consentDate', message: expect.stringContaining('Date invalide') },
      { row: 12, field: 'kind', message: expect.stringContaining('Type de contact inconnu') },
      { row: 13, message: 'Même contact que la ligne 2 : ligne ignorée.' },
    ]);
    expect((await counts())?.contacts).toBe((before?.contacts ?? 0) + 3);
    const [association] = await contactByName('Association des pêcheurs');
    expect(association).toMatchObject({ kind: 'organisation', name: 'Association des pêcheurs', employer: null });
    const [committee] = await contactByName('Comité de quartier');
    expect(committee).toMatchObject({ kind: 'organisation', org_type: 'association' });
    const foreign = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select count(*)::int as n from contacts where territory_id = ${otherTerritory}`,
    );
    expect(foreign[0]?.n).toBe(0);
  });

  it('dry run: counts everything and writes nothing', async () => {
    const before = await counts();
    const text = 'Nom;Prénom;Courriel\nDRY;Run;dry.run@example.nc\nDRY;Two;dry.two@example.nc\n';
    const res = await upload(cookies.executive, { format: 'csv', dryRun: 'true' }, csv(text));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, rows: 2, created: 2, skipped: 0 });
    expect(await counts()).toEqual(before);
  });

  it('answers 400 problem+json naming the field, and writes nothing, for bad input', async () => {
    const before = await counts();
    const file = csv('Nom;Prénom\nDUPONT;Julie\n');
    const bad = [
      { res: await upload(cookies.executive, { format: 'csv' }), path: 'file' },
      { res: await upload(cookies.executive, { format: 'ods' }, file), path: 'format' },
      { res: await upload(cookies.executive, { format: 'csv', mapping: '{not json' }, file), path: 'mapping' },
      {
        res: await upload(cookies.executive, { format: 'csv', mapping: JSON.stringify({ Nom: 'surname' }) }, file),
        path: 'mapping',
      },
      {
        res: await upload(
          cookies.executive,
          { format: 'csv', mapping: JSON.stringify({ Nom: 'lastName', Courriel: 'email' }) },
          file,
        ),
        path: 'mapping',
      },
      {
        res: await upload(cookies.executive, { format: 'csv', mapping: JSON.stringify({ Prénom: 'firstName' }) }, file),
        path: 'mapping',
      },
      { res: await upload(cookies.executive, { format: 'csv', delimiter: ':' }, file), path: 'delimiter' },
      { res: await upload(cookies.executive, { format: 'csv' }, csv('')), path: 'file' },
    ];
    for (const { res, path } of bad) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(paths(res)).toContain(path);
    }
    expect(bad[4]?.res.json().errors[0].message).toBe('Colonne absente du fichier : « Courriel ».');
    expect(await counts()).toEqual(before);
  });

  it('is refused to roles that may not import (403), and without a session (401)', async () => {
    const before = await counts();
    for (const role of ['advisor', 'communication', 'official', 'services', 'admin', 'group_staff'] as TRole[]) {
      const res = await upload(cookies[role], { format: 'csv' }, csv(FRENCH_CSV));
      expect(res.statusCode, role).toBe(403);
      const seen = await preview(cookies[role], { format: 'csv' }, csv(FRENCH_CSV));
      expect(seen.statusCode, role).toBe(403);
    }
    expect((await upload(undefined, { format: 'csv' }, csv(FRENCH_CSV))).statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('keeps each organisation’s imports to itself: the same file makes the other organisation its own contacts', async () => {
    const cookie = await signIn(t.app, other.users.chief_of_staff);
    const res = await upload(cookie, { format: 'csv' }, csv(FRENCH_CSV));
    // Boulari is not a neighbourhood of the other organisation.
    expect(res.json()).toMatchObject({ created: 2, updated: 0, unchanged: 0, skipped: 1 });
    expect(res.json().errors).toEqual([{ row: 2, field: 'territory', message: 'Quartier inconnu : « boulari ».' }]);
    const mine = await as(t.app, cookies.executive).get('/api/v1/contacts?q=gomes');
    expect(mine.json().data).toHaveLength(1);
  });
});

describe('a big CSV import (past the deferred GIN threshold)', () => {
  const NAME_INDEXES = ['contacts_name_key_trgm_idx', 'search_document_idx', 'search_title_trgm_idx'];
  const fastupdate = async () => {
    const rows = await queryRows<{ name: string; options: string[] | null }>(
      t.app.ctx.db,
      sql`select relname as name, reloptions as options from pg_class where relname in (${sql.join(
        NAME_INDEXES.map((n) => sql`${n}`),
        sql`, `,
      )}) order by relname`,
    );
    return rows.map((r) => `${r.name}:${(r.options ?? []).join(',')}`);
  };
  const bigFile = () => {
    const lines = ['Nom;Prénom;Courriel'];
    for (let i = 0; i < DEFERRED_GIN_MIN_ROWS + 1_000; i++) {
      lines.push(
        i === 4_321
          ? 'KALOÏ-TÉSTÉ;Wassissi;w.kaloi@example.nc'
          : `DUPONT${i};Personne${i % 50};personne.${i}@example.nc`,
      );
    }
    return csv(lines.join('\n'));
  };

  it('dry run: rolls back the index options with everything else', async () => {
    const before = { options: await fastupdate(), counts: await counts() };
    const res = await upload(cookies.executive, { format: 'csv', dryRun: 'true' }, bigFile());
    expect(res.json()).toMatchObject({ dryRun: true, created: DEFERRED_GIN_MIN_ROWS + 1_000, skipped: 0 });
    expect({ options: await fastupdate(), counts: await counts() }).toEqual(before);
  }, 120_000);

  it('leaves the name indexes as they were and the imported contacts found by both searches', async () => {
    const options = await fastupdate();
    const res = await upload(cookies.executive, { format: 'csv' }, bigFile());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: DEFERRED_GIN_MIN_ROWS + 1_000, skipped: 0, errors: [] });
    expect(await fastupdate()).toEqual(options);

    const list = await as(t.app, cookies.advisor).get('/api/v1/contacts?q=kaloi-teste');
    expect(list.json().data.map((c: { displayName: string }) => c.displayName)).toEqual(['Wassissi KALOÏ-TÉSTÉ']);
    const search = await as(t.app, cookies.advisor).get('/api/v1/search?q=kaloï');
    const titles = (search.json().groups as { kind: string; hits: { title: string }[] }[])
      .filter((g) => g.kind === 'contact')
      .flatMap((g) => g.hits.map((h) => h.title));
    expect(titles).toContain('Wassissi KALOÏ-TÉSTÉ');
    // The pending lists were merged before commit: the GIN indexes hold the entries themselves.
    const pending = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select coalesce(sum(gin_clean_pending_list(c.oid::regclass)), 0)::int as n from pg_class c where c.relname in (${sql.join(
        NAME_INDEXES.map((n) => sql`${n}`),
        sql`, `,
      )})`,
    );
    expect(pending[0]?.n).toBe(0);
  }, 120_000);

  it('finds a batch’s stored contacts by one identity probe per key, not by reading the organisation’s identities', async () => {
    const sample = await queryRows<{ source: string; key: string }>(
      t.app.ctx.db,
      sql`select source, key from contact_identities where org_id = ${org.orgId} and source = 'csv' order by key limit 50`,
    );
    expect(sample).toHaveLength(50);
    const statement = storedByIdentityStatement(
      org.orgId,
      'csv',
      sample.map((s) => s.key),
    );
    const found = await queryRows<{ key: string }>(t.app.ctx.db, statement);
    expect(found.map((f) => f.key).sort()).toEqual(sample.map((s) => s.key));
    // The organisation of the test, and one the statistics know nothing of (an import's new
    // organisation: the planner then thinks it has one contact, and looped over them per key).
    for (const orgId of [org.orgId, newId()]) {
      const explained = storedByIdentityStatement(
        orgId,
        'csv',
        sample.map((s) => s.key),
      );
      const plan = await queryRows<{ 'QUERY PLAN': string }>(t.app.ctx.db, sql`explain analyze ${explained}`);
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      // Each key is in the index condition, each contact read by its primary key: two probes a
      // key, whatever the organisation's size.
      expect(text).toMatch(/Index (Only )?Scan using contact_identities_uq[^\n]*\n\s*Index Cond: \([^\n]*key = k\.key/);
      expect(text).toMatch(/Index Scan using contacts_pkey[^\n]*\n\s*Index Cond: \(id = i\.contact_id\)/);
      expect(text).not.toMatch(/Filter: \(key = ANY/);
      expect(text).not.toMatch(/Seq Scan on contact|contacts_org/);
    }
  }, 60_000);
});

describe('POST /api/v1/imports format=vcard', () => {
  it('imports vCard 3.0 (quoted-printable Latin-1, folded lines, escapes, types) and reports a bad card', async () => {
    const res = await upload(cookies.chief_of_staff, { format: 'vcard' }, vcf(VCARD_3));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'vcard', rows: 3, created: 2, skipped: 1 });
    expect(res.json().errors).toEqual([
      { row: 24, field: 'EMAIL', message: 'Adresse e-mail invalide : « pas-une-adresse ».' },
    ]);
    const [nina] = await contactByName('Nina JULIÉ');
    expect(nina).toMatchObject({
      civility: 'Mme',
      employer: 'Mairie du Mont-Dore — Cabinet',
      job_title: 'Maire',
      emails: [{ email: 'nina.julie@mont-dore.example', label: 'Travail' }],
      phones: [
        { number: '+687781234', label: 'Portable' },
        { number: '+687261234', label: 'Travail' },
      ],
      addresses: [
        {
          label: 'Travail',
          line1: '1 rue de la Baie',
          line2: 'Bâtiment A',
          postcode: '98809',
          city: 'Mont-Dore',
          country: 'Nouvelle-Calédonie',
        },
      ],
      notes: 'Rencontrée au forum des associations de Boulari',
      tags: ['presse', 'élus'],
      source: 'Import vCard',
    });
    const [jean] = await contactByName('Jean, dit « Jeannot » Dupont');
    expect(jean).toMatchObject({
      civility: 'M.',
      notes: 'Première ligne\nDeuxième ligne; avec un point-virgule et une très longue phrase repliée',
      emails: [{ email: 'jean.dupont@example.nc' }],
    });
    const again = await upload(cookies.chief_of_staff, { format: 'vcard' }, vcf(VCARD_3));
    expect(again.json()).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 2, skipped: 1 });
  });

  it('imports vCard 4.0: KIND:org as an organisation, tel: URIs, UID as the natural key', async () => {
    const before = await counts();
    const res = await upload(cookies.chief_of_staff, { format: 'vcard' }, vcf(VCARD_4));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, created: 2, skipped: 0, errors: [] });
    const [fishers] = await contactByName('Association des pêcheurs de Plum');
    expect(fishers).toMatchObject({
      kind: 'organisation',
      name: 'Association des pêcheurs de Plum',
      phones: [{ number: '+687261234', label: 'Travail' }],
      tags: ['associatif', 'pêche'],
    });
    const identity = await queryRows<{ key: string }>(
      t.app.ctx.db,
      sql`select key from contact_identities where source = 'vcard' and contact_id = ${String(fishers?.id)}`,
    );
    expect(identity).toEqual([{ key: 'id:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1' }]);
    const [roch] = await contactByName('Roch Wamytan');
    expect(roch).toMatchObject({ kind: 'person', phones: [{ number: '+687781235', label: 'Portable' }] });
    // Renamed in the address book, same UID: the same contact, updated.
    const renamed = Buffer.from(
      VCARD_4.toString('utf8').replaceAll('Association des pêcheurs de Plum', 'Pêcheurs de Plum'),
    );
    const again = await upload(cookies.chief_of_staff, { format: 'vcard' }, vcf(renamed));
    expect(again.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await counts())?.contacts).toBe((before?.contacts ?? 0) + 2);
  });

  it('dry run writes nothing', async () => {
    const before = await counts();
    const res = await upload(cookies.executive, { format: 'vcard', dryRun: 'true' }, vcf(VCARD_4));
    expect(res.json()).toMatchObject({ dryRun: true, rows: 2 });
    expect(await counts()).toEqual(before);
  });
});

describe('POST /api/v1/imports/preview', () => {
  it('CSV: columns, the first rows, the separator and the mapping suggested from French headers', async () => {
    const before = await counts();
    const res = await preview(cookies.secretariat, { format: 'csv' }, csv(FRENCH_CSV));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ format: 'csv', rows: 3, delimiter: ';' });
    expect(body.columns[0]).toBe('Civilité');
    expect(body.sample).toHaveLength(3);
    expect(body.sample[1][9]).toBe('98800');
    expect(body.suggestedMapping).toEqual({
      Civilité: 'civility',
      Prénom: 'firstName',
      Nom: 'lastName',
      Organisme: 'employer',
      Fonction: 'jobTitle',
      Courriel: 'email',
      Téléphone: 'phone',
      Portable: 'phone2',
      Adresse: 'addressLine1',
      'Code postal': 'postcode',
      Ville: 'city',
      Quartier: 'territory',
      Étiquettes: 'tags',
      Consentement: 'consent',
    });
    const english = await preview(
      cookies.secretariat,
      { format: 'csv' },
      csv('Name\tE-mail\tMobile\tPostcode\tCompany\nACME\ta@acme.example\t781234\t98800\tACME\n'),
    );
    expect(english.json()).toMatchObject({
      delimiter: '\t',
      suggestedMapping: { Name: null, 'E-mail': 'email', Mobile: 'phone', Postcode: 'postcode', Company: 'employer' },
    });
    expect(await counts()).toEqual(before);
  });

  it('vCard: the card properties as columns, one row per card', async () => {
    const res = await preview(cookies.secretariat, { format: 'vcard' }, vcf(VCARD_3));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ format: 'vcard', rows: 3, delimiter: null, suggestedMapping: {} });
    expect(body.columns).toEqual(['N', 'FN', 'ORG', 'TITLE', 'EMAIL', 'TEL', 'ADR', 'NOTE', 'CATEGORIES', 'UID']);
    expect(body.sample[0][body.columns.indexOf('TEL')]).toBe('78.12.34 | +687 26 12 34');
  });

  it('RNE: the number of the organisation’s own officials', async () => {
    const res = await preview(cookies.secretariat, { format: 'rne' }, { name: 'rne.csv', content: RNE });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'rne', rows: 526, ownOfficials: 1, delimiter: ';' });
    expect(res.json().sample).toHaveLength(20);
  });

  it('answers 400 for a missing file, an unknown format or field, and a file that is not what it says', async () => {
    const bad = [
      { res: await preview(cookies.executive, { format: 'csv' }), path: 'file' },
      { res: await preview(cookies.executive, { format: 'xls' }, csv(FRENCH_CSV)), path: 'format' },
      { res: await preview(cookies.executive, { format: 'csv', mapping: '{}' }, csv(FRENCH_CSV)), path: 'mapping' },
      { res: await preview(cookies.executive, { format: 'vcard' }, csv(FRENCH_CSV)), path: 'file' },
      { res: await preview(cookies.executive, { format: 'rne' }, csv(FRENCH_CSV)), path: 'file' },
    ];
    for (const { res, path } of bad) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(paths(res)).toContain(path);
    }
  });
});
