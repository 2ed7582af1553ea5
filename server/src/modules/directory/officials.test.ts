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

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
let otherCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
});
afterAll(() => t.close());

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

async function person(lastName: string, firstName = 'Marie', cookie = cookies.chief_of_staff): Promise<string> {
  const res = await as(t.app, cookie).post('/api/v1/contacts', { kind: 'person', firstName, lastName });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function auditActions(recordId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    t.app.ctx.db,
    sql`select action from audit_log where record_id = ${recordId} order by at, id`,
  );
  return rows.map((r) => r.action);
}

const mayor = {
  function: 'maire',
  body: 'conseil_municipal',
  bodyName: 'Conseil municipal du Mont-Dore',
  collectivityCode: '98817',
  startDate: '2026-03-22',
};

let majorityId: string;
let oppositionId: string;

describe('officials', () => {
  it('are declared, read, listed with filters, changed and removed, audited and searchable', async () => {
    const contactId = await person('Tavernier', 'Agnès');
    const created = await api('chief_of_staff').post('/api/v1/officials', {
      contactId,
      userId: org.users.official.id,
      mandates: [mayor],
      portfolios: ['Finances', 'Sécurité'],
      politicalGroup: { name: 'Ensemble pour le Mont-Dore', side: 'majority' },
    });
    expect(created.statusCode, created.body).toBe(201);
    majorityId = created.json().id;
    expect(created.json()).toMatchObject({
      contactId,
      userId: org.users.official.id,
      displayName: 'Agnès Tavernier',
      portfolios: ['Finances', 'Sécurité'],
      politicalGroup: { name: 'Ensemble pour le Mont-Dore', side: 'majority' },
      mandates: [{ function: 'maire', rank: null, isOwnOrganisation: true, source: 'manual', endDate: null }],
      policies: { read: true, update: true, delete: true },
    });

    const opp = await api('executive').post('/api/v1/officials', {
      contactId: await person('Opposant', 'Jean'),
      mandates: [
        { function: 'conseiller_municipal', body: 'conseil_municipal', startDate: '2020-03-15', endDate: '2026-03-15' },
      ],
      politicalGroup: { name: 'Le Mont-Dore autrement', side: 'opposition' },
    });
    expect(opp.statusCode, opp.body).toBe(201);
    oppositionId = opp.json().id;

    const adj = await api('cabinet_head').post('/api/v1/officials', {
      contactId: await person('Adjointe', 'Léa'),
      mandates: [{ function: 'adjoint', rank: 1, body: 'conseil_municipal', startDate: '2026-03-22' }],
      politicalGroup: { name: 'ENSEMBLE POUR LE MONT-DORE', side: 'majority' },
    });
    expect(adj.statusCode, adj.body).toBe(201);
    expect(adj.json().politicalGroup.id).toBe(created.json().politicalGroup.id);

    const names = async (query: string) =>
      ((await api('advisor').get(`/api/v1/officials${query}`)).json().data as { displayName: string }[]).map(
        (o) => o.displayName,
      );
    // The council's order (contact-filters.test.ts): the mayor, the deputy, then ended mandates.
    expect(await names('')).toEqual(['Agnès Tavernier', 'Léa Adjointe', 'Jean Opposant']);
    expect(await names('?group=ensemble%20pour%20le%20mont-dore')).toEqual(['Agnès Tavernier', 'Léa Adjointe']);
    expect(await names('?function=adjoint')).toEqual(['Léa Adjointe']);
    expect(await names('?active=true')).toEqual(['Agnès Tavernier', 'Léa Adjointe']);
    expect(await names('?active=false')).toEqual(['Jean Opposant']);

    const page1 = await api('advisor').get('/api/v1/officials?limit=2');
    expect(page1.json().data).toHaveLength(2);
    const page2 = await api('advisor').get(`/api/v1/officials?limit=2&cursor=${page1.json().nextCursor}`);
    expect(page2.json()).toMatchObject({ data: [{ displayName: 'Jean Opposant' }], nextCursor: null });

    const patched = await api('chief_of_staff').patch(`/api/v1/officials/${majorityId}`, {
      portfolios: ['Finances'],
      mandates: [
        mayor,
        { function: 'president', body: 'other', bodyName: 'CCAS du Mont-Dore', startDate: '2026-04-01' },
      ],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().portfolios).toEqual(['Finances']);
    expect(patched.json().mandates.map((m: { function: string }) => m.function)).toEqual(['maire', 'president']);

    const search = await api('services').get('/api/v1/search?q=tavernier');
    const groups = search.json().groups as { kind: string; hits: { recordId: string; title: string }[] }[];
    expect(groups.find((g) => g.kind === 'official')?.hits.map((h) => h.recordId)).toEqual([majorityId]);

    const removed = await api('chief_of_staff').delete(`/api/v1/officials/${adj.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect((await api('advisor').get(`/api/v1/officials/${adj.json().id}`)).statusCode).toBe(404);
    // The contact keeps its mandate, no longer the organisation's own.
    const kept = await queryRows<{ own: boolean; official_id: string | null }>(
      t.app.ctx.db,
      sql`select is_own_organisation as own, official_id from mandates where contact_id = ${adj.json().contactId}`,
    );
    expect(kept).toEqual([{ own: false, official_id: null }]);
    expect(await auditActions(majorityId)).toEqual(['official.create', 'official.update']);
    expect(await auditActions(adj.json().id)).toEqual(['official.create', 'official.delete']);
  });

  it('shows political affiliation to cabinet roles only, never to officials or services (nor in the audit)', async () => {
    for (const role of ['executive', 'advisor', 'secretariat', 'communication'] as TRole[]) {
      const res = await api(role).get(`/api/v1/officials/${majorityId}`);
      expect(res.json().politicalGroup?.name, role).toBe('Ensemble pour le Mont-Dore');
    }
    for (const role of ['official', 'services'] as TRole[]) {
      const one = await api(role).get(`/api/v1/officials/${majorityId}`);
      expect(one.statusCode).toBe(200);
      expect(one.json().politicalGroup, role).toBeNull();
      const list = await api(role).get('/api/v1/officials');
      expect(list.json().data.every((o: { politicalGroup: unknown }) => o.politicalGroup === null)).toBe(true);
      // Filtering by group would reveal who belongs to it.
      expect((await api(role).get('/api/v1/officials?group=Le%20Mont-Dore%20autrement')).json().data).toEqual([]);
    }
    const summaries = await queryRows<{ s: string }>(
      t.app.ctx.db,
      sql`select summary::text as s from audit_log where record_type = 'official'`,
    );
    expect(summaries.some((r) => r.s.includes('Mont-Dore autrement') || r.s.includes('Ensemble pour'))).toBe(false);
  });

  it('lets a group’s staff see their own group’s officials only; the admin sees none', async () => {
    expect((await api('group_staff').get('/api/v1/officials')).json().data).toEqual([]);
    await t.app.ctx.db.execute(
      sql`update political_groups set staff = array[${org.users.group_staff.id}]::uuid[] where org_id = ${org.orgId} and name = 'Le Mont-Dore autrement'`,
    );
    const list = await api('group_staff').get('/api/v1/officials');
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toMatchObject([
      { id: oppositionId, politicalGroup: { name: 'Le Mont-Dore autrement', side: 'opposition' } },
    ]);
    expect((await api('group_staff').get(`/api/v1/officials/${oppositionId}`)).statusCode).toBe(200);
    expect((await api('group_staff').get(`/api/v1/officials/${majorityId}`)).statusCode).toBe(404);
    expect(
      (await api('group_staff').get('/api/v1/officials?group=Ensemble%20pour%20le%20Mont-Dore')).json().data,
    ).toEqual([]);
    expect((await api('admin').get('/api/v1/officials')).statusCode).toBe(403);
  });

  it('answers 403 to roles that may not write, and 404 for another organisation’s official', async () => {
    const before = await countRows(t.app, 'officials');
    const contactId = await person('Refusé');
    for (const role of ['advisor', 'secretariat', 'official', 'services', 'admin', 'group_staff'] as TRole[]) {
      expect((await api(role).post('/api/v1/officials', { contactId })).statusCode, role).toBe(403);
      expect((await api(role).patch(`/api/v1/officials/${majorityId}`, { portfolios: [] })).statusCode, role).toBe(
        role === 'group_staff' ? 404 : 403,
      );
      expect((await api(role).delete(`/api/v1/officials/${majorityId}`)).statusCode, role).toBe(
        role === 'group_staff' ? 404 : 403,
      );
    }
    const theirs = as(t.app, otherCookie);
    expect((await theirs.get(`/api/v1/officials/${majorityId}`)).statusCode).toBe(404);
    expect((await theirs.patch(`/api/v1/officials/${majorityId}`, { portfolios: [] })).statusCode).toBe(404);
    expect((await theirs.delete(`/api/v1/officials/${majorityId}`)).statusCode).toBe(404);
    expect((await theirs.get('/api/v1/officials')).json().data).toEqual([]);
    // Nor can another organisation make one of our contacts its official.
    const cross = await theirs.post('/api/v1/officials', { contactId });
    expect(cross.statusCode).toBe(400);
    expect(paths(cross)).toEqual(['contactId']);
    expect(await countRows(t.app, 'officials')).toBe(before);
  });

  it('answers 400 naming the field for bad input on every route, and writes nothing', async () => {
    const before = await countRows(t.app, 'officials');
    const audit = await countRows(t.app, 'audit_log');
    const organisation = await api('chief_of_staff').post('/api/v1/contacts', {
      kind: 'organisation',
      name: 'Préfecture',
    });
    const contactId = await person('Valide');
    const cases: [string, () => Promise<{ statusCode: number; json(): { errors?: { path: string }[] } }>, string][] = [
      ['missing contact', () => api('executive').post('/api/v1/officials', {}), 'contactId'],
      ['bad uuid', () => api('executive').post('/api/v1/officials', { contactId: 'x' }), 'contactId'],
      ['unknown contact', () => api('executive').post('/api/v1/officials', { contactId: majorityId }), 'contactId'],
      [
        'organisation contact',
        () => api('executive').post('/api/v1/officials', { contactId: organisation.json().id }),
        'contactId',
      ],
      [
        'unknown function',
        () =>
          api('executive').post('/api/v1/officials', {
            contactId,
            mandates: [{ function: 'roi', body: 'conseil_municipal' }],
          }),
        'mandates.0.function',
      ],
      [
        'end before start',
        () =>
          api('executive').post('/api/v1/officials', {
            contactId,
            mandates: [{ ...mayor, endDate: '2020-01-01' }],
          }),
        'mandates.0.endDate',
      ],
      [
        'bad side',
        () => api('executive').post('/api/v1/officials', { contactId, politicalGroup: { name: 'X', side: 'centre' } }),
        'politicalGroup.side',
      ],
      [
        'user of another organisation',
        () => api('executive').post('/api/v1/officials', { contactId, userId: other.users.chief_of_staff.id }),
        'userId',
      ],
      ['unknown field', () => api('executive').post('/api/v1/officials', { contactId, party: 'X' }), 'party'],
      ['empty patch', () => api('executive').patch(`/api/v1/officials/${majorityId}`, {}), ''],
      ['patch contact', () => api('executive').patch(`/api/v1/officials/${majorityId}`, { contactId }), 'contactId'],
      ['bad id', () => api('executive').get('/api/v1/officials/nope'), 'id'],
      ['bad function filter', () => api('executive').get('/api/v1/officials?function=roi'), 'function'],
      ['bad active filter', () => api('executive').get('/api/v1/officials?active=maybe'), 'active'],
      ['bad cursor', () => api('executive').get('/api/v1/officials?cursor=abc'), 'cursor'],
    ];
    for (const [label, call, path] of cases) {
      const res = await call();
      expect(res.statusCode, label).toBe(400);
      if (path) expect(paths(res), label).toContain(path);
    }
    const dup = await api('executive').post('/api/v1/officials', {
      contactId: (await api('executive').get(`/api/v1/officials/${majorityId}`)).json().contactId,
    });
    expect(dup.statusCode).toBe(409);
    expect(paths(dup)).toEqual(['contactId']);
    expect(await countRows(t.app, 'officials')).toBe(before);
    // The two contacts made for this test are the only writes.
    expect(await countRows(t.app, 'audit_log')).toBe(audit + 2);
  });
});
