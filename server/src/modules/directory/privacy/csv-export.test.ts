import { CSV_EXPORT_HEADERS, ROLES, type TRole } from '@dircab/contracts';
import { eq, sql } from 'drizzle-orm';
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
import { contactNames } from '../contact-names';
import { contacts } from '../directory.schema';
import { readCsv } from '../imports/csv';
import { CSV_PAGE } from './queries/stream-contacts-csv';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
const GROUP = 'Rassemblement pour Plum';
let territoryId = '';
let mayorId = '';

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['executive']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  territoryId = (await api('chief_of_staff').post('/api/v1/territories', { name: 'Boulari' })).json().id;
  const mayor = await api('chief_of_staff').post('/api/v1/contacts', {
    kind: 'person',
    civility: 'Mme',
    firstName: 'Nina',
    lastName: 'Julié',
    tags: ['élus'],
  });
  mayorId = mayor.json().id;
  const official = await api('chief_of_staff').post('/api/v1/officials', {
    contactId: mayorId,
    mandates: [{ function: 'maire', body: 'conseil_municipal', startDate: '2020-07-01' }],
    politicalGroup: { name: GROUP, side: 'majority' },
  });
  expect(official.statusCode).toBe(201);
  await api('chief_of_staff').post('/api/v1/contacts', {
    kind: 'person',
    civility: 'M.',
    firstName: 'Éric',
    lastName: 'Gomès',
    emails: [{ email: 'eric.gomes@example.nc' }, { email: 'e.gomes@travail.nc' }],
    phones: [{ number: '28 12 34' }],
    addresses: [{ line1: '3 rue des Flamboyants', line2: 'Bât. B', postcode: '98809', city: 'Mont-Dore' }],
    territoryId,
    tags: ['voirie', 'éclairage'],
    notes: 'A écrit deux fois ; attend « une réponse ».\nRelancer en janvier.',
    source: 'permanence',
    consent: true,
    consentDate: '2026-03-02',
  });
  await api('chief_of_staff').post('/api/v1/contacts', {
    kind: 'organisation',
    name: 'Association Plum Avenir',
    orgType: 'association',
    tags: ['voirie'],
  });
  await api('executive').post('/api/v1/contacts', {
    kind: 'person',
    lastName: 'Confidentielle',
    confidentiality: 'confidential',
  });
  const theirs = as(t.app, await signIn(t.app, other.users.executive));
  await theirs.post('/api/v1/contacts', { kind: 'person', lastName: 'Étrangère', tags: ['voirie'] });
});
afterAll(() => t.close());

async function exportAs(role: TRole, query = '') {
  return api(role).get(`/api/v1/contacts/export.csv${query}`);
}

function parse(body: string): Record<string, string>[] {
  const [header, ...rows] = [...readCsv(body, ';')].map((r) => r.fields);
  return rows.map((fields) => Object.fromEntries((header ?? []).map((h, i) => [h, fields[i] ?? ''])));
}

