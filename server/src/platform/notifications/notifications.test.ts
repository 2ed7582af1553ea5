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
import { notify } from './notify';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app, ['secretariat', 'advisor', 'group_staff']);
  other = await createTestOrg(t.app, ['secretariat']);
  cookies.secretariat = await signIn(t.app, org.users.secretariat);
  cookies.advisor = await signIn(t.app, org.users.advisor);
  cookies.groupStaff = await signIn(t.app, org.users.group_staff);
  cookies.other = await signIn(t.app, other.users.secretariat);
});
afterAll(() => t.close());

const api = (who: string) => as(t.app, cookies[who] as string);

async function send(userIds: string[], title: string, extra: { dedupeKey?: string; orgId?: string } = {}) {
  return notify(t.app.ctx.db, {
    orgId: extra.orgId ?? org.orgId,
    userIds,
    kind: 'test.notice',
    title,
    body: `Corps de ${title}`,
    link: '/courrier',
    dedupeKey: extra.dedupeKey ?? null,
  });
}

describe('notifications', () => {
  it('lists a user’s own notifications newest first, counts the unread, and marks them read', async () => {
    const me = org.users.secretariat.id;
    await send([me, org.users.advisor.id], 'Premier');
    await send([me], 'Deuxième');
    await send([me], 'Troisième');

    const count = await api('secretariat').get('/api/v1/notifications/unread-count');
    expect(count.statusCode).toBe(200);
    expect(count.json()).toEqual({ unread: 3 });

    const first = await api('secretariat').get('/api/v1/notifications?limit=2');
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.data.map((n: { title: string }) => n.title)).toEqual(['Troisième', 'Deuxième']);
    expect(page.data[0]).toMatchObject({
      kind: 'test.notice',
      body: 'Corps de Troisième',
      link: '/courrier',
      readAt: null,
      policies: { read: true, markRead: true },
    });
    const second = await api('secretariat').get(`/api/v1/notifications?limit=2&cursor=${page.nextCursor}`);
    expect(second.json().data.map((n: { title: string }) => n.title)).toEqual(['Premier']);
    expect(second.json().nextCursor).toBeNull();

    const read = await api('secretariat').post(`/api/v1/notifications/${page.data[0].id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));
    expect(read.json().policies.markRead).toBe(false);
    // Again: the first reading time stays.
    const again = await api('secretariat').post(`/api/v1/notifications/${page.data[0].id}/read`);
    expect(again.json().readAt).toBe(read.json().readAt);

    const unread = await api('secretariat').get('/api/v1/notifications?unread=true');
    expect(unread.json().data.map((n: { title: string }) => n.title)).toEqual(['Deuxième', 'Premier']);

    const all = await api('secretariat').post('/api/v1/notifications/read-all');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ marked: 2 });
    expect((await api('secretariat').get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    // The advisor's copy of « Premier » is theirs and still unread.
    expect((await api('advisor').get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
  });

  it('writes a notification once per user and dedupe key, however often the sender runs', async () => {
    const me = org.users.advisor.id;
    expect(await send([me, me], 'Rappel', { dedupeKey: 'test:rappel:2026-11-23' })).toBe(1);
    expect(await send([me], 'Rappel', { dedupeKey: 'test:rappel:2026-11-23' })).toBe(0);
    const list = await api('advisor').get('/api/v1/notifications');
    expect(list.json().data.filter((n: { title: string }) => n.title === 'Rappel')).toHaveLength(1);
  });

  it('never shows nor marks another user’s notification (404), in the organisation or outside it', async () => {
    await send([org.users.advisor.id], 'Pour le conseiller');
    const [theirs] = (await api('advisor').get('/api/v1/notifications?limit=1')).json().data;
    for (const who of ['secretariat', 'groupStaff', 'other']) {
      const res = await api(who).post(`/api/v1/notifications/${theirs.id}/read`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const list = await api(who).get('/api/v1/notifications');
      expect(list.json().data.map((n: { id: string }) => n.id)).not.toContain(theirs.id);
    }
    expect((await api('advisor').get('/api/v1/notifications/unread-count')).json().unread).toBeGreaterThan(0);
    // Group staff have notifications of their own like any member.
    await send([org.users.group_staff.id], 'Pour le groupe');
    expect((await api('groupStaff').get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
    // A notification written in another organisation shows only there.
    await send([other.users.secretariat.id], 'Ailleurs', { orgId: other.orgId });
    expect((await api('other').get('/api/v1/notifications')).json().data).toHaveLength(1);
  });

  it('answers bad input with a problem and its field paths', async () => {
    const notUuid = await api('secretariat').post('/api/v1/notifications/pas-un-id/read');
    expect(notUuid.statusCode).toBe(400);
    const unread = await api('secretariat').get('/api/v1/notifications?unread=peut-etre');
    expect(unread.statusCode).toBe(400);
    expect(unread.json().errors.map((e: { path: string }) => e.path)).toEqual(['unread']);
    const cursor = await api('secretariat').get('/api/v1/notifications?cursor=nimportequoi');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors[0].path).toBe('cursor');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/notifications/unread-count' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('keeps the digest choice per user, audited, and refuses an unknown one without writing', async () => {
    expect((await api('advisor').get('/api/v1/notifications/preferences')).json()).toEqual({ digest: 'none' });
    const put = await api('advisor').put('/api/v1/notifications/preferences', { digest: 'email' });
    expect(put.statusCode).toBe(200);
    expect((await api('advisor').get('/api/v1/notifications/preferences')).json()).toEqual({ digest: 'email' });
    expect((await api('secretariat').get('/api/v1/notifications/preferences')).json()).toEqual({ digest: 'none' });
    expect(await countRows(t.app, "audit_log where action = 'notifications.preferences_update'")).toBe(1);

    const rows = await countRows(t.app, 'notification_preferences');
    const bad = await api('secretariat').put('/api/v1/notifications/preferences', { digest: 'pigeon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['digest']);
    const extra = await api('secretariat').put('/api/v1/notifications/preferences', { digest: 'none', x: 1 });
    expect(extra.statusCode).toBe(400);
    expect(await countRows(t.app, 'notification_preferences')).toBe(rows);
  });
});
