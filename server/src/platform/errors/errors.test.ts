import { sql } from 'drizzle-orm';
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
import { recordAudit } from '../audit/record-audit';
import { actorOf } from '../http/context';
import { access } from '../policy/access';

let t: TestApp;
let org: TestOrg;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  // Routes that only tests have: one that fails after writing, one that crashes.
  t.app.post('/api/v1/test/write-then-fail', { config: { access: access.member() } }, async (request) => {
    const actor = actorOf(request);
    await t.app.ctx.db.transaction(async (tx) => {
      await recordAudit(tx, actor, { action: 'test.write', recordType: 'test' });
      await tx.execute(sql`select 1/0`);
    });
  });
  t.app.get('/api/v1/test/crash', { config: { access: access.member() } }, async () => {
    throw new Error('SECRET internal detail at /work/main/server/src/x.ts:12');
  });
  org = await createTestOrg(t.app, ['admin', 'advisor']);
  cookie = await signIn(t.app, org.users.admin);
});
afterAll(() => t.close());

describe('problem+json everywhere', () => {
  it('answers an unknown API route with 404 problem+json', async () => {
    const res = await as(t.app, cookie).get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, title: 'Introuvable' });
  });

  it('answers a wrong content type with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: { cookie, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().detail).toMatch(/application\/json/);
  });

  it('never shows a stack trace or an internal message to the client', async () => {
    const res = await as(t.app, cookie).get('/api/v1/test/crash');
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).not.toMatch(/SECRET|\/work\/|\.ts:|at /);
    expect(res.json().detail).toMatch(/erreur inattendue/i);
  });

  it('rolls back everything a failed request wrote, audit included', async () => {
    const before = await countRows(t.app, 'audit_log');
    const res = await as(t.app, cookie).post('/api/v1/test/write-then-fail', {});
    expect(res.statusCode).toBe(500);
    expect(await countRows(t.app, 'audit_log')).toBe(before);
  });

  it('reports invalid query parameters with their names, in French', async () => {
    const res = await as(t.app, cookie).get('/api/v1/members?limit=abc&extra=1');
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['limit', 'extra']));
    expect(res.json().detail).toBe('Les paramètres de la requête contiennent des valeurs invalides.');
  });
});

describe('health, OpenAPI and docs', () => {
  it('reports the database reachable and the version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { reachable: true } });
    expect(res.json().version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('publishes an OpenAPI 3.1 document generated from the zod contracts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/api/v1/members'].post;
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'email', 'role']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.role.enum).toContain('chief_of_staff');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/me', '/api/v1/audit', '/api/v1/search', '/api/health']),
    );
  });

  it('serves a readable documentation page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });
});
