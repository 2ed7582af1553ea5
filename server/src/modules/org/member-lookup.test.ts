import { ROLES, type TRole } from '@dircab/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';

// GET /api/v1/members/lookup: choosing a member in the officials screens (issue 3).

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
let heleneId: string;
let disabledId: string;

interface Option {
  userId: string;
  name: string;
  role: TRole;
  jobTitle: string | null;
  active: boolean;
}

async function addMember(name: string, role: TRole, jobTitle?: string) {
  const res = await api('admin').post('/api/v1/members', {
    name,
    email: `${name
      .normalize('NFD')
      .replace(/[^a-z]/gi, '')
      .toLowerCase()}@test.example`,
    role,
    ...(jobTitle ? { jobTitle } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().userId as string;
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['group_staff', 'chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  heleneId = await addMember('Hélène Lagarde', 'group_staff', 'Collaboratrice du groupe');
  await addMember('Hélène Martin', 'advisor');
  disabledId = await addMember('Hélène Partie', 'group_staff');
  const off = await api('admin').patch(`/api/v1/members/${disabledId}`, { active: false });
  expect(off.statusCode, off.body).toBe(200);
});
afterAll(() => t.close());

describe('GET /api/v1/members/lookup', () => {
  it('finds active members by name, accents and case ignored, with only what a picker needs', async () => {
    const res = await api('cabinet_head').get('/api/v1/members/lookup?q=HELENE');
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().data as Option[];
    expect(data.map((m) => m.name)).toEqual(['Hélène Lagarde', 'Hélène Martin']);
    expect(data[0]).toEqual({
      userId: heleneId,
      name: 'Hélène Lagarde',
      role: 'group_staff',
      jobTitle: 'Collaboratrice du groupe',
      active: true,
    });
    // No e-mail, no 2FA state: that is the admin's list.
    expect(res.body).not.toContain('@test.example');
    expect(res.body).not.toContain('twoFactorEnabled');
  });

  it('filters by role, never lists a disabled member, and never another organisation’s', async () => {
    const res = await api('executive').get('/api/v1/members/lookup?role=group_staff&limit=50');
    expect(res.statusCode).toBe(200);
    const ids = (res.json().data as Option[]).map((m) => m.userId);
    expect(ids).toContain(heleneId);
    expect(ids).toContain(org.users.group_staff.id);
    expect(ids).not.toContain(disabledId);
    expect(ids).not.toContain(other.users.group_staff.id);
    expect((res.json().data as Option[]).every((m) => m.role === 'group_staff')).toBe(true);
    // The other organisation's heads see their own members only.
    const theirs = await as(t.app, await signIn(t.app, other.users.chief_of_staff)).get(
      '/api/v1/members/lookup?limit=50',
    );
    expect(theirs.statusCode).toBe(200);
    expect((theirs.json().data as Option[]).map((m) => m.userId).sort()).toEqual(
      [other.users.group_staff.id, other.users.chief_of_staff.id].sort(),
    );
  });

  it('names the members a form already holds (ids), a disabled one flagged, of this organisation only', async () => {
    const ids = [heleneId, disabledId, other.users.group_staff.id].join(',');
    const res = await api('chief_of_staff').get(`/api/v1/members/lookup?ids=${ids}`);
    expect(res.statusCode, res.body).toBe(200);
    const named = (res.json().data as Option[]).map((m) => [m.userId, m.active]);
    expect(named).toEqual([
      [heleneId, true],
      [disabledId, false],
    ]);
  });

  it('never offers a disabled member to a search', async () => {
    const res = await api('chief_of_staff').get('/api/v1/members/lookup?q=partie');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toEqual([]);
  });

  it('pages by name without repeating or losing anyone', async () => {
    const whole = await api('chief_of_staff').get('/api/v1/members/lookup?limit=50');
    const all = (whole.json().data as Option[]).map((m) => m.userId);
    expect(all).toHaveLength(ROLES.length + 2);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api('chief_of_staff').get(`/api/v1/members/lookup?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      paged.push(...(res.json().data as Option[]).map((m) => m.userId));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('treats LIKE wildcards typed by the user as letters', async () => {
    const res = await api('chief_of_staff').get(`/api/v1/members/lookup?q=${encodeURIComponent('%')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual([]);
  });

  it('refuses the roles that do not manage officials and groups (403)', async () => {
    for (const role of ['advisor', 'secretariat', 'official', 'services', 'group_staff', 'admin'] as const) {
      const res = await api(role).get('/api/v1/members/lookup?q=helene');
      expect(res.statusCode, role).toBe(403);
    }
  });

  it('answers 400 problem+json with the field for a bad role, limit or cursor', async () => {
    const badRole = await api('chief_of_staff').get('/api/v1/members/lookup?role=mayor');
    expect(badRole.statusCode).toBe(400);
    expect(badRole.headers['content-type']).toContain('application/problem+json');
    expect(badRole.json().errors.map((e: { path: string }) => e.path)).toContain('role');
    const badLimit = await api('chief_of_staff').get('/api/v1/members/lookup?limit=500');
    expect(badLimit.json().errors.map((e: { path: string }) => e.path)).toContain('limit');
    const badIds = await api('chief_of_staff').get('/api/v1/members/lookup?ids=1,2');
    expect(badIds.statusCode).toBe(400);
    expect(badIds.json().errors.map((e: { path: string }) => e.path)).toContain('ids');
    const forged = Buffer.from(JSON.stringify({ name: 'a', id: 'nope' })).toString('base64url');
    const badCursor = await api('chief_of_staff').get(`/api/v1/members/lookup?cursor=${forged}`);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors.map((e: { path: string }) => e.path)).toContain('cursor');
  });
});
