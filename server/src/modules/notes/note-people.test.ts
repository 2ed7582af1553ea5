import { ROLES, type TRole } from '@dircab/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
type Option = { userId: string; name: string; role: TRole };

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
});
afterAll(() => t.close());

describe('GET /api/v1/notes/people (the notes’ people picker)', () => {
  it('gives an adviser the members a note may name, never the admin nor group staff', async () => {
    const res = await api('advisor').get('/api/v1/notes/people?limit=50');
    expect(res.statusCode).toBe(200);
    const roles = (res.json().data as Option[]).map((o) => o.role);
    expect(roles).toEqual(expect.arrayContaining(['executive', 'official', 'services', 'advisor']));
    expect(roles).not.toContain('admin');
    expect(roles).not.toContain('group_staff');
    const executives = (await api('official').get('/api/v1/notes/people?role=executive')).json().data as Option[];
    expect(executives.map((o) => o.userId)).toEqual([org.users.executive.id]);
  });

  it('refuses the services, group staff and the admin (403)', async () => {
    for (const role of ['services', 'group_staff', 'admin'] as const) {
      expect((await api(role).get('/api/v1/notes/people')).statusCode, role).toBe(403);
    }
  });

  it('never names another organisation’s members, even by id', async () => {
    const foreign = other.users.chief_of_staff.id;
    const res = await api('advisor').get(`/api/v1/notes/people?ids=${foreign}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual([]);
  });

  it('answers 400 problem+json with the field for a bad role or limit', async () => {
    for (const query of ['role=mayor', 'limit=0']) {
      const res = await api('advisor').get(`/api/v1/notes/people?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json())).toContain(query.split('=')[0] ?? '');
    }
  });
});
