import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  BASE_URL,
  cookieFrom,
  createTestApp,
  createTestOrg,
  signIn,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app';
import { totpCode } from '../../../test/totp';

let t: TestApp;
let org: TestOrg;

beforeAll(async () => {
  t = await createTestApp({ signInLimit: 5 });
  org = await createTestOrg(t.app, ['executive', 'advisor', 'secretariat', 'admin']);
});
afterAll(() => t.close());

const signInRequest = (email: string, password: string, ip = '10.0.0.1', origin = BASE_URL) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    remoteAddress: ip,
    headers: { origin },
    payload: { email, password },
  });

describe('sessions', () => {
  it('sets an httpOnly, SameSite=Lax session cookie and signs out', async () => {
    const res = await signInRequest(org.users.advisor.email, org.users.advisor.password, '10.0.0.2');
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/better-auth\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieFrom(res);
    expect((await as(t.app, cookie).get('/api/v1/me')).statusCode).toBe(200);
    const out = await as(t.app, cookie).post('/api/auth/sign-out', {});
    expect(out.statusCode).toBe(200);
    expect((await as(t.app, cookie).get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses a sign-in from a foreign origin (CSRF) and a state change from a foreign origin', async () => {
    const res = await signInRequest(
      org.users.advisor.email,
      org.users.advisor.password,
      '10.0.0.3',
      'https://evil.example',
    );
    expect(res.statusCode).toBe(403);
    const cookie = await signIn(t.app, org.users.admin);
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'Intrus', email: 'intrus@evil.example', role: 'admin' }),
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().detail).toMatch(/Origine/);
  });

  it('rate-limits sign-in attempts per address with 429 problem+json', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await signInRequest(org.users.secretariat.email, 'wrong-password-123', '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await signInRequest(org.users.secretariat.email, org.users.secretariat.password, '10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    // Another address is not affected.
    expect(
      (await signInRequest(org.users.secretariat.email, org.users.secretariat.password, '10.9.9.10')).statusCode,
    ).toBe(200);
  });
});

describe('TOTP second factor', () => {
  it('is enabled with a code, then required at sign-in', async () => {
    const user = org.users.executive;
    const cookie = await signIn(t.app, user);
    const enable = await as(t.app, cookie).post('/api/auth/two-factor/enable', { password: user.password });
    expect(enable.statusCode).toBe(200);
    const { totpURI, backupCodes } = enable.json() as { totpURI: string; backupCodes: string[] };
    expect(backupCodes.length).toBeGreaterThan(0);
    const secret = new URL(totpURI).searchParams.get('secret') ?? '';
    expect(secret).not.toBe('');
    const confirm = await as(t.app, cookie).post('/api/auth/two-factor/verify-totp', { code: totpCode(secret) });
    expect(confirm.statusCode).toBe(200);
    // Enabling the factor renews the session: the new cookie replaces the old one.
    const renewed = cookieFrom(confirm) || cookie;
    expect((await as(t.app, renewed).get('/api/v1/me')).json().user.twoFactorEnabled).toBe(true);

    // A new sign-in stops half-way: no session until the code is given.
    const first = await signInRequest(user.email, user.password, '10.0.1.1');
    expect(first.statusCode).toBe(200);
    expect(first.json().twoFactorRedirect).toBe(true);
    const pending = cookieFrom(first);
    expect((await as(t.app, pending).get('/api/v1/me')).statusCode).toBe(401);
    const wrong = await as(t.app, pending).post('/api/auth/two-factor/verify-totp', {
      code: '000000' === totpCode(secret) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await as(t.app, pending).post('/api/auth/two-factor/verify-totp', { code: totpCode(secret) });
    expect(ok.statusCode).toBe(200);
    const session = cookieFrom(ok);
    expect((await as(t.app, session).get('/api/v1/me')).json().user.email).toBe(user.email);

    // The trail tells enrolment from sign-in, and a half sign-in is not a sign-in.
    const admin = await signIn(t.app, org.users.admin);
    const trail = (await as(t.app, admin).get(`/api/v1/audit?recordType=member&recordId=${user.id}`)).json().data;
    const events = trail.map(
      (e: { action: string; summary: { method?: string } }) =>
        `${e.action}${e.summary.method ? `:${e.summary.method}` : ''}`,
    );
    expect(events).toEqual([
      'session.sign_in:password+totp',
      'member.totp_enable',
      'session.sign_in:password',
      'member.create',
    ]);
  });
});

describe('sign-in audit', () => {
  it('records each sign-in in the organisation’s audit trail with the address', async () => {
    const user = org.users.advisor;
    await signInRequest(user.email, user.password, '10.7.7.7');
    const admin = await signIn(t.app, org.users.admin);
    const res = await as(t.app, admin).get(`/api/v1/audit?recordType=member&recordId=${user.id}`);
    const entry = res.json().data.find((e: { ip: string }) => e.ip === '10.7.7.7');
    expect(entry).toMatchObject({ action: 'session.sign_in', actorId: user.id, summary: { method: 'password' } });
  });
});

describe('password change', () => {
  it('changes the password with the current one, audited, and refuses a wrong current one', async () => {
    const user = org.users.secretariat;
    const cookie = cookieFrom(await signInRequest(user.email, user.password, '10.0.2.0'));
    const wrong = await as(t.app, cookie).post('/api/auth/change-password', {
      currentPassword: 'not-the-password',
      newPassword: 'a-brand-new-password-2026',
    });
    expect(wrong.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrong.headers['content-type']).toMatch(/problem\+json/);
    const ok = await as(t.app, cookie).post('/api/auth/change-password', {
      currentPassword: user.password,
      newPassword: 'a-brand-new-password-2026',
    });
    expect(ok.statusCode).toBe(200);
    expect((await signInRequest(user.email, user.password, '10.0.2.1')).statusCode).toBe(401);
    expect((await signInRequest(user.email, 'a-brand-new-password-2026', '10.0.2.2')).statusCode).toBe(200);
    const admin = cookieFrom(await signInRequest(org.users.admin.email, org.users.admin.password, '10.0.2.3'));
    const trail = (await as(t.app, admin).get(`/api/v1/audit?recordType=member&recordId=${user.id}`)).json().data;
    expect(trail.map((e: { action: string }) => e.action)).toContain('member.password_change');
    expect(trail.filter((e: { action: string }) => e.action === 'member.password_change')).toHaveLength(1);
  });
});
