import { ROLES, type TRole } from '@dircab/contracts';
import Fastify from 'fastify';
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
import { allows, refusalStatus } from '../policy/access';
import { registerRouteRegistry } from './route-registry';

// Deny by default (ARCHITECTURE rule 3): this file walks every registered /api route with
// no session and with each of the ten roles, and checks the answer against the route's
// declared access decision.

let t: TestApp;
let org: TestOrg;
const cookies = {} as Record<TRole, string>;

const SAMPLE_ID = '01900000-0000-7000-8000-000000000000';
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, SAMPLE_ID).replace(/\*$/, 'session');

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  await t.app.ready();
});
afterAll(() => t.close());

describe('route walk', () => {
  it('finds the routes of every module (the walk is not empty)', () => {
    const urls = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(
      expect.arrayContaining([
        'GET /api/v1/me',
        'GET /api/v1/members',
        'GET /api/v1/audit',
        'GET /api/v1/search',
        'GET /api/health',
      ]),
    );
  });

  it('refuses to boot a route that declares no access decision', () => {
    const app = Fastify();
    registerRouteRegistry(app);
    expect(() => app.get('/api/v1/forgotten', async () => 'leak')).toThrow(/no access decision/);
  });

  it('keeps every /api/v1 route behind a session, except the public forms', () => {
    const open = t.app.apiRoutes.filter((r) => r.url.startsWith('/api/v1') && r.access.kind === 'public');
    // The mail gateway authenticates with its own Bearer token (gateway-tokens.ts), not a session;
    // a calendar feed with the secret token in its address (calendar clients have no session).
    const tokenRoutes = ['/api/v1/correspondence/inbound', '/api/v1/calendars/:token.ics'];
    expect(open.filter((r) => !r.url.startsWith('/api/v1/public/') && !tokenRoutes.includes(r.url))).toEqual([]);
  });

  it('answers 401 on every non-public route without a session', async () => {
    const walked: string[] = [];
    for (const route of t.app.apiRoutes) {
      if (route.access.kind === 'public') continue;
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        payload: route.method === 'GET' ? undefined : {},
      });
      expect.soft(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect.soft(res.headers['content-type'], `${route.method} ${route.url}`).toMatch(/problem\+json/);
      walked.push(route.url);
    }
    expect(walked.length).toBeGreaterThan(5);
  });

  it('rejects an unknown body field on every route that takes a body, naming it, and writes nothing', async () => {
    const before = await countRows(t.app, 'audit_log');
    const withBody = t.app.apiRoutes.filter((r) => r.hasBody && r.access.kind !== 'public');
    expect(withBody.length).toBeGreaterThan(3);
    for (const route of withBody) {
      const role = ROLES.find((r) => allows(route.access, r)) as TRole;
      const res = await t.app.inject({
        method: route.method as 'POST',
        url: concrete(route.url),
        headers: { cookie: cookies[role], 'content-type': 'application/json' },
        payload: JSON.stringify({ unexpectedField: true }),
      });
      const label = `${route.method} ${route.url} as ${role}`;
      expect.soft(res.statusCode, label).toBe(400);
      expect.soft(res.headers['content-type'], label).toMatch(/problem\+json/);
      expect
        .soft(
          res.json().errors?.map((e: { path: string }) => e.path),
          label,
        )
        .toContain('unexpectedField');
    }
    expect(await countRows(t.app, 'audit_log')).toBe(before);
  });

  // One test per role: the walk is some 300 routes for each, and a single test for all ten
  // would be one long request loop under one timeout.
  it.each(ROLES)(
    'answers %s exactly as each route declares: 403 (or 404 for group staff on a record) when refused, never 401/403/500 when allowed',
    async (role) => {
      let checks = 0;
      const api = as(t.app, cookies[role]);
      for (const route of t.app.apiRoutes) {
        if (route.access.kind === 'public') continue;
        const url = concrete(route.url);
        const res =
          route.method === 'GET'
            ? await api.get(url)
            : await t.app.inject({
                method: route.method as 'POST',
                url,
                headers: { cookie: cookies[role], 'content-type': 'application/json' },
                payload: '{}',
              });
        const label = `${route.method} ${route.url} as ${role} → ${res.statusCode}`;
        if (allows(route.access, role)) {
          expect.soft([401, 403, 500].includes(res.statusCode), label).toBe(false);
        } else {
          expect.soft(res.statusCode, label).toBe(refusalStatus(route.url, role));
        }
        checks++;
      }
      expect(checks).toBeGreaterThanOrEqual(5);
    },
  );
});
