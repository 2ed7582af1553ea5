import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countRows,
  createTestApp,
  createTestOrg,
  PASSWORD,
  signIn,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let adminCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['admin', 'advisor']);
  adminCookie = await signIn(t.app, org.users.admin);
});
afterAll(() => t.close());

describe('GET /api/v1/me', () => {
  it('returns the user, the current organisation, the role and the modules it may open', async () => {
    const cookie = await signIn(t.app, org.users.chief_of_staff);
    const res = await as(t.app, cookie).get('/api/v1/me');
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.user.email).toBe(org.users.chief_of_staff.email);
    expect(me.organisation.id).toBe(org.orgId);
    expect(me.role).toBe('chief_of_staff');
    expect(me.modules).toContain('audit');
    expect(me.modules).not.toContain('admin');
  });

  it('answers 401 problem+json without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().detail).toMatch(/Connectez-vous/);
  });
});

describe('PATCH /api/v1/me', () => {
  it('keeps the interface language with the account, and rejects an unknown one', async () => {
    const cookie = await signIn(t.app, org.users.secretariat);
    const api = as(t.app, cookie);
    expect((await api.patch('/api/v1/me', { locale: 'en' })).statusCode).toBe(204);
    expect((await api.get('/api/v1/me')).json().user.locale).toBe('en');
    const auditBefore = await countRows(t.app, 'audit_log');
    const bad = await api.patch('/api/v1/me', { locale: 'tlh', theme: 'dark' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['locale', 'theme']));
    expect((await api.get('/api/v1/me')).json().user.locale).toBe('en');
    expect(await countRows(t.app, 'audit_log')).toBe(auditBefore);
  });
});

