import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, BASE_URL, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';
import { queryRows } from '../db/client';

// The session is read in one query (find-session-row.ts), or from the app's session cache,
// which a request that may write empties as it completes: each change made through the API
// below must be refused, or applied, on the very next request. A hand-written statement is
// another connection's change: it holds once its notification has been heard (changesHeard).

let t: TestApp;
let org: TestOrg;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app, ['executive', 'chief_of_staff', 'advisor', 'secretariat', 'admin']);
});
afterAll(() => t.close());

const changesHeard = () => t.app.sessionCache.listener.settled();
const me = (cookie: string) => as(t.app, cookie).get('/api/v1/me');
const tokenOf = (cookie: string) => decodeURIComponent(/session_token=([^;]+)/.exec(cookie)?.[1] ?? '').split('.')[0];

describe('session of each request', () => {
  it('answers a signed-in member with their role, and refuses a forged or unsigned token', async () => {
    const cookie = await signIn(t.app, org.users.advisor);
    const ok = await me(cookie);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.id).toBe(org.users.advisor.id);
    const token = tokenOf(cookie);
    expect(token).toBeTruthy();
    // The real token without its signature, or with another one, is not a session.
    expect((await me(`better-auth.session_token=${token}`)).statusCode).toBe(401);
    const forged = `better-auth.session_token=${encodeURIComponent(`${token}.${'A'.repeat(43)}=`)}`;
    expect((await me(forged)).statusCode).toBe(401);
  });

  it('refuses a session signed out, or revoked by deleting it, on the next request', async () => {
    const cookie = await signIn(t.app, org.users.secretariat);
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: BASE_URL },
    });
    expect(out.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);

    const again = await signIn(t.app, org.users.secretariat);
    expect((await me(again)).statusCode).toBe(200);
    await t.app.ctx.db.execute(sql`delete from sessions where token = ${tokenOf(again)}`);
    await changesHeard();
    expect((await me(again)).statusCode).toBe(401);
  });

  it('applies a role change at once and refuses a removed member and a disabled account', async () => {
    const target = await createTestOrg(t.app, ['advisor']);
    const user = target.users.advisor;
    const cookie = await signIn(t.app, user);
    // The register's settings are for the heads of the cabinet: an advisor gets 403.
    expect((await as(t.app, cookie).get('/api/v1/correspondence/settings')).statusCode).toBe(403);
    await t.app.ctx.db.execute(
      sql`update memberships set role = 'chief_of_staff' where user_id = ${user.id} and org_id = ${target.orgId}`,
    );
    await changesHeard();
    expect((await as(t.app, cookie).get('/api/v1/correspondence/settings')).statusCode).toBe(200);

    await t.app.ctx.db.execute(sql`update memberships set active = false where user_id = ${user.id}`);
    await changesHeard();
    expect((await me(cookie)).statusCode).toBe(401);
    await t.app.ctx.db.execute(sql`update memberships set active = true where user_id = ${user.id}`);
    await changesHeard();
    expect((await me(cookie)).statusCode).toBe(200);

    await t.app.ctx.db.execute(sql`update users set disabled = true where id = ${user.id}`);
    await changesHeard();
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('opens a services member’s items by their service, and closes them when the admin moves them', async () => {
    const team = await createTestOrg(t.app, ['chief_of_staff', 'secretariat', 'admin']);
    const cos = as(t.app, await signIn(t.app, team.users.chief_of_staff));
    const admin = as(t.app, await signIn(t.app, team.users.admin));
    const secretariat = as(t.app, await signIn(t.app, team.users.secretariat));
    const service = (await cos.post('/api/v1/services', { name: 'Services techniques' })).json().id;
    const created = await admin.post('/api/v1/members', {
      name: 'Agent voirie',
      email: `voirie.${team.orgId.slice(0, 8)}@test.example`,
      role: 'services',
      serviceId: service,
      password: 'correct-horse-battery-staple',
    });
    expect(created.statusCode, created.body).toBe(201);
    const agent = as(
      t.app,
      await signIn(t.app, { email: created.json().email, password: 'correct-horse-battery-staple' }),
    );
    const item = await secretariat.post('/api/v1/correspondence', {
      direction: 'in',
      channel: 'email',
      subject: 'Nid-de-poule rue des Flamboyants',
      sender: { name: 'M. Jean Test' },
    });
    expect(item.statusCode, item.body).toBe(201);
    const id = item.json().id;
    const routed = await secretariat.post(`/api/v1/correspondence/${id}/route`, {
      assignments: [{ serviceId: service, mode: 'action' }],
    });
    expect(routed.statusCode, routed.body).toBe(200);
    expect((await agent.get(`/api/v1/correspondence/${id}`)).statusCode).toBe(200);
    expect((await agent.get('/api/v1/correspondence?limit=10')).json().data.map((i: { id: string }) => i.id)).toContain(
      id,
    );
    expect((await admin.patch(`/api/v1/members/${created.json().userId}`, { serviceId: null })).statusCode).toBe(200);
    expect((await agent.get(`/api/v1/correspondence/${id}`)).statusCode).toBe(404);
    expect((await agent.get('/api/v1/correspondence?limit=10')).json().data).toEqual([]);
  });

  it('refuses an expired session and extends one due for it, as better-auth does', async () => {
    const cookie = await signIn(t.app, org.users.executive);
    const token = tokenOf(cookie);
    // Six days left of seven: more than a day old, better-auth extends it and renews the cookie.
    await t.app.ctx.db.execute(
      sql`update sessions set expires_at = now() + interval '6 days' - interval '1 hour' where token = ${token}`,
    );
    await changesHeard();
    const extended = await me(cookie);
    expect(extended.statusCode).toBe(200);
    expect(String(extended.headers['set-cookie'])).toMatch(/better-auth\.session_token=/);
    const [row] = await queryRows<{ left: number }>(
      t.app.ctx.db,
      sql`select extract(epoch from expires_at - now())::int as left from sessions where token = ${token}`,
    );
    expect(row?.left).toBeGreaterThan(6 * 86_400);

    // A fresh session answers without renewing the cookie.
    const quiet = await me(cookie);
    expect(quiet.statusCode).toBe(200);
    expect(quiet.headers['set-cookie']).toBeUndefined();

    await t.app.ctx.db.execute(
      sql`update sessions set expires_at = now() - interval '1 second' where token = ${token}`,
    );
    await changesHeard();
    expect((await me(cookie)).statusCode).toBe(401);
    const [gone] = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select count(*)::int as n from sessions where token = ${token}`,
    );
    expect(gone?.n).toBe(0);
  });

  it('works in the organisation the session chose, and falls back to the first when it is left', async () => {
    const second = await createTestOrg(t.app, ['advisor']);
    const user = org.users.chief_of_staff;
    await t.app.ctx.db.execute(
      sql`insert into memberships (org_id, user_id, role) values (${second.orgId}, ${user.id}, 'advisor')`,
    );
    await changesHeard();
    const cookie = await signIn(t.app, user);
    await t.app.ctx.db.execute(
      sql`update sessions set active_org_id = ${second.orgId} where token = ${tokenOf(cookie)}`,
    );
    await changesHeard();
    const there = await as(t.app, cookie).get('/api/v1/organisation');
    expect(there.json().id).toBe(second.orgId);
    await t.app.ctx.db.execute(
      sql`update memberships set active = false where user_id = ${user.id} and org_id = ${second.orgId}`,
    );
    await changesHeard();
    const back = await as(t.app, cookie).get('/api/v1/organisation');
    expect(back.json().id).toBe(org.orgId);
  });
});
