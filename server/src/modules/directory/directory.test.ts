import { ROLES, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countRows,
  createTestApp,
  createTestOrg,
  signIn,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app';
import { queryRows } from '../../platform/db/client';
import { contactNames } from './contact-names';
import { contacts } from './directory.schema';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'advisor']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
});
afterAll(() => t.close());

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

async function auditActions(recordId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    t.app.ctx.db,
    sql`select action from audit_log where record_id = ${recordId} order by at, id`,
  );
  return rows.map((r) => r.action);
}

async function searchKinds(role: TRole, q: string, cookie = cookies[role]): Promise<Record<string, string[]>> {
  const res = await as(t.app, cookie).get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);
  expect(res.statusCode).toBe(200);
  const out: Record<string, string[]> = {};
  for (const g of res.json().groups as { kind: string; hits: { recordId: string }[] }[]) {
    out[g.kind] = g.hits.map((h) => h.recordId);
  }
  return out;
}

const person = (over: Record<string, unknown> = {}) => ({
  kind: 'person',
  civility: 'Mme',
  firstName: 'Julie',
  lastName: 'Dupont',
  ...over,
});

describe('territories', () => {
  it('are created, listed, renamed and deleted by the cabinet heads, and audited', async () => {
    const created = await api('cabinet_head').post('/api/v1/territories', { name: 'Boulari', code: 'Q01' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ name: 'Boulari', code: 'Q01', policies: { update: true, delete: true } });

    const list = await api('advisor').get('/api/v1/territories');
    expect(list.statusCode).toBe(200);
    expect(list.json().data.find((x: { id: string }) => x.id === id).policies).toEqual({
      update: false,
      delete: false,
    });

    const renamed = await api('admin').patch(`/api/v1/territories/${id}`, { name: 'Boulari centre' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('Boulari centre');

    const dup = await api('cabinet_head').post('/api/v1/territories', { name: 'BOULARI CENTRE' });
    expect(dup.statusCode).toBe(409);
    expect(paths(dup)).toEqual(['name']);

    expect((await api('chief_of_staff').delete(`/api/v1/territories/${id}`)).statusCode).toBe(204);
    expect((await api('chief_of_staff').delete(`/api/v1/territories/${id}`)).statusCode).toBe(404);
    expect(await auditActions(id)).toEqual(['territory.create', 'territory.update', 'territory.delete']);
  });

  it('reject bad input with the field paths and write nothing', async () => {
    const before = [await countRows(t.app, 'territories'), await countRows(t.app, 'audit_log')];
    const bad = await api('cabinet_head').post('/api/v1/territories', { name: '', colour: 'red' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(paths(bad)).toEqual(expect.arrayContaining(['name', 'colour']));
    const badPatch = await api('cabinet_head').patch('/api/v1/territories/not-a-uuid', { name: 'x' });
    expect(badPatch.statusCode).toBe(400);
    expect(paths(badPatch)).toContain('id');
    const emptyPatch = await api('cabinet_head').patch(`/api/v1/territories/${org.orgId}`, {});
    expect(emptyPatch.statusCode).toBe(400);
    expect((await api('cabinet_head').delete('/api/v1/territories/42')).statusCode).toBe(400);
    expect((await api('cabinet_head').get('/api/v1/territories?limit=0')).statusCode).toBe(400);
    expect([await countRows(t.app, 'territories'), await countRows(t.app, 'audit_log')]).toEqual(before);
  });

  it('are kept by the heads and the admin only; another organisation’s answer 404', async () => {
    expect((await api('advisor').post('/api/v1/territories', { name: 'Plum' })).statusCode).toBe(403);
    expect((await api('group_staff').post('/api/v1/territories', { name: 'Plum' })).statusCode).toBe(403);
    const otherCookie = await signIn(t.app, other.users.chief_of_staff);
    const theirs = await as(t.app, otherCookie).post('/api/v1/territories', { name: 'Robinson' });
    expect(theirs.statusCode).toBe(201);
    const id = theirs.json().id;
    expect((await api('chief_of_staff').patch(`/api/v1/territories/${id}`, { name: 'Pris' })).statusCode).toBe(404);
    expect((await api('chief_of_staff').delete(`/api/v1/territories/${id}`)).statusCode).toBe(404);
    const mine = (await api('chief_of_staff').get('/api/v1/territories?limit=200')).json().data;
    expect(mine.map((x: { id: string }) => x.id)).not.toContain(id);
  });
});

describe('services', () => {
  it('keep the topics they handle, a normalised phone, and feed the search', async () => {
    const created = await api('chief_of_staff').post('/api/v1/services', {
      name: 'Services techniques',
      headName: 'Gilles Ouvrard',
      email: 'ST@Mairie.example',
      phone: '43.21.09',
      topics: ['voirie', 'éclairage public'],
    });
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({
      email: 'st@mairie.example',
      phone: '+687432109',
      topics: ['voirie', 'éclairage public'],
    });
    expect((await searchKinds('advisor', 'eclairage')).service).toContain(s.id);

    const patched = await api('chief_of_staff').patch(`/api/v1/services/${s.id}`, { topics: ['voirie', 'déchets'] });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().topics).toEqual(['voirie', 'déchets']);
    expect((await api('services').get('/api/v1/services')).json().data.map((x: { id: string }) => x.id)).toContain(
      s.id,
    );

    expect((await api('chief_of_staff').delete(`/api/v1/services/${s.id}`)).statusCode).toBe(204);
    expect((await searchKinds('advisor', 'voirie')).service ?? []).not.toContain(s.id);
    expect(await auditActions(s.id)).toEqual(['service.create', 'service.update', 'service.delete']);
  });

  it('reject bad input (email, phone, unknown field) and write nothing', async () => {
    const before = [await countRows(t.app, 'services'), await countRows(t.app, 'audit_log')];
    const bad = await api('chief_of_staff').post('/api/v1/services', { name: 'Finances', email: 'pas-un-email', x: 1 });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['email', 'x']));
    const badPhone = await api('chief_of_staff').post('/api/v1/services', {
      name: 'Finances',
      phone: '12345',
    });
    expect(badPhone.statusCode).toBe(400);
    expect(paths(badPhone)).toEqual(['phone']);
    expect((await api('chief_of_staff').patch(`/api/v1/services/${org.orgId}`, { topics: 'voirie' })).statusCode).toBe(
      400,
    );
    expect((await api('chief_of_staff').delete('/api/v1/services/nope')).statusCode).toBe(400);
    expect((await api('chief_of_staff').get('/api/v1/services?cursor=%25%25')).statusCode).toBe(400);
    expect([await countRows(t.app, 'services'), await countRows(t.app, 'audit_log')]).toEqual(before);
  });

  it('refuse changes to roles that do not keep reference lists', async () => {
    expect((await api('services').post('/api/v1/services', { name: 'Culture' })).statusCode).toBe(403);
    expect((await api('official').delete(`/api/v1/services/${org.orgId}`)).statusCode).toBe(403);
  });
});

describe('contacts', () => {
  it('are created with several addresses, emails and phones (NC and French formats), read, updated, deleted', async () => {
    const territory = (await api('cabinet_head').post('/api/v1/territories', { name: 'Yahoué' })).json();
    const created = await api('secretariat').post('/api/v1/contacts', {
      ...person({ firstName: 'Claire', lastName: 'Wamytan' }),
      formOfAddress: 'Madame la Présidente',
      jobTitle: 'Présidente',
      employer: 'Association des parents d’élèves',
      addresses: [
        { label: 'Domicile', line1: '12 rue des Flamboyants', postcode: '98809', city: 'Mont-Dore' },
        { label: 'Travail', line1: '1 avenue Foch', postcode: '75008', city: 'Paris', country: 'France' },
      ],
      emails: [{ label: 'Perso', email: 'Claire.W@Example.nc' }],
      phones: [
        { label: 'Fixe', number: '+687 43.21.09' },
        { label: 'Mobile NC', number: '78 12 34' },
        { label: 'Mobile métropole', number: '06 12 34 56 78' },
      ],
      territoryId: territory.id,
      tags: ['association'],
      source: 'permanence',
      consent: true,
    });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      displayName: 'Claire Wamytan',
      sortName: 'wamytan claire',
      emails: [{ label: 'Perso', email: 'claire.w@example.nc' }],
      phones: [{ number: '+687432109' }, { number: '+687781234' }, { number: '+33612345678' }],
      territoryId: territory.id,
      consent: true,
      confidentiality: 'normal',
      policies: { read: true, update: true, delete: false },
    });
    expect(c.consentDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const read = await api('official').get(`/api/v1/contacts/${c.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().policies).toEqual({ read: true, update: false, delete: false });

    const patched = await api('advisor').patch(`/api/v1/contacts/${c.id}`, { lastName: 'Wamytan-Poédi', tags: [] });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ displayName: 'Claire Wamytan-Poédi', tags: [] });
    const [update] = await queryRows<{ summary: { before: Record<string, unknown>; after: Record<string, unknown> } }>(
      t.app.ctx.db,
      sql`select summary from audit_log where record_id = ${c.id} and action = 'contact.update'`,
    );
    expect(update?.summary.before).toMatchObject({ lastName: 'Wamytan', tags: ['association'] });
    expect(update?.summary.after).toMatchObject({ lastName: 'Wamytan-Poédi', displayName: 'Claire Wamytan-Poédi' });

    const org2 = await api('advisor').post('/api/v1/contacts', {
      kind: 'organisation',
      name: 'Radio Lagon',
      orgType: 'media',
    });
    expect(org2.statusCode).toBe(201);
    const filtered = await api('advisor').get(`/api/v1/contacts?kind=organisation&limit=200`);
    expect(filtered.json().data.map((x: { id: string }) => x.id)).toEqual([org2.json().id]);
    const byTerritory = await api('advisor').get(`/api/v1/contacts?territoryId=${territory.id}`);
    expect(byTerritory.json().data.map((x: { id: string }) => x.id)).toEqual([c.id]);

    expect((await api('advisor').delete(`/api/v1/contacts/${c.id}`)).statusCode).toBe(403);
    expect((await api('chief_of_staff').delete(`/api/v1/contacts/${c.id}`)).statusCode).toBe(204);
    expect((await api('chief_of_staff').get(`/api/v1/contacts/${c.id}`)).statusCode).toBe(404);
    expect((await api('chief_of_staff').delete(`/api/v1/contacts/${c.id}`)).statusCode).toBe(404);
    const list = await api('chief_of_staff').get('/api/v1/contacts?limit=200');
    expect(list.json().data.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await searchKinds('chief_of_staff', 'Wamytan')).contact ?? []).not.toContain(c.id);
    expect(await auditActions(c.id)).toEqual(['contact.create', 'contact.update', 'contact.delete']);
  });

  it('reject bad input on every route with the field paths, and write nothing', async () => {
    const existing = (await api('advisor').post('/api/v1/contacts', person({ lastName: 'Existant' }))).json();
    const before = [
      await countRows(t.app, 'contacts'),
      await countRows(t.app, 'audit_log'),
      await countRows(t.app, 'search_index'),
    ];
    const bad = await api('advisor').post('/api/v1/contacts', {
      kind: 'person',
      firstName: 'Sans',
      addresses: [{ line1: '1 rue', postcode: '9880', city: 'Mont-Dore' }],
      emails: [{ email: 'pas-un-email' }],
      civility: 'Dr',
      confidentiality: 'secret',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(paths(bad)).toEqual(
      expect.arrayContaining(['addresses.0.postcode', 'emails.0.email', 'civility', 'confidentiality']),
    );
    expect(bad.json().errors.find((e: { path: string }) => e.path === 'addresses.0.postcode').message).toMatch(
      /5 chiffres/,
    );
    const noName = await api('advisor').post('/api/v1/contacts', { kind: 'organisation', orgType: 'company' });
    expect(noName.statusCode).toBe(400);
    expect(paths(noName)).toEqual(['name']);
    const badPhone = await api('advisor').post('/api/v1/contacts', {
      ...person(),
      phones: [{ number: '28.12.34' }, { number: '+687 1' }],
    });
    expect(badPhone.statusCode).toBe(400);
    expect(paths(badPhone)).toEqual(['phones.1.number']);
    const unknownTerritory = await api('advisor').post('/api/v1/contacts', { ...person(), territoryId: org.orgId });
    expect(unknownTerritory.statusCode).toBe(400);
    expect(paths(unknownTerritory)).toEqual(['territoryId']);

    const badPatch = await api('advisor').patch(`/api/v1/contacts/${existing.id}`, { kind: 'organisation' });
    expect(badPatch.statusCode).toBe(400);
    expect(paths(badPatch)).toEqual(['name']);
    const badPatch2 = await api('advisor').patch(`/api/v1/contacts/${existing.id}`, { emails: [{ email: '@' }] });
    expect(paths(badPatch2)).toEqual(['emails.0.email']);
    expect((await api('advisor').patch(`/api/v1/contacts/${existing.id}`, {})).statusCode).toBe(400);

    const badList = await api('advisor').get('/api/v1/contacts?kind=robot&limit=500&territoryId=x');
    expect(badList.statusCode).toBe(400);
    expect(paths(badList)).toEqual(expect.arrayContaining(['kind', 'limit', 'territoryId']));
    const badCursor = await api('advisor').get(
      `/api/v1/contacts?cursor=${Buffer.from('{"s":"a","id":"x"}').toString('base64url')}`,
    );
    expect(badCursor.statusCode).toBe(400);
    expect(paths(badCursor)).toEqual(['cursor']);
    expect(paths(await api('advisor').get('/api/v1/contacts/123'))).toEqual(['id']);
    expect((await api('chief_of_staff').delete('/api/v1/contacts/123')).statusCode).toBe(400);

    expect([
      await countRows(t.app, 'contacts'),
      await countRows(t.app, 'audit_log'),
      await countRows(t.app, 'search_index'),
    ]).toEqual(before);
    expect((await api('advisor').get(`/api/v1/contacts/${existing.id}`)).json().lastName).toBe('Existant');
  });

  it('are never shown to the admin nor to a group’s staff (403), and only cabinet roles write', async () => {
    for (const role of ['admin', 'group_staff'] as const) {
      expect((await api(role).get('/api/v1/contacts')).statusCode).toBe(403);
      expect((await api(role).get(`/api/v1/contacts/${org.orgId}`)).statusCode).toBe(
        role === 'group_staff' ? 404 : 403,
      );
      expect((await api(role).post('/api/v1/contacts', person())).statusCode).toBe(403);
    }
    for (const role of ['official', 'services'] as const) {
      expect((await api(role).get('/api/v1/contacts')).statusCode).toBe(200);
      expect((await api(role).post('/api/v1/contacts', person())).statusCode).toBe(403);
    }
    expect((await searchKinds('group_staff', 'Dupont')).contact).toBeUndefined();
  });

  it('keep a confidential contact from an advisor who is not named (404, never listed nor found), and audit its reads', async () => {
    const created = await api('chief_of_staff').post('/api/v1/contacts', {
      ...person({ firstName: 'Odile', lastName: 'Sarramea' }),
      confidentiality: 'confidential',
      members: [org.users.secretariat.id],
      notes: 'Médiation en cours.',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;

    expect((await api('advisor').get(`/api/v1/contacts/${id}`)).statusCode).toBe(404);
    expect((await api('advisor').patch(`/api/v1/contacts/${id}`, { notes: 'vu' })).statusCode).toBe(404);
    expect((await api('cabinet_head').delete(`/api/v1/contacts/${id}`)).statusCode).toBe(404);
    const advisorList = await api('advisor').get('/api/v1/contacts?limit=200&q=Sarramea');
    expect(advisorList.json().data).toEqual([]);
    expect((await searchKinds('advisor', 'Sarramea')).contact).toBeUndefined();
    expect((await api('official').get(`/api/v1/contacts/${id}`)).statusCode).toBe(404);

    const readsBefore = (await auditActions(id)).filter((a) => a === 'contact.read').length;
    expect((await api('executive').get(`/api/v1/contacts/${id}`)).statusCode).toBe(200);
    const named = await api('secretariat').get(`/api/v1/contacts/${id}`);
    expect(named.statusCode).toBe(200);
    expect(named.json().notes).toBe('Médiation en cours.');
    expect((await searchKinds('secretariat', 'Sarramea')).contact).toEqual([id]);
    expect((await api('secretariat').get('/api/v1/contacts?q=sarramea')).json().data).toHaveLength(1);
    const reads = (await auditActions(id)).filter((a) => a === 'contact.read').length;
    expect(reads - readsBefore).toBe(2);
    // The advisor's refused attempts wrote nothing.
    const readers = await queryRows<{ actor_id: string }>(
      t.app.ctx.db,
      sql`select actor_id from audit_log where record_id = ${id} and action = 'contact.read'`,
    );
    expect(readers.map((r) => r.actor_id).sort()).toEqual([org.users.executive.id, org.users.secretariat.id].sort());
  });

  it('lets the secretariat who files a confidential contact keep sight of it, and not the advisor', async () => {
    const created = await api('secretariat').post('/api/v1/contacts', {
      ...person({ firstName: 'Rémi', lastName: 'Confié' }),
      confidentiality: 'confidential',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().members).toEqual([org.users.secretariat.id]);
    expect((await api('secretariat').get(`/api/v1/contacts/${created.json().id}`)).statusCode).toBe(200);
    expect((await api('advisor').get(`/api/v1/contacts/${created.json().id}`)).statusCode).toBe(404);
  });

  it('never cross organisations: another organisation’s contact is 404 and never listed', async () => {
    const otherCookie = await signIn(t.app, other.users.advisor);
    const theirs = await as(t.app, otherCookie).post('/api/v1/contacts', person({ lastName: 'Étrangère' }));
    expect(theirs.statusCode).toBe(201);
    const id = theirs.json().id;
    expect((await api('executive').get(`/api/v1/contacts/${id}`)).statusCode).toBe(404);
    expect((await api('chief_of_staff').patch(`/api/v1/contacts/${id}`, { notes: 'x' })).statusCode).toBe(404);
    expect((await api('chief_of_staff').delete(`/api/v1/contacts/${id}`)).statusCode).toBe(404);
    const ids = (await api('executive').get('/api/v1/contacts?limit=200&q=etrangere')).json().data;
    expect(ids).toEqual([]);
    expect((await searchKinds('executive', 'Étrangère')).contact).toBeUndefined();
    // Nor may a contact be filed under another organisation's territory.
    const theirTerritory = await as(t.app, await signIn(t.app, other.users.chief_of_staff)).post(
      '/api/v1/territories',
      { name: 'Ailleurs' },
    );
    const filed = await api('advisor').post('/api/v1/contacts', { ...person(), territoryId: theirTerritory.json().id });
    expect(filed.statusCode).toBe(400);
  });

  it('find a name whatever its accents, case or a typo', async () => {
    const nina = (
      await api('advisor').post('/api/v1/contacts', person({ firstName: 'Nina', lastName: 'JULIÉ' }))
    ).json();
    const dupont = (
      await api('advisor').post('/api/v1/contacts', person({ firstName: 'Marc', lastName: 'Dupont' }))
    ).json();
    for (const q of ['julie', 'Julié', 'JULIE', 'nina julie']) {
      const ids = (await api('advisor').get(`/api/v1/contacts?q=${encodeURIComponent(q)}`))
        .json()
        .data.map((x: { id: string }) => x.id);
      expect(ids, q).toContain(nina.id);
      expect((await searchKinds('advisor', q)).contact, q).toContain(nina.id);
    }
    const typo = (await api('advisor').get('/api/v1/contacts?q=Dupond')).json().data.map((x: { id: string }) => x.id);
    expect(typo).toContain(dupont.id);
    expect(typo).not.toContain(nina.id);
    expect((await searchKinds('advisor', 'Dupond')).contact).toContain(dupont.id);
    const tagged = await api('advisor').post('/api/v1/contacts', person({ lastName: 'Tagué', tags: ['presse'] }));
    const byTag = (await api('advisor').get('/api/v1/contacts?tag=presse'))
      .json()
      .data.map((x: { id: string }) => x.id);
    expect(byTag).toEqual([tagged.json().id]);
  });
});

describe('contact pagination', () => {
  it('pages 120 contacts by 25 in name order, never duplicating nor skipping', async () => {
    const paged = await createTestOrg(t.app, ['advisor']);
    const names = ['Martin', 'Dupont', 'Émile', 'Zola', 'Bernard', 'Nguyen'];
    // Several people share a name: the id breaks the tie.
    await t.app.ctx.db.insert(contacts).values(
      Array.from({ length: 120 }, (_, i) => {
        const n = { kind: 'person' as const, firstName: `P${i % 7}`, lastName: names[i % names.length] as string };
        return { orgId: paged.orgId, ...n, ...contactNames(n) };
      }),
    );
    const cookie = await signIn(t.app, paged.users.advisor);
    const seen: { id: string; sortName: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/contacts?limit=25${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await as(t.app, cookie).get(url);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { data: { id: string; sortName: string }[]; nextCursor: string | null };
      seen.push(...body.data);
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(120);
    expect(new Set(seen.map((s) => s.id)).size).toBe(120);
    const keys = seen.map((s) => [s.sortName, s.id] as const);
    const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
    expect(keys).toEqual(sorted);
  });
});