describe('switching organisation', () => {
  it('lets a member of two organisations switch, and never into one they do not belong to', async () => {
    // The advisor of `org` is also made a member of `other` by its admin.
    const otherAdmin = await signIn(t.app, other.users.admin);
    const created = await as(t.app, otherAdmin).post('/api/v1/members', {
      name: org.users.advisor.name,
      email: org.users.advisor.email,
      role: 'communication',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().temporaryPassword).toBeUndefined(); // existing account keeps its password

    const cookie = await signIn(t.app, org.users.advisor);
    const me = (await as(t.app, cookie).get('/api/v1/me')).json();
    expect(me.memberships).toHaveLength(2);
    expect(me.organisation.id).toBe(org.orgId);

    const sw = await as(t.app, cookie).put('/api/v1/me/organisation', { orgId: other.orgId });
    expect(sw.statusCode).toBe(204);
    const after = (await as(t.app, cookie).get('/api/v1/me')).json();
    expect(after.organisation.id).toBe(other.orgId);
    expect(after.role).toBe('communication');

    const malformed = await as(t.app, cookie).put('/api/v1/me/organisation', { orgId: 'ccas' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('orgId');

    const third = await createTestOrg(t.app, ['admin']);
    const refused = await as(t.app, cookie).put('/api/v1/me/organisation', { orgId: third.orgId });
    expect(refused.statusCode).toBe(404);
  });
});

describe('members administration', () => {
  it('creates a member with a temporary password that signs in, and audits it', async () => {
    const res = await as(t.app, adminCookie).post('/api/v1/members', {
      name: 'Aline Newmember',
      email: 'Aline.Newmember@test.example',
      role: 'secretariat',
      jobTitle: 'Accueil',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.email).toBe('aline.newmember@test.example');
    expect(body.temporaryPassword).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    expect(body.policies).toMatchObject({ update: true, disable: true });
    await signIn(t.app, { email: body.email, password: body.temporaryPassword });

    const audit = await as(t.app, adminCookie).get(`/api/v1/audit?recordType=member&recordId=${body.userId}`);
    const actions = audit.json().data.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['session.sign_in', 'member.create']);
    expect(audit.json().data[1]).toMatchObject({
      actorId: org.users.admin.id,
      summary: { after: { role: 'secretariat' } },
    });
  });

  it('refuses members administration to other roles with 403', async () => {
    for (const role of ['executive', 'chief_of_staff', 'advisor', 'group_staff'] as const) {
      const cookie = await signIn(t.app, org.users[role]);
      expect((await as(t.app, cookie).get('/api/v1/members')).statusCode).toBe(403);
      expect(
        (await as(t.app, cookie).post('/api/v1/members', { name: 'X Y', email: 'x@y.example', role: 'advisor' }))
          .statusCode,
      ).toBe(403);
    }
  });

  it('reads one member with its policies, and answers 404 across organisations', async () => {
    const res = await as(t.app, adminCookie).get(`/api/v1/members/${org.users.advisor.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ userId: org.users.advisor.id, role: 'advisor', policies: { changeRole: true } });
    const self = (await as(t.app, adminCookie).get(`/api/v1/members/${org.users.admin.id}`)).json();
    expect(self.policies).toMatchObject({ changeRole: false, disable: false });
    expect((await as(t.app, adminCookie).get(`/api/v1/members/${other.users.admin.id}`)).statusCode).toBe(404);
    expect((await as(t.app, adminCookie).get('/api/v1/members/42')).statusCode).toBe(400);
  });

  it('lists members page by page with a cursor', async () => {
    const first = (await as(t.app, adminCookie).get('/api/v1/members?limit=4')).json();
    expect(first.data).toHaveLength(4);
    expect(first.total).toBeGreaterThanOrEqual(10);
    expect(first.nextCursor).toBeTruthy();
    const second = (await as(t.app, adminCookie).get(`/api/v1/members?limit=4&cursor=${first.nextCursor}`)).json();
    const ids = new Set([...first.data, ...second.data].map((m: { userId: string }) => m.userId));
    expect(ids.size).toBe(first.data.length + second.data.length);
    const bad = await as(t.app, adminCookie).get('/api/v1/members?cursor=garbage');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('cursor');
  });

  it('changes a role, refuses an admin changing their own, and disables an account', async () => {
    const target = org.users.communication;
    const changed = await as(t.app, adminCookie).patch(`/api/v1/members/${target.id}`, { role: 'advisor' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().role).toBe('advisor');

    const self = await as(t.app, adminCookie).patch(`/api/v1/members/${org.users.admin.id}`, { role: 'advisor' });
    expect(self.statusCode).toBe(403);

    const cookie = await signIn(t.app, target);
    const disabled = await as(t.app, adminCookie).patch(`/api/v1/members/${target.id}`, { active: false });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().active).toBe(false);
    // Their session stops working and they cannot sign in again.
    expect((await as(t.app, cookie).get('/api/v1/me')).statusCode).toBe(401);
    const retry = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: target.email, password: PASSWORD },
    });
    expect(retry.statusCode).toBe(403);
    expect(retry.json().detail).toMatch(/désactivé/);

    const enabled = await as(t.app, adminCookie).patch(`/api/v1/members/${target.id}`, { active: true });
    expect(enabled.json().active).toBe(true);
    await signIn(t.app, target);
  });

  it('answers 404 for a member of another organisation', async () => {
    const res = await as(t.app, adminCookie).patch(`/api/v1/members/${other.users.advisor.id}`, { role: 'executive' });
    expect(res.statusCode).toBe(404);
  });

  it('rejects bad input with problem+json naming the fields, and writes nothing', async () => {
    const before = await countRows(t.app, 'memberships');
    const auditBefore = await countRows(t.app, 'audit_log');
    const api = as(t.app, adminCookie);
    const unknown = await api.post('/api/v1/members', {
      name: 'Jean Test',
      email: 'jean@test.example',
      role: 'advisor',
      isRoot: true,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual(
      expect.objectContaining({ path: 'isRoot', code: 'unrecognized_keys' }),
    );

    const wrong = await api.post('/api/v1/members', { name: 42, email: 'not-an-email', role: 'king' });
    expect(wrong.statusCode).toBe(400);
    const paths = wrong.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'email', 'role']));
    expect(wrong.json().errors.every((e: { message: string }) => /[a-zéèà]/i.test(e.message))).toBe(true);

    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: { cookie: adminCookie, 'content-type': 'application/json' },
      payload: '{"name": "Jean",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/problem\+json/);

    const huge = await api.post('/api/v1/members', {
      name: 'x'.repeat(2 * 1024 * 1024),
      email: 'a@b.example',
      role: 'advisor',
    });
    expect(huge.statusCode).toBe(413);

    const emptyPatch = await api.patch(`/api/v1/members/${org.users.advisor.id}`, {});
    expect(emptyPatch.statusCode).toBe(400);
    const badParam = await api.patch('/api/v1/members/not-a-uuid', { role: 'advisor' });
    expect(badParam.statusCode).toBe(400);
    expect(badParam.json().errors[0].path).toBe('userId');

    expect(await countRows(t.app, 'memberships')).toBe(before);
    expect(await countRows(t.app, 'audit_log')).toBe(auditBefore);
  });

  it('refuses a duplicate member with 409', async () => {
    const res = await as(t.app, adminCookie).post('/api/v1/members', {
      name: 'Dup',
      email: org.users.advisor.email,
      role: 'advisor',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe('email');
  });
});

describe('organisation settings', () => {
  it('lets the admin change the time zone and currency, audited; others get 403', async () => {
    const res = await as(t.app, adminCookie).patch('/api/v1/organisation', {
      timeZone: 'Europe/Paris',
      currency: 'EUR',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ timeZone: 'Europe/Paris', currency: 'EUR' });
    const audit = (await as(t.app, adminCookie).get('/api/v1/audit?recordType=organisation')).json();
    expect(audit.data[0].summary).toEqual({
      before: { timeZone: 'Pacific/Noumea', currency: 'XPF' },
      after: { timeZone: 'Europe/Paris', currency: 'EUR' },
    });

    const auditBefore = await countRows(t.app, 'audit_log');
    const bad = await as(t.app, adminCookie).patch('/api/v1/organisation', { timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('timeZone');
    const badCurrency = await as(t.app, adminCookie).patch('/api/v1/organisation', {
      currency: 'euro',
      name: 'Nouveau nom',
    });
    expect(badCurrency.statusCode).toBe(400);
    expect(badCurrency.json().errors.map((e: { path: string }) => e.path)).toEqual(['currency']);
    expect((await as(t.app, adminCookie).get('/api/v1/organisation')).json().name).not.toBe('Nouveau nom');
    expect(await countRows(t.app, 'audit_log')).toBe(auditBefore);

    const exec = await signIn(t.app, org.users.executive);
    expect((await as(t.app, exec).patch('/api/v1/organisation', { name: 'Autre nom' })).statusCode).toBe(403);
    const current = (await as(t.app, exec).get('/api/v1/organisation')).json();
    expect(current.policies).toEqual({ update: false });
  });
});
