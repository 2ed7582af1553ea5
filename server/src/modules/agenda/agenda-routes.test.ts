import { ROLES, type TRole } from '@dircab/contracts';
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
import { allows, refusalStatus } from '../../platform/policy/access';

// The platform's route walk, for the agenda's routes alone: every role gets exactly what the
// route declares (403 when refused; never 401, 403 or 500 when admitted), no session gets 401,
// and an unknown body field is named in a 400 with nothing written.

let t: TestApp;
let org: TestOrg;
const cookies = {} as Record<TRole, string>;
const SAMPLE_ID = '01900000-0000-7000-8000-000000000000';
const concrete = (url: string) => url.replace(/:token/, 'a'.repeat(43)).replace(/:[A-Za-z]+/g, SAMPLE_ID);
const AGENDA = /^\/api\/v1\/(events|invitations|calendars|agenda)(\/|$)/;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
});
afterAll(() => t.close());

const agendaRoutes = () => t.app.apiRoutes.filter((r) => AGENDA.test(r.url));

describe('agenda route walk', () => {
  it('finds the agenda’s routes, the feed alone public', () => {
    const routes = agendaRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(25);
    expect(routes.filter((r) => r.access.kind === 'public').map((r) => r.url)).toEqual([
      '/api/v1/calendars/:token.ics',
    ]);
  });

  it('answers each role as the route declares, and 401 without a session', async () => {
    for (const route of agendaRoutes()) {
      if (route.access.kind === 'public') continue;
      const url = concrete(route.url);
      const anonymous = await t.app.inject({
        method: route.method as 'GET',
        url,
        ...(route.method === 'GET' ? {} : { payload: {} }),
      });
      expect.soft(anonymous.statusCode, `${route.method} ${route.url} without session`).toBe(401);
      for (const role of ROLES) {
        const res =
          route.method === 'GET'
            ? await as(t.app, cookies[role]).get(url)
            : await t.app.inject({
                method: route.method as 'POST',
                url,
                headers: { cookie: cookies[role], 'content-type': 'application/json', origin: 'http://localhost:3000' },
                payload: '{}',
              });
        const label = `${route.method} ${route.url} as ${role} → ${res.statusCode}`;
        if (allows(route.access, role)) expect.soft([401, 403, 500].includes(res.statusCode), label).toBe(false);
        else expect.soft(res.statusCode, label).toBe(refusalStatus(route.url, role));
      }
    }
  });

  it('names an unknown body field in a 400 and writes nothing', async () => {
    const before = await countRows(t.app, 'audit_log');
    for (const route of agendaRoutes().filter((r) => r.hasBody && r.access.kind !== 'public')) {
      const role = ROLES.find((r) => allows(route.access, r)) as TRole;
      const res = await t.app.inject({
        method: route.method as 'POST',
        url: concrete(route.url),
        headers: { cookie: cookies[role], 'content-type': 'application/json', origin: 'http://localhost:3000' },
        payload: JSON.stringify({ unexpectedField: true }),
      });
      const label = `${route.method} ${route.url} as ${role}`;
      expect.soft(res.statusCode, label).toBe(400);
      expect
        .soft(
          res.json().errors?.map((e: { path: string }) => e.path),
          label,
        )
        .toContain('unexpectedField');
    }
    expect(await countRows(t.app, 'audit_log')).toBe(before);
  });

  it('documents its routes in the OpenAPI contract', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/events',
        '/api/v1/invitations',
        '/api/v1/calendars',
        '/api/v1/events/{id}/brief',
      ]),
    );
  });
});
