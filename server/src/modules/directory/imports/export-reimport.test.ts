import { ROLES, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../../test/test-app';
import { queryRows } from '../../../platform/db/client';
import { uploadImport } from './upload-for-tests';

// The bulk CSV export read back into the same organisation: its « Identifiant » is the
// contact's UUID, so the import updates those contacts instead of duplicating them; and an
// imported update restarts the retention clock.

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
const importCsv = (content: string | Buffer, cookie = cookies.chief_of_staff) =>
  uploadImport(t.app, cookie, { format: 'csv' }, { name: 'export.csv', content });

async function create(body: Record<string, unknown>, role: TRole = 'chief_of_staff'): Promise<string> {
  const res = await api(role).post('/api/v1/contacts', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function exported(cookie = cookies.chief_of_staff): Promise<string> {
  const res = await as(t.app, cookie).get('/api/v1/contacts/export.csv');
  expect(res.statusCode).toBe(200);
  return res.body;
}

async function orgContacts(orgId = org.orgId) {
  return queryRows<{ id: string; job_title: string | null; last_activity_at: Date; updated_at: Date }>(
    t.app.ctx.db,
    sql`select id::text, job_title, last_activity_at, updated_at from contacts where org_id = ${orgId} order by id`,
  );
}

let tresorier = '';
let gomes = '';

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  tresorier = await create({
    kind: 'person',
    civility: 'Mme',
    firstName: 'Sandrine',
    lastName: 'Wahetra',
    jobTitle: 'Trésorière',
    emails: [{ email: 's.wahetra@example.nc' }],
  });
  gomes = await create({ kind: 'person', firstName: 'Éric', lastName: 'Gomès', tags: ['voirie'] });
  await create({ kind: 'organisation', name: 'Association Plum Avenir', orgType: 'association' });
});
afterAll(() => t.close());

describe('re-importing the CSV export', () => {
  it('export → edit a cell → re-import: that contact is updated, none is created, the others are unchanged', async () => {
    const before = await orgContacts();
    const file = await exported();
    expect(file).toContain(tresorier);
    const edited = file.replace('Trésorière', 'Présidente');
    expect(edited).not.toBe(file);
    const res = await importCsv(edited);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 3, created: 0, updated: 1, unchanged: 2, skipped: 0, errors: [] });
    const after = await orgContacts();
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after.find((c) => c.id === tresorier)?.job_title).toBe('Présidente');
    // Matched by its id: no identity is recorded for it (the id itself finds it next time).
    const [ids] = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select count(*)::int as n from contact_identities where org_id = ${org.orgId}`,
    );
    expect(ids?.n).toBe(0);
    // Its history says the import changed it.
    const [audit] = await queryRows<{ summary: Record<string, unknown> }>(
      t.app.ctx.db,
      sql`select summary from audit_log where record_id = ${tresorier} and action = 'contact.update'`,
    );
    expect(audit?.summary).toMatchObject({ source: 'csv', after: { jobTitle: 'Présidente' } });
    // The same file again: all unchanged.
    expect((await importCsv(edited)).json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('an imported update restarts the retention clock, set-based with the update; an unchanged row does not', async () => {
    await t.app.ctx.db.execute(
      sql`update contacts set last_activity_at = '2021-01-01T00:00:00Z' where org_id = ${org.orgId}`,
    );
    const started = Date.now() - 1_000;
    const file = (await exported()).replace('Présidente', 'Secrétaire');
    expect((await importCsv(file)).json()).toMatchObject({ updated: 1, unchanged: 2 });
    const after = await orgContacts();
    const changed = after.find((c) => c.id === tresorier);
    expect(new Date(changed?.last_activity_at as Date).getTime()).toBeGreaterThanOrEqual(started);
    for (const c of after.filter((x) => x.id !== tresorier)) {
      expect(new Date(c.last_activity_at).toISOString()).toBe('2021-01-01T00:00:00.000Z');
    }
  });

  it('never moves the clock back: a contact active later than the import keeps its date', async () => {
    await t.app.ctx.db.execute(
      sql`update contacts set last_activity_at = '2999-01-01T00:00:00Z' where id = ${tresorier}`,
    );
    const file = (await exported()).replace('Secrétaire', 'Trésorière');
    expect((await importCsv(file)).json()).toMatchObject({ updated: 1 });
    const [row] = (await orgContacts()).filter((c) => c.id === tresorier);
    expect(new Date(row?.last_activity_at as Date).toISOString()).toBe('2999-01-01T00:00:00.000Z');
  });

  it('skips the rows of a contact deleted, anonymised or not visible to the importer since the export, creating nothing', async () => {
    const hidden = await create(
      { kind: 'person', lastName: 'Confidentielle', jobTitle: 'Témoin', confidentiality: 'confidential' },
      'executive',
    );
    const file = await exported(cookies.executive);
    expect(file).toContain(hidden);
    const count = (await orgContacts()).length;
    expect((await api('chief_of_staff').delete(`/api/v1/contacts/${gomes}`)).statusCode).toBe(204);
    const erased = await api('executive').post(`/api/v1/contacts/${tresorier}/erase`, { reason: 'Demande écrite' });
    expect(erased.statusCode, erased.body).toBe(204);
    // The cabinet head is not named on the confidential contact: it is not changed through them.
    const res = await importCsv(
      file.replace('Témoin', 'Témoin principal'),
      await signIn(t.app, org.users.cabinet_head),
    );
    expect(res.json()).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 1, skipped: 3 });
    expect(res.json().errors).toHaveLength(3);
    expect(JSON.stringify(res.json().errors)).not.toMatch(/Wahetra|Gomès|Confidentielle/);
    expect((await orgContacts()).length).toBe(count);
    const [stillHidden] = (await orgContacts()).filter((c) => c.id === hidden);
    expect(stillHidden?.job_title).toBe('Témoin');
  });

  it('another organisation’s identifiers match nothing here: its contacts are untouched and new ones are created', async () => {
    const theirs = await signIn(t.app, other.users.chief_of_staff);
    await as(t.app, theirs).post('/api/v1/contacts', { kind: 'person', lastName: 'Étrangère', jobTitle: 'Avant' });
    const theirFile = await exported(theirs);
    const res = await importCsv(theirFile.replace('Avant', 'Après'));
    expect(res.json()).toMatchObject({ rows: 1, created: 1, updated: 0 });
    const [their] = await orgContacts(other.orgId);
    expect(their?.job_title).toBe('Avant');
  });

  it('a UUID that is no contact at all is kept as the file’s own identifier (created once, then recognised)', async () => {
    const file = 'Identifiant;Nom;Fonction\n0190a1b2-0000-7000-8000-000000000001;Inconnu;Agent';
    expect((await importCsv(file)).json()).toMatchObject({ created: 1 });
    expect((await importCsv(file.replace('Agent', 'Agent chef'))).json()).toMatchObject({ created: 0, updated: 1 });
  });
});
