import { ROLES, type TRole } from '@dircab/contracts';
import { hashPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, PASSWORD, signIn, type TestApp, type TestOrg } from '../../../test/test-app';
import { createMember } from '../org/commands/create-member';

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
  // Two Hélène in the organisation (one written without its accent), one in the other.
  await addMember(org, 'Hélène Wamytan', 'services');
  await addMember(org, 'HELENE Gomès', 'advisor');
  await addMember(org, 'Henri Boula', 'official');
  await addMember(other, 'Hélène Pidjot', 'advisor');
});

const hash = hashPassword(PASSWORD);
async function addMember(to: TestOrg, name: string, role: TRole) {
  const email = `${name
    .normalize('NFD')
    .replace(/[^a-z]/gi, '')
    .toLowerCase()}.${Date.now()}@test.example`;
  const passwordHash = await hash;
  await t.app.ctx.db.transaction((tx) =>
    createMember(tx, null, to.orgId, { name, email, role, password: PASSWORD }, { passwordHash }),
  );
}
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

describe('GET /api/v1/notes/people?q= (the picker searching as one types)', () => {
  const names = async (query: string) => {
    const res = await api('advisor').get(`/api/v1/notes/people?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { data: Option[]; nextCursor: string | null };
  };

  it('finds a name whatever its accents and case, in the organisation only', async () => {
    for (const q of ['helene', 'HÉLÈNE', 'Hélène']) {
      const found = await names(`q=${encodeURIComponent(q)}`);
      expect(found.data.map((o) => o.name).sort(), q).toEqual(['HELENE Gomès', 'Hélène Wamytan']);
    }
    expect((await names('q=gomes')).data.map((o) => o.name)).toEqual(['HELENE Gomès']);
    // « % » is a letter typed, not a wildcard that would list everyone.
    expect((await names('q=%25')).data).toEqual([]);
  });

  it('pages the matches with the cursor, each once', async () => {
    const first = await names('q=he&limit=1');
    expect(first.data).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const seen = [...first.data];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await names(`q=he&limit=1&cursor=${encodeURIComponent(cursor)}`);
      seen.push(...next.data);
      cursor = next.nextCursor;
    }
    const all = (await names('q=he&limit=50')).data;
    expect(seen.map((o) => o.userId)).toEqual(all.map((o) => o.userId));
    expect(all.map((o) => o.name)).toEqual(expect.arrayContaining(['Hélène Wamytan', 'HELENE Gomès', 'Henri Boula']));
    expect(all.map((o) => o.name)).not.toContain('Hélène Pidjot');
  });

  it('answers 400 problem+json naming the field for a bad cursor or a search too long', async () => {
    for (const [query, field] of [
      ['q=he&cursor=pas-un-curseur', 'cursor'],
      [`q=${'h'.repeat(121)}`, 'q'],
    ] as const) {
      const res = await api('advisor').get(`/api/v1/notes/people?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((res.json().errors as { path: string }[]).map((e) => e.path)).toContain(field);
    }
  });

  it('refuses the search to the services and the admin (403), and another organisation finds only its own', async () => {
    expect((await api('services').get('/api/v1/notes/people?q=helene')).statusCode).toBe(403);
    expect((await api('admin').get('/api/v1/notes/people?q=helene')).statusCode).toBe(403);
    const foreign = await as(t.app, await signIn(t.app, other.users.chief_of_staff)).get(
      '/api/v1/notes/people?q=helene',
    );
    expect((foreign.json().data as Option[]).map((o) => o.name)).toEqual(['Hélène Pidjot']);
  });
});
