import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { $ZodType } from 'zod/v4/core';
import { as, createTestApp, signIn, type TestApp } from '../../../test/test-app';
import { compileResponseSchema, serializeWithZod } from './response-serializer';

// The fast response writer against zod on the real app: every route's response schema must
// compile, and on the demo organisation's data every answer must be the JSON zod wrote.

const password = 'demo-password-for-tests';
let t: TestApp;
let dircab: ReturnType<typeof as>;
const compared: { route: string; equal: boolean; detail?: string }[] = [];

beforeAll(async () => {
  t = await createTestApp({ demo: true, demoPassword: password });
  // Before ready, so every route gets it: the presenter's data, both writers, compared.
  t.app.addHook('preSerialization', async (request, reply, payload) => {
    const responses = request.routeOptions.schema?.response as Record<string, $ZodType> | undefined;
    const status = String(reply.statusCode);
    const schema = responses?.[status] ?? responses?.[`${status[0]}xx`] ?? responses?.default;
    if (!schema || reply.statusCode >= 400) return payload;
    const route = `${request.method} ${request.routeOptions.url}`;
    const fast = compileResponseSchema(schema).fast;
    if (!fast) return payload;
    const mine = fast(payload);
    const reference = serializeWithZod(schema, payload, request.method, route);
    const equal = isDeepStrictEqual(JSON.parse(mine), JSON.parse(reference));
    compared.push({ route, equal, detail: equal ? undefined : `${mine}\n${reference}` });
    return payload;
  });
  await t.app.ready();
  dircab = as(t.app, await signIn(t.app, { email: 'dircab@mont-dore.example', password }));
});
afterAll(() => t.close());

// Path parameters filled with ids the list above them returned (`/contacts/:id` from `/contacts`).
async function walkGetRoutes(): Promise<string[]> {
  const ids = new Map<string, string[]>();
  const hit: string[] = [];
  const gets = t.app.apiRoutes.filter((r) => r.method === 'GET' && !r.url.endsWith('*'));
  const plain = gets.filter((r) => !r.url.includes(':'));
  for (const route of plain) {
    const res = await dircab.get(route.url);
    expect.soft(res.statusCode, `GET ${route.url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
    const data = res.headers['content-type']?.includes('json') ? (res.json() as { data?: unknown }).data : undefined;
    if (Array.isArray(data)) {
      ids.set(
        route.url,
        data.map((row: { id?: unknown }) => row?.id).filter((id): id is string => typeof id === 'string'),
      );
    }
    hit.push(route.url);
  }
  for (const route of gets.filter((r) => r.url.includes(':'))) {
    const base = route.url.slice(0, route.url.indexOf('/:'));
    for (const id of (ids.get(base) ?? []).slice(0, 3)) {
      const url = route.url.replace(/:[A-Za-z]+/, id);
      if (url.includes(':')) break;
      const res = await dircab.get(url);
      expect.soft(res.statusCode, `GET ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
      hit.push(route.url);
    }
  }
  return hit;
}

describe('fast response serializer on every route', () => {
  it('compiles the response schema of every route; none falls back to zod', () => {
    const compiledRoutes = t.app.responseSerializer.compiled;
    expect(compiledRoutes.length).toBeGreaterThan(100);
    // A route listed here is answered by zod (logged once at boot): keep the list short and reasoned.
    const fallbacks = compiledRoutes
      .filter((r) => r.fallback)
      .map((r) => `${r.method} ${r.url} ${r.status}: ${r.fallback}`);
    expect(fallbacks).toEqual([]);
  });

  it('writes what zod wrote for the demo responses the screens read', async () => {
    const mails = (await dircab.get('/api/v1/correspondence?limit=50')).json();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const week = { from: day(-3), to: day(3) };
    expect(mails.data.length).toBeGreaterThan(10);
    const screens = [
      `/api/v1/correspondence/${mails.data[0].id}`,
      `/api/v1/correspondence/${mails.data[1].id}`,
      '/api/v1/search?q=mont',
      '/api/v1/contacts?limit=50',
      '/api/v1/alerts?limit=50',
      `/api/v1/events?from=${week.from}&to=${week.to}`,
    ];
    const contacts = (await dircab.get('/api/v1/contacts?limit=5')).json();
    screens.push(`/api/v1/contacts/${contacts.data[0].id}`);
    for (const url of screens) {
      const res = await dircab.get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    }
    const routes = new Set(compared.map((c) => c.route));
    const screenRoutes = ['correspondence', 'correspondence/:id', 'search', 'contacts/:id', 'alerts', 'events'];
    for (const route of screenRoutes.map((r) => `GET /api/v1/${r}`)) {
      expect(routes.has(route), route).toBe(true);
    }
    expect(compared.filter((c) => !c.equal)).toEqual([]);
  });

  it('writes what zod wrote on every GET route reachable from the demo data', async () => {
    const hit = await walkGetRoutes();
    expect(hit.length).toBeGreaterThan(40);
    expect(compared.filter((c) => !c.equal)).toEqual([]);
    console.info(`compared ${compared.length} responses over ${new Set(compared.map((c) => c.route)).size} routes`);
  });
});