describe('bulk CSV export', () => {
  it('streams the visible contacts with the import’s columns in French, BOM and `;`, no affiliation even for the mayor', async () => {
    const res = await exportAs('executive');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const firstLine = res.body.slice(1).split('\r\n')[0];
    expect(firstLine).toBe(Object.values(CSV_EXPORT_HEADERS).join(';'));
    const rows = parse(res.body);
    expect(rows.map((r) => r.Nom || r['Nom de l’organisme']).sort()).toEqual([
      'Association Plum Avenir',
      'Confidentielle',
      'Gomès',
      'Julié',
    ]);
    const eric = rows.find((r) => r.Nom === 'Gomès');
    expect(eric).toMatchObject({
      Type: 'personne',
      Civilité: 'M.',
      Prénom: 'Éric',
      Courriel: 'eric.gomes@example.nc',
      'Courriel 2': 'e.gomes@travail.nc',
      Téléphone: '+687281234',
      Adresse: '3 rue des Flamboyants',
      'Complément d’adresse': 'Bât. B',
      'Code postal': '98809',
      Ville: 'Mont-Dore',
      Quartier: 'Boulari',
      Étiquettes: 'voirie, éclairage',
      Notes: 'A écrit deux fois ; attend « une réponse ».\nRelancer en janvier.',
      Source: 'permanence',
      Consentement: 'oui',
      'Date du consentement': '2026-03-02',
    });
    expect(rows.find((r) => r.Nom === 'Julié')?.Identifiant).toBe(mayorId);
    // Affiliation never leaves in a bulk export, whoever asks.
    expect(res.body).not.toContain(GROUP);
    expect(res.body).not.toMatch(/majorit|opposition|groupe/i);
  });

  it('is read back by the CSV import with its suggested mapping, without an error', async () => {
    const file = (await exportAs('executive')).rawPayload;
    const theirs = await signIn(t.app, other.users.executive);
    await as(t.app, theirs).post('/api/v1/territories', { name: 'Boulari' });
    const res = await importCsv(theirs, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 4, created: 4, errors: [] });
    const back = parse((await as(t.app, theirs).get('/api/v1/contacts/export.csv?q=gomes')).body);
    const original = parse((await exportAs('executive', '?q=gomes')).body);
    // Everything but the identifier (a new contact in the other organisation) comes back as it left.
    const { Identifiant: _a, ...left } = original[0] ?? {};
    const { Identifiant: _b, ...returned } = back[0] ?? {};
    expect(returned).toEqual(left);
    expect(left.Type).toBe('personne');
  });

  it('applies the list’s filters and only what the actor may see; audits who, how many rows and which filters', async () => {
    const byTag = parse((await exportAs('cabinet_head', '?tag=voirie')).body);
    expect(byTag.map((r) => r.Nom || r['Nom de l’organisme']).sort()).toEqual(['Association Plum Avenir', 'Gomès']);
    const byKind = parse((await exportAs('cabinet_head', '?kind=organisation')).body);
    expect(byKind.map((r) => r['Nom de l’organisme'])).toEqual(['Association Plum Avenir']);
    const byTerritory = parse((await exportAs('cabinet_head', `?territoryId=${territoryId}`)).body);
    expect(byTerritory.map((r) => r.Nom)).toEqual(['Gomès']);
    const byName = parse((await exportAs('cabinet_head', '?q=gomes')).body);
    expect(byName.map((r) => r.Nom)).toEqual(['Gomès']);
    const byMandate = parse((await exportAs('cabinet_head', '?mandate=maire')).body);
    expect(byMandate.map((r) => r.Nom)).toEqual(['Julié']);
    // The cabinet head is not named on the confidential contact: not in their file.
    const all = parse((await exportAs('cabinet_head')).body);
    expect(all.map((r) => r.Nom)).not.toContain('Confidentielle');
    expect(all).toHaveLength(3);

    const [audit] = await queryRows<{ actor_id: string; summary: Record<string, unknown> }>(
      t.app.ctx.db,
      sql`select actor_id, summary from audit_log where org_id = ${org.orgId} and action = 'contacts.export_csv' order by id desc limit 1`,
    );
    expect(audit).toEqual({
      actor_id: org.users.cabinet_head.id,
      summary: { rows: 3, complete: true, filters: {} },
    });
    const [tagAudit] = await queryRows<{ summary: Record<string, unknown> }>(
      t.app.ctx.db,
      sql`select summary from audit_log where org_id = ${org.orgId} and action = 'contacts.export_csv' and summary->'filters'->>'tag' = 'voirie'`,
    );
    expect(tagAudit?.summary).toEqual({ rows: 2, complete: true, filters: { tag: 'voirie' } });
  });

  it('refuses a filter by political group (affiliation never leaves) and bad filters, writing nothing', async () => {
    const groups = (await api('executive').get('/api/v1/political-groups')).json().data;
    const groupId = groups.find((g: { name: string }) => g.name === GROUP).id;
    const before = await countExports();
    const byGroup = await exportAs('executive', `?groupId=${groupId}`);
    expect(byGroup.statusCode).toBe(400);
    expect(byGroup.headers['content-type']).toMatch(/problem\+json/);
    expect(byGroup.json().errors).toEqual([expect.objectContaining({ path: 'groupId' })]);
    expect(byGroup.json().errors[0].message).toMatch(/groupe politique/);
    const bad = await exportAs('executive', '?kind=robot&colour=red');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['kind', 'colour']));
    // The page belongs to the list, not to an export.
    expect((await exportAs('executive', '?limit=10')).statusCode).toBe(400);
    expect(await countExports()).toBe(before);
  });

  it('is for the heads only: advisors, services, officials and the admin get 403', async () => {
    for (const role of [
      'advisor',
      'secretariat',
      'communication',
      'official',
      'services',
      'admin',
      'group_staff',
    ] as const) {
      expect((await exportAs(role)).statusCode, role).toBe(403);
    }
  });

  it('reads page after page past the keyset page size, and leaves anonymised contacts out', async () => {
    const n = CSV_PAGE + 50;
    const values = Array.from({ length: n }, (_, i) => {
      const names = { kind: 'person' as const, firstName: 'Lot', lastName: `Masse${String(i).padStart(5, '0')}` };
      return { orgId: org.orgId, tags: ['masse'], ...names, ...contactNames(names) };
    });
    await t.app.ctx.db.insert(contacts).values(values);
    await t.app.ctx.db.update(contacts).set({ anonymisedAt: new Date() }).where(eq(contacts.lastName, 'Masse00007'));
    const rows = parse((await exportAs('chief_of_staff', '?tag=masse')).body);
    expect(rows).toHaveLength(n - 1);
    expect(new Set(rows.map((r) => r.Nom)).size).toBe(n - 1);
    expect(rows.map((r) => r.Nom)).not.toContain('Masse00007');
    expect(rows.at(-1)?.Nom).toBe(`Masse${String(n - 1).padStart(5, '0')}`);
  });
});

/** POST /api/v1/imports as a browser's FormData sends it: format=csv and the file. */
function importCsv(cookie: string, content: Buffer) {
  const boundary = '----dircab-privacy-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="format"\r\n\r\ncsv\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="contacts.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { cookie, origin: BASE_URL, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

async function countExports(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.app.ctx.db,
    sql`select count(*)::int as n from audit_log where action = 'contacts.export_csv'`,
  );
  return row?.n ?? 0;
}
