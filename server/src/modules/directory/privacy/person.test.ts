import { ROLES, type TRole } from '@dircab/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countRows,
  createTestApp,
  createTestOrg,
  signIn,
  type TestApp,
  type TestOrg,
} from '../../../../test/test-app';
import { queryRows } from '../../../platform/db/client';
import { contacts } from '../directory.schema';
import { contactIdentities, mandates } from '../officials.schema';
import { registerPersonalDataSource } from './personal-data-sources';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
const GROUP = 'Union calédonienne du Mont-Dore';

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
});
afterAll(() => t.close());

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

async function createPerson(over: Record<string, unknown> = {}, role: TRole = 'chief_of_staff'): Promise<string> {
  const res = await api(role).post('/api/v1/contacts', {
    kind: 'person',
    civility: 'M.',
    firstName: 'Jean-Marc',
    lastName: 'Kabar',
    emails: [{ email: 'jm.kabar@example.nc' }],
    phones: [{ number: '75 12 34' }],
    tags: ['logement'],
    notes: 'Attend un logement social depuis 2024.',
    ...over,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

async function makeOfficial(contactId: string, endDate: string | null = null) {
  const res = await api('chief_of_staff').post('/api/v1/officials', {
    contactId,
    mandates: [
      {
        function: 'adjoint',
        rank: 2,
        body: 'conseil_municipal',
        startDate: endDate ? '2014-04-01' : '2020-07-01',
        endDate,
      },
    ],
    portfolios: ['Urbanisme'],
    politicalGroup: { name: GROUP, side: 'opposition' },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function auditActions(id: string) {
  const rows = await queryRows<{ action: string; summary: Record<string, unknown> }>(
    t.app.ctx.db,
    sql`select action, summary from audit_log where record_id = ${id} order by id`,
  );
  return rows;
}

describe('export of one person', () => {
  it('gathers the card, mandates, official record, identities, audit history and registered sources; audited', async () => {
    const id = await createPerson();
    await makeOfficial(id);
    await api('advisor').patch(`/api/v1/contacts/${id}`, { jobTitle: 'Enseignant' });
    await t.app.ctx.db
      .insert(contactIdentities)
      .values({ orgId: org.orgId, source: 'rne', key: 'kabar|jean-marc|1971-03-02', contactId: id });
    registerPersonalDataSource({
      key: 'test.letters',
      fetch: async (_db, actor, contactId) => ({ contactId, seenBy: actor.role, letters: 2 }),
    });

    const res = await api('cabinet_head').get(`/api/v1/contacts/${id}/export`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.organisation.id).toBe(org.orgId);
    expect(body.contact).toMatchObject({
      id,
      displayName: 'Jean-Marc Kabar',
      emails: [{ email: 'jm.kabar@example.nc' }],
      notes: 'Attend un logement social depuis 2024.',
      jobTitle: 'Enseignant',
      anonymisedAt: null,
    });
    expect(body.mandates).toEqual([expect.objectContaining({ function: 'adjoint', rank: 2 })]);
    expect(body.official).toMatchObject({
      portfolios: ['Urbanisme'],
      politicalGroup: { name: GROUP, side: 'opposition' },
    });
    expect(body.identities).toEqual([expect.objectContaining({ source: 'rne', key: 'kabar|jean-marc|1971-03-02' })]);
    expect(body.sources).toContainEqual({
      key: 'test.letters',
      data: { contactId: id, seenBy: 'cabinet_head', letters: 2 },
    });
    // Newest first; the export lists its own trace.
    expect(body.audit.map((a: { action: string }) => a.action)).toEqual([
      'contact.export',
      'contact.update',
      'contact.create',
    ]);
    expect(body.auditTruncated).toBe(false);
    // The export itself is audited, without personal data in its summary.
    const trail = await auditActions(id);
    expect(trail.at(-1)).toEqual({ action: 'contact.export', summary: {} });
  });

  it('is for the heads only; a contact the actor may not see, or another organisation’s, is 404', async () => {
    const id = await createPerson({ lastName: 'Secret', confidentiality: 'confidential' }, 'executive');
    for (const role of [
      'advisor',
      'secretariat',
      'communication',
      'official',
      'services',
      'admin',
      'group_staff',
    ] as const) {
      expect((await api(role).get(`/api/v1/contacts/${id}/export`)).statusCode, role).toBe(
        role === 'group_staff' ? 404 : 403,
      );
    }
    // The cabinet head is not named on this confidential contact.
    expect((await api('cabinet_head').get(`/api/v1/contacts/${id}/export`)).statusCode).toBe(404);
    expect((await api('executive').get(`/api/v1/contacts/${id}/export`)).statusCode).toBe(200);
    const theirs = as(t.app, await signIn(t.app, other.users.chief_of_staff));
    const theirId = (await theirs.post('/api/v1/contacts', { kind: 'person', lastName: 'Voisin' })).json().id;
    const before = await countRows(t.app, 'audit_log');
    expect((await api('chief_of_staff').get(`/api/v1/contacts/${theirId}/export`)).statusCode).toBe(404);
    expect((await api('chief_of_staff').get('/api/v1/contacts/pas-un-uuid/export')).statusCode).toBe(400);
    expect(await countRows(t.app, 'audit_log')).toBe(before);
  });
});

describe('erasure on request', () => {
  it('anonymises at once, keeps the reason in the audit, and is idempotent only in effect (409 the second time)', async () => {
    const id = await createPerson({ lastName: 'Effacé', firstName: 'Marc' });
    await t.app.ctx.db
      .insert(contactIdentities)
      .values({ orgId: org.orgId, source: 'csv', key: 'marc-efface', contactId: id });
    const res = await api('chief_of_staff').post(`/api/v1/contacts/${id}/erase`, {
      reason: 'Demande écrite du 20 novembre 2026 (courriel)',
    });
    expect(res.statusCode).toBe(204);
    const [row] = await t.app.ctx.db.select().from(contacts).where(eq(contacts.id, id));
    expect(row).toMatchObject({ displayName: 'Contact anonymisé', emails: [], phones: [], notes: null, tags: [] });
    expect(row?.anonymisedAt).toBeInstanceOf(Date);
    expect(await t.app.ctx.db.select().from(contactIdentities).where(eq(contactIdentities.contactId, id))).toEqual([]);
    expect((await auditActions(id)).at(-1)).toEqual({
      action: 'contact.erase',
      summary: { trigger: 'erasure', category: 'constituent', reason: 'Demande écrite du 20 novembre 2026 (courriel)' },
    });
    const search = await api('chief_of_staff').get('/api/v1/search?q=Effac%C3%A9&limit=50');
    expect(
      search.json().groups.flatMap((g: { hits: { recordId: string }[] }) => g.hits.map((h) => h.recordId)),
    ).not.toContain(id);
    const again = await api('chief_of_staff').post(`/api/v1/contacts/${id}/erase`, { reason: 'Encore' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/déjà anonymisé/);
  });

  it('refuses an official of the organisation during a mandate (409 in French), accepts one whose mandate ended', async () => {
    const inOffice = await createPerson({ lastName: 'En-Fonction' });
    await makeOfficial(inOffice);
    const before = await countRows(t.app, 'audit_log');
    const res = await api('executive').post(`/api/v1/contacts/${inOffice}/erase`, { reason: 'Demande orale' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().detail).toMatch(/élu de l’organisation dont le mandat est en cours/);
    expect(await countRows(t.app, 'audit_log')).toBe(before);
    expect((await t.app.ctx.db.select().from(contacts).where(eq(contacts.id, inOffice)))[0]?.anonymisedAt).toBeNull();

    const former = await createPerson({ lastName: 'Ancien' });
    await makeOfficial(former, '2020-06-30');
    expect(
      (await api('executive').post(`/api/v1/contacts/${former}/erase`, { reason: 'Demande écrite' })).statusCode,
    ).toBe(204);
    expect(await t.app.ctx.db.select().from(mandates).where(eq(mandates.contactId, former))).toEqual([]);
  });

  it('rejects bad input with the field path and writes nothing', async () => {
    const id = await createPerson({ lastName: 'Intact' });
    const before = [await countRows(t.app, 'audit_log'), await countRows(t.app, 'contacts')];
    const noReason = await api('chief_of_staff').post(`/api/v1/contacts/${id}/erase`, {});
    expect(noReason.statusCode).toBe(400);
    expect(paths(noReason)).toEqual(['reason']);
    const short = await api('chief_of_staff').post(`/api/v1/contacts/${id}/erase`, { reason: ' a ', colour: 'red' });
    expect(short.statusCode).toBe(400);
    expect(paths(short)).toEqual(expect.arrayContaining(['reason', 'colour']));
    expect(short.json().errors.find((e: { path: string }) => e.path === 'reason').message).toMatch(/motif/);
    expect((await api('chief_of_staff').post('/api/v1/contacts/42/erase', { reason: 'Demande' })).statusCode).toBe(400);
    expect([await countRows(t.app, 'audit_log'), await countRows(t.app, 'contacts')]).toEqual(before);
    expect((await t.app.ctx.db.select().from(contacts).where(eq(contacts.id, id)))[0]?.lastName).toBe('Intact');
  });

  it('is for the heads only: an advisor gets 403; a contact not visible or another organisation’s is 404', async () => {
    const id = await createPerson({ lastName: 'Protégé' });
    for (const role of [
      'advisor',
      'secretariat',
      'communication',
      'official',
      'services',
      'admin',
      'group_staff',
    ] as const) {
      expect((await api(role).post(`/api/v1/contacts/${id}/erase`, { reason: 'Demande' })).statusCode, role).toBe(
        role === 'group_staff' ? 404 : 403,
      );
    }
    const hidden = await createPerson({ lastName: 'Caché', confidentiality: 'confidential' }, 'chief_of_staff');
    expect((await api('cabinet_head').post(`/api/v1/contacts/${hidden}/erase`, { reason: 'Demande' })).statusCode).toBe(
      404,
    );
    const theirs = as(t.app, await signIn(t.app, other.users.chief_of_staff));
    const theirId = (await theirs.post('/api/v1/contacts', { kind: 'person', lastName: 'Étranger' })).json().id;
    expect((await api('executive').post(`/api/v1/contacts/${theirId}/erase`, { reason: 'Demande' })).statusCode).toBe(
      404,
    );
    const [theirRow] = await t.app.ctx.db.select().from(contacts).where(eq(contacts.id, theirId));
    expect(theirRow?.anonymisedAt).toBeNull();
  });
});

describe('relations, duplicates and merges', () => {
  it('exports the relations and erases them with the match keys and the contacts merged into the person', async () => {
    const person = await createPerson({ lastName: 'Relié', emails: [{ email: 'relie@example.nc' }] });
    const asso = (
      await api('chief_of_staff').post('/api/v1/contacts', { kind: 'organisation', name: 'Comité des fêtes de Plum' })
    ).json().id;
    const relation = await api('chief_of_staff').post(`/api/v1/contacts/${person}/relations`, {
      otherContactId: asso,
      kind: 'chairs',
    });
    expect(relation.statusCode).toBe(201);
    const twin = await createPerson({ lastName: 'Relié', emails: [{ email: 'ancien.relie@example.nc' }] });
    const merge = await api('chief_of_staff').post(`/api/v1/contacts/${person}/merge`, { duplicateId: twin });
    expect(merge.statusCode).toBe(200);

    const exported = (await api('chief_of_staff').get(`/api/v1/contacts/${person}/export`)).json();
    expect(exported.sources).toContainEqual({
      key: 'relations',
      data: [expect.objectContaining({ kind: 'chairs', other: expect.objectContaining({ id: asso }) })],
    });

    expect(
      (await api('chief_of_staff').post(`/api/v1/contacts/${person}/erase`, { reason: 'Demande écrite' })).statusCode,
    ).toBe(204);
    const left = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select (select count(*) from contact_relations where from_contact_id = ${person} or to_contact_id = ${person})::int
           + (select count(*) from contact_match_keys where contact_id in (${person}, ${twin}))::int as n`,
    );
    expect(left[0]?.n).toBe(0);
    const [merged] = await t.app.ctx.db.select().from(contacts).where(eq(contacts.id, twin));
    expect(merged).toMatchObject({ displayName: 'Contact anonymisé', emails: [] });
    expect(merged?.anonymisedAt).toBeInstanceOf(Date);
    // Undoing the merge would bring the person back from the merge's audit: refused.
    const undo = await api('chief_of_staff').post(`/api/v1/contacts/${person}/merges/${merge.json().auditId}/undo`);
    expect(undo.statusCode).toBe(409);
    const [after] = await t.app.ctx.db.select().from(contacts).where(eq(contacts.id, person));
    expect(after).toMatchObject({ displayName: 'Contact anonymisé', emails: [] });
    expect(merged?.mergedIntoId).toBeNull();
    // The association's card is not the person's data: it stays.
    expect((await api('chief_of_staff').get(`/api/v1/contacts/${asso}`)).json().name).toBe('Comité des fêtes de Plum');
  });
});

describe('political affiliation through the contact APIs', () => {
  it('never appears in a contact as read by any role, and only cabinet roles may filter by group', async () => {
    const id = await createPerson({ lastName: 'Groupé' });
    await makeOfficial(id);
    const groups = (await api('chief_of_staff').get('/api/v1/political-groups')).json().data;
    const groupId = groups.find((g: { name: string }) => g.name === GROUP).id;
    for (const role of ['executive', 'advisor', 'official', 'services'] as const) {
      const one = await api(role).get(`/api/v1/contacts/${id}`);
      expect(one.statusCode, role).toBe(200);
      expect(one.body, role).not.toContain(GROUP);
      expect(one.body, role).not.toContain('opposition');
      const list = await api(role).get('/api/v1/contacts?q=Group%C3%A9');
      expect(list.body, role).not.toContain(GROUP);
    }
    for (const role of ['official', 'services'] as const) {
      expect((await api(role).get(`/api/v1/contacts?groupId=${groupId}`)).statusCode, role).toBe(403);
    }
  });
});
