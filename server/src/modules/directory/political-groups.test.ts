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
let theirs: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'group_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  theirs = as(t.app, await signIn(t.app, other.users.chief_of_staff));
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

let majorityId: string;
let oppositionId: string;

describe('political groups', () => {
  it('are created, listed, renamed, staffed and deleted, audited', async () => {
    const created = await api('chief_of_staff').post('/api/v1/political-groups', {
      name: 'Unis pour la commune',
      side: 'majority',
    });
    expect(created.statusCode, created.body).toBe(201);
    majorityId = created.json().id;
    expect(created.json()).toMatchObject({
      name: 'Unis pour la commune',
      side: 'majority',
      staff: [],
      officialCount: 0,
      policies: { read: true, update: true, delete: true },
    });
    const opp = await api('executive').post('/api/v1/political-groups', { name: 'Autrement', side: 'opposition' });
    expect(opp.statusCode, opp.body).toBe(201);
    oppositionId = opp.json().id;

    const patched = await api('cabinet_head').patch(`/api/v1/political-groups/${oppositionId}`, {
      name: 'La commune autrement',
      staff: [org.users.group_staff.id],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'La commune autrement', staff: [org.users.group_staff.id] });

    const list = await api('advisor').get('/api/v1/political-groups');
    expect(list.statusCode).toBe(200);
    expect(list.json().data.map((g: { name: string }) => g.name)).toEqual([
      'La commune autrement',
      'Unis pour la commune',
    ]);
    expect(list.json().data[0].policies).toMatchObject({ read: true, update: false, delete: false });

    // An official joining by name lands in the same group, and the count follows.
    const contact = await api('chief_of_staff').post('/api/v1/contacts', {
      kind: 'person',
      firstName: 'Jean',
      lastName: 'Opposant',
    });
    const official = await api('chief_of_staff').post('/api/v1/officials', {
      contactId: contact.json().id,
      politicalGroup: { name: 'la commune autrement', side: 'opposition' },
    });
    expect(official.json().politicalGroup.id).toBe(oppositionId);

    const temp = await api('executive').post('/api/v1/political-groups', { name: 'Éphémère', side: 'opposition' });
    expect((await api('executive').delete(`/api/v1/political-groups/${temp.json().id}`)).statusCode).toBe(204);
    expect(await auditActions(temp.json().id)).toEqual(['political_group.create', 'political_group.delete']);
    expect(await auditActions(oppositionId)).toEqual(['political_group.create', 'political_group.update']);
  });

  it('refuses to delete a group while officials belong to it (409), and deletes nothing', async () => {
    const before = await countRows(t.app, 'political_groups');
    const res = await api('chief_of_staff').delete(`/api/v1/political-groups/${oppositionId}`);
    expect(res.statusCode).toBe(409);
    expect(await countRows(t.app, 'political_groups')).toBe(before);
    const list = (await api('chief_of_staff').get('/api/v1/political-groups')).json().data;
    expect(list.find((g: { id: string }) => g.id === oppositionId).officialCount).toBe(1);
  });

  it('lets a group’s staff list only their own group; roles outside the cabinet get 403', async () => {
    const own = await api('group_staff').get('/api/v1/political-groups');
    expect(own.statusCode).toBe(200);
    expect(own.json().data.map((g: { id: string }) => g.id)).toEqual([oppositionId]);
    expect(own.json().data[0].policies).toMatchObject({ read: true, update: false, delete: false });
    for (const role of ['official', 'services', 'admin'] as TRole[]) {
      expect((await api(role).get('/api/v1/political-groups')).statusCode, role).toBe(403);
    }
  });

  it('answers 403 to roles that may not write, and 404 for another organisation’s group', async () => {
    const groups = await countRows(t.app, 'political_groups');
    const audit = await countRows(t.app, 'audit_log');
    for (const role of [
      'advisor',
      'secretariat',
      'communication',
      'official',
      'services',
      'admin',
      'group_staff',
    ] as TRole[]) {
      expect((await api(role).post('/api/v1/political-groups', { name: 'X', side: 'majority' })).statusCode, role).toBe(
        403,
      );
      // Group staff are refused a record's route with 404 (refusalStatus), the others with 403.
      const refused = role === 'group_staff' ? 404 : 403;
      expect((await api(role).patch(`/api/v1/political-groups/${majorityId}`, { name: 'Y' })).statusCode, role).toBe(
        refused,
      );
      expect((await api(role).delete(`/api/v1/political-groups/${majorityId}`)).statusCode, role).toBe(refused);
    }
    expect((await theirs.patch(`/api/v1/political-groups/${majorityId}`, { name: 'Pris' })).statusCode).toBe(404);
    expect((await theirs.delete(`/api/v1/political-groups/${majorityId}`)).statusCode).toBe(404);
    expect((await theirs.get('/api/v1/political-groups')).json().data).toEqual([]);
    expect(await countRows(t.app, 'political_groups')).toBe(groups);
    expect(await countRows(t.app, 'audit_log')).toBe(audit);
  });

  it('answers 400 naming the field for bad input on every route, and writes nothing', async () => {
    const groups = await countRows(t.app, 'political_groups');
    const audit = await countRows(t.app, 'audit_log');
    const url = `/api/v1/political-groups/${majorityId}`;
    const cases: [string, () => Promise<{ statusCode: number; json(): { errors?: { path: string }[] } }>, string][] = [
      ['missing name', () => api('executive').post('/api/v1/political-groups', { side: 'majority' }), 'name'],
      ['blank name', () => api('executive').post('/api/v1/political-groups', { name: ' ', side: 'majority' }), 'name'],
      ['bad side', () => api('executive').post('/api/v1/political-groups', { name: 'X', side: 'centre' }), 'side'],
      [
        'unknown field',
        () => api('executive').post('/api/v1/political-groups', { name: 'X', side: 'majority', staff: [] }),
        'staff',
      ],
      ['empty patch', () => api('executive').patch(url, {}), ''],
      ['bad side patch', () => api('executive').patch(url, { side: 'centre' }), 'side'],
      ['bad staff id', () => api('executive').patch(url, { staff: ['x'] }), 'staff.0'],
      [
        'staff not group_staff',
        () => api('executive').patch(url, { staff: [org.users.group_staff.id, org.users.advisor.id] }),
        'staff.1',
      ],
      [
        'staff of another organisation',
        () => api('executive').patch(url, { staff: [other.users.group_staff.id] }),
        'staff.0',
      ],
      ['bad id', () => api('executive').patch('/api/v1/political-groups/nope', { name: 'X' }), 'id'],
      ['bad id on delete', () => api('executive').delete('/api/v1/political-groups/nope'), 'id'],
    ];
    for (const [label, call, path] of cases) {
      const res = await call();
      expect(res.statusCode, label).toBe(400);
      if (path) expect(paths(res), label).toContain(path);
    }
    const notStaff = await api('executive').patch(url, { staff: [org.users.advisor.id] });
    expect(paths(notStaff)).toEqual(['staff.0']);
    const dup = await api('executive').post('/api/v1/political-groups', {
      name: 'UNIS POUR LA COMMUNE',
      side: 'majority',
    });
    expect(dup.statusCode).toBe(409);
    expect(paths(dup)).toEqual(['name']);
    const rename = await api('executive').patch(`/api/v1/political-groups/${oppositionId}`, {
      name: 'unis pour la commune',
    });
    expect(rename.statusCode).toBe(409);
    expect(await countRows(t.app, 'political_groups')).toBe(groups);
    expect(await countRows(t.app, 'audit_log')).toBe(audit);
    const majority = (await api('executive').get('/api/v1/political-groups')).json().data;
    expect(majority.find((g: { id: string }) => g.id === majorityId).staff).toEqual([]);
  });

  it('refuses a disabled group_staff member as staff', async () => {
    await t.app.ctx.db.execute(
      sql`update memberships set active = false where user_id = ${org.users.group_staff.id} and org_id = ${org.orgId}`,
    );
    try {
      const res = await api('executive').patch(`/api/v1/political-groups/${majorityId}`, {
        staff: [org.users.group_staff.id],
      });
      expect(res.statusCode).toBe(400);
      expect(paths(res)).toEqual(['staff.0']);
    } finally {
      await t.app.ctx.db.execute(
        sql`update memberships set active = true where user_id = ${org.users.group_staff.id} and org_id = ${org.orgId}`,
      );
    }
  });
});
