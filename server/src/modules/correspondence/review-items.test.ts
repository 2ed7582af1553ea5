import { ROLES, type TRole } from '@dircab/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';
import { encodeCursor } from '../../platform/http/cursor';
import { createItemTypes } from './commands/create-item-types';

// Review items: one paging helper (pageById) for saved views and both kinds of templates, and
// the item types list carrying what the caller may do.

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  await createItemTypes(t.app.ctx.db, org.orgId);
});
afterAll(() => t.close());

/** Every page of a list, following nextCursor, one row at a time. */
async function walk(role: TRole, path: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await api(role).get(`${path}?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    ids.push(...res.json().data.map((x: { id: string }) => x.id));
    cursor = res.json().nextCursor;
  } while (cursor);
  return ids;
}

describe('lists paged by id', () => {
  const lists = [
    {
      path: '/api/v1/correspondence/views',
      role: 'secretariat' as TRole,
      body: (i: number) => ({ name: `Vue ${i}`, filters: { channel: 'phone' } }),
    },
    {
      path: '/api/v1/correspondence/reply-templates',
      role: 'cabinet_head' as TRole,
      body: (i: number) => ({ name: `Modèle ${i}`, subject: 'Objet', bodyHtml: '<p>Madame, Monsieur,</p>' }),
    },
    {
      path: '/api/v1/correspondence/ack-templates',
      role: 'chief_of_staff' as TRole,
      body: (i: number) => ({ name: `Accusé ${i}`, subject: 'Accusé', bodyHtml: '<p>Bien reçu.</p>' }),
    },
  ];

  for (const list of lists) {
    it(`${list.path}: every row once, in creation order, one page at a time; a bad cursor is a 400 on cursor`, async () => {
      const created: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await api(list.role).post(list.path, list.body(i));
        expect(res.statusCode, res.body).toBe(201);
        created.push(res.json().id);
      }
      const ids = await walk(list.role, list.path);
      // The ack templates list starts with the organisation's default one, made on first read.
      expect(ids.filter((id) => created.includes(id))).toEqual(created);
      expect(new Set(ids).size).toBe(ids.length);
      for (const cursor of ['nope', encodeCursor({ id: 'not-a-uuid' }), encodeCursor({ other: 'x' })]) {
        const bad = await api(list.role).get(`${list.path}?cursor=${cursor}`);
        expect(bad.statusCode, cursor).toBe(400);
        expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['cursor']);
      }
      // Another organisation pages through its own rows only.
      const theirs = await as(t.app, otherCookie).get(`${list.path}?limit=200`);
      if (theirs.statusCode === 200) {
        expect(
          theirs
            .json()
            .data.map((x: { id: string }) => x.id)
            .filter((id: string) => created.includes(id)),
        ).toEqual([]);
      }
    });
  }
});

describe('the item types list carries its policies', () => {
  it('gives the managers update and delete on each type and create on the list; the others none', async () => {
    const heads = await api('chief_of_staff').get('/api/v1/correspondence/types');
    expect(heads.statusCode).toBe(200);
    expect(heads.json().data.length).toBeGreaterThan(0);
    expect(heads.json().policies).toEqual({ create: true });
    for (const type of heads.json().data) expect(type.policies).toEqual({ update: true, delete: true });

    const secretariat = await api('secretariat').get('/api/v1/correspondence/types');
    expect(secretariat.json().policies).toEqual({ create: false });
    for (const type of secretariat.json().data) expect(type.policies).toEqual({ update: false, delete: false });

    // The list is the organisation's own; a bad page size is refused.
    const elsewhere = await as(t.app, otherCookie).get('/api/v1/correspondence/types');
    const mine = new Set(heads.json().data.map((x: { id: string }) => x.id));
    expect(elsewhere.json().data.filter((x: { id: string }) => mine.has(x.id))).toEqual([]);
    expect((await api('chief_of_staff').get('/api/v1/correspondence/types?limit=0')).statusCode).toBe(400);
    expect((await api('group_staff').get('/api/v1/correspondence/types')).statusCode).toBe(403);
  });
});
