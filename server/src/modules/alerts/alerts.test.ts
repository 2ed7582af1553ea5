import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ROLES, type TRole } from '@dircab/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';
import { alertListenerCount } from './alert-signals';
import { registerAlertSource } from './alert-sources';
import { alertStreamSettings } from './alerts.routes';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let base: string;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  alertStreamSettings.keepAliveMs = 100;
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  alertStreamSettings.keepAliveMs = 25_000;
  await t.close();
});

/** A real HTTP connection to the stream; collects what arrives until `close()`. */
function openStream(cookie: string, accept = 'text/event-stream') {
  let text = '';
  let response: IncomingMessage | undefined;
  const waiters: { test: (s: string) => boolean; resolve: () => void }[] = [];
  const req = httpRequest(`${base}/api/v1/alerts/stream`, { headers: { cookie, accept } }, (res) => {
    response = res;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
      for (const w of [...waiters]) {
        if (w.test(text)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    });
    res.on('error', () => {});
  });
  req.on('error', () => {});
  req.end();
  return {
    get text() {
      return text;
    },
    get response() {
      return response;
    },
    until(test: (s: string) => boolean, ms = 5000): Promise<void> {
      if (test(text)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`stream never matched; got: ${JSON.stringify(text)}`)), ms);
        waiters.push({
          test,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close: () => req.destroy(),
  };
}

const count = (s: string, needle: string) => s.split(needle).length - 1;

describe('the alert feed', () => {
  it('merges the sources by priority, then newest first, and keeps each source’s kind', async () => {
    registerAlertSource({
      kind: 'test.probe',
      async find(_db, actor) {
        if (actor.orgId !== org.orgId) return [];
        return [
          {
            id: 'test.probe:a',
            kind: 'test.probe',
            priority: 'normal',
            title: 'Ordinaire',
            detail: null,
            url: '/x',
            at: '2026-01-02T00:00:00.000Z',
          },
          {
            id: 'test.probe:b',
            kind: 'test.probe',
            priority: 'critical',
            title: 'Critique',
            detail: null,
            url: '/y',
            at: '2026-01-01T00:00:00.000Z',
          },
        ];
      },
    });
    const c = await api('chief_of_staff').post('/api/v1/cases', {
      kind: 'other',
      title: 'Signalé',
      confidentiality: 'normal',
    });
    await api('chief_of_staff').post(`/api/v1/cases/${c.json().id}/escalate`, { note: 'À savoir' });
    const res = await api('executive').get('/api/v1/alerts?limit=10');
    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((a: { id: string }) => a.id)).toEqual([
      'test.probe:b',
      `case.escalated:${c.json().id}`,
      'test.probe:a',
    ]);
    const one = await api('executive').get('/api/v1/alerts?limit=1');
    expect(one.json().data.map((a: { id: string }) => a.id)).toEqual(['test.probe:b']);
    registerAlertSource({ kind: 'test.probe', find: async () => [] });
  });

  it('is for the executive, the chief of staff and the cabinet head only, and never crosses organisations', async () => {
    for (const role of ROLES) {
      const res = await api(role).get('/api/v1/alerts');
      expect(res.statusCode, role).toBe(['executive', 'chief_of_staff', 'cabinet_head'].includes(role) ? 200 : 403);
    }
    const theirs = await as(t.app, otherCookie).get('/api/v1/alerts');
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().data).toEqual([]);
    for (const q of ['limit=0', 'limit=500', 'other=1']) {
      const bad = await api('executive').get(`/api/v1/alerts?${q}`);
      expect(bad.statusCode, q).toBe(400);
      expect(bad.headers['content-type']).toMatch(/problem\+json/);
    }
  });
});

describe('the live stream (server-sent events over a real connection)', () => {
  it('says ready, keeps the connection alive, and signals a change of its organisation only after the commit', async () => {
    const mine = openStream(cookies.executive);
    const theirs = openStream(otherCookie);
    await mine.until((s) => s.includes('event: ready'));
    await theirs.until((s) => s.includes('event: ready'));
    expect(mine.response?.statusCode).toBe(200);
    expect(mine.response?.headers['content-type']).toMatch(/^text\/event-stream/);
    await mine.until((s) => count(s, ': keep-alive') >= 2);

    // A refused change (bad input, rolled back) signals nothing.
    const c = await api('chief_of_staff').post('/api/v1/cases', {
      kind: 'other',
      title: 'En direct',
      confidentiality: 'normal',
    });
    expect((await api('chief_of_staff').post(`/api/v1/cases/${c.json().id}/escalate`, { note: '' })).statusCode).toBe(
      400,
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(mine.text).not.toContain('event: alerts');

    expect(
      (await api('chief_of_staff').post(`/api/v1/cases/${c.json().id}/escalate`, { note: 'Maintenant' })).statusCode,
    ).toBe(200);
    await mine.until((s) => s.includes('event: alerts'));
    // The signal carries no content: the title never travels on the stream.
    expect(mine.text).not.toContain('En direct');
    await new Promise((r) => setTimeout(r, 150));
    expect(theirs.text).not.toContain('event: alerts');
    expect(alertListenerCount()).toBe(2);
    mine.close();
    theirs.close();
    // The server notices the clients left and stops listening for them.
    for (let i = 0; i < 50 && alertListenerCount() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(alertListenerCount()).toBe(0);
  });

  it('refuses roles without the feed (403), no session (401), and a client that does not ask for events (406)', async () => {
    const statusOf = async (cookie: string, accept?: string) => {
      const s = openStream(cookie, accept);
      await s.until(() => s.response !== undefined).catch(() => {});
      // The response arrives before any data for an error: wait for its head.
      for (let i = 0; i < 50 && !s.response; i++) await new Promise((r) => setTimeout(r, 20));
      const code = s.response?.statusCode;
      s.close();
      return code;
    };
    expect(await statusOf(cookies.advisor)).toBe(403);
    expect(await statusOf(cookies.group_staff)).toBe(403);
    expect(await statusOf('')).toBe(401);
    expect(await statusOf(cookies.executive, 'application/json')).toBe(406);
  });
});
