import { readFileSync } from 'node:fs';
import { ROLES, type TRole } from '@dircab/contracts';
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
} from '../../../../../test/test-app';
import { queryRows } from '../../../../platform/db/client';
import { postForm, TINY_PNG } from '../test-support';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const PETITION = fixture('petition-with-pdf.eml');
const HTML_ONLY = fixture('html-only.eml');

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
const api = (role: TRole) => as(t.app, cookies[role]);
const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'secretariat']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
});
afterAll(() => t.close());

const uploadEml = (role: TRole, content: Buffer, fields: Record<string, string> = {}) =>
  postForm(t.app, cookies[role], '/api/v1/correspondence/eml', fields, [
    { name: 'message.eml', content, type: 'message/rfc822' },
  ]);

async function searchIds(cookie: string, q: string): Promise<string[]> {
  const res = await as(t.app, cookie).get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);
  expect(res.statusCode).toBe(200);
  return (res.json().groups as { kind: string; hits: { recordId: string }[] }[])
    .filter((g) => g.kind === 'mail')
    .flatMap((g) => g.hits.map((h) => h.recordId));
}

const deliver = (token: string | null, body: Buffer | string, type = 'message/rfc822') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/correspondence/inbound',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: body,
  });

describe('an .eml uploaded by the secretariat', () => {
  let itemId: string;

  it('registers the e-mail: decoded writer and subject, accented text, Date as received, the PDF attached and searchable', async () => {
    const res = await uploadEml('secretariat', PETITION, { topic: 'Voirie' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ duplicate: false, attachments: 1 });
    expect(body.registrationNumber).toMatch(/^\d{4}-A-\d{6}$/);
    itemId = body.itemId;

    const item = (await api('secretariat').get(`/api/v1/correspondence/${itemId}`)).json();
    expect(item).toMatchObject({
      channel: 'email',
      direction: 'in',
      subject: 'Réfection du wharf de Plum : pétition des riverains',
      sender: { name: 'Hélène Wéa', email: 'helene.wea@example.nc' },
      receivedAt: '2026-11-15T21:14:02.000Z',
      topic: 'Voirie',
    });
    expect(item.body).toContain('réfection du ponton soit inscrite au budget');
    expect(item.body).toContain('l’expression de nos salutations respectueuses');
    expect(item.senderContactId).toEqual(expect.any(String));

    const files = (await api('advisor').get(`/api/v1/correspondence/${itemId}/attachments`)).json().data;
    expect(files.map((f: { filename: string; mediaType: string }) => [f.filename, f.mediaType])).toEqual([
      ['message-original.eml', 'message/rfc822'],
      ['petition-wharf.pdf', 'application/pdf'],
    ]);

    // The word is only in the PDF's text layer: found once the extraction job has run.
    expect(await searchIds(cookies.chief_of_staff, 'ornithorynque')).not.toContain(itemId);
    await t.app.ctx.jobs.runDue();
    expect(await searchIds(cookies.chief_of_staff, 'ornithorynque')).toContain(itemId);
    expect(await searchIds(cookies.group_staff, 'ornithorynque')).toEqual([]);
    const listed = (await api('advisor').get(`/api/v1/correspondence/${itemId}/attachments`)).json().data;
    expect(listed[1].textExtracted).toBe(true);
  });

  it('answers 200 with the same item when the same message is uploaded again, without a new number', async () => {
    const before = await countRows(t.app, 'correspondence_items');
    const res = await uploadEml('advisor', PETITION);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ itemId, duplicate: true });
    expect(await countRows(t.app, 'correspondence_items')).toBe(before);
  });

  it('turns an HTML-only message into text, its Latin-1 encoded-word subject decoded', async () => {
    const res = await uploadEml('secretariat', HTML_ONLY);
    expect(res.statusCode, res.body).toBe(201);
    const item = (await api('secretariat').get(`/api/v1/correspondence/${res.json().itemId}`)).json();
    expect(item.subject).toBe('Nuisances sonores à Robinson');
    expect(item.sender.name).toBe('Jean-Luc Poédi');
    // &nbsp; stays a non-breaking space, as French typography has it.
    expect(item.body).toMatch(/un chantier démarre à 5\s+heures rue des Cagous/);
    expect(item.body).not.toContain('<p>');
  });

  it('refuses what is not a message, a missing file and an unknown field with 400 naming the field, writing nothing', async () => {
    const before = {
      items: await countRows(t.app, 'correspondence_items'),
      files: await countRows(t.app, 'files'),
      audit: await countRows(t.app, 'audit_log'),
    };
    const png = await uploadEml('secretariat', TINY_PNG);
    expect(png.statusCode).toBe(400);
    expect(png.headers['content-type']).toMatch(/problem\+json/);
    expect(paths(png)).toEqual(['file']);
    const none = await postForm(t.app, cookies.secretariat, '/api/v1/correspondence/eml', { topic: 'Voirie' });
    expect(none.statusCode).toBe(400);
    expect(paths(none)).toContain('file');
    const unknown = await uploadEml('secretariat', HTML_ONLY, { colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toContain('colour');
    const json = await api('secretariat').post('/api/v1/correspondence/eml', { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(await countRows(t.app, 'correspondence_items')).toBe(before.items);
    expect(await countRows(t.app, 'files')).toBe(before.files);
    expect(await countRows(t.app, 'audit_log')).toBe(before.audit);
  });

  it('is refused to roles that do not register mail (403), and keeps organisations apart', async () => {
    for (const role of ['services', 'official', 'group_staff', 'admin'] as const) {
      expect((await uploadEml(role, HTML_ONLY)).statusCode, role).toBe(403);
    }
    // The same Message-ID in another organisation is another organisation's item.
    const res = await postForm(t.app, otherCookie, '/api/v1/correspondence/eml', {}, [
      { name: 'm.eml', content: PETITION },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json().itemId).not.toBe(itemId);
    expect((await as(t.app, otherCookie).get(`/api/v1/correspondence/${itemId}/attachments`)).statusCode).toBe(404);
  });
});

describe('the mail gateway', () => {
  let token: string;
  let tokenId: string;

  it('creates a token shown once, stored hashed, listed by its prefix only', async () => {
    const res = await api('chief_of_staff').post('/api/v1/correspondence/gateway-tokens', { label: 'Postfix mairie' });
    expect(res.statusCode, res.body).toBe(201);
    token = res.json().token;
    tokenId = res.json().id;
    expect(token).toMatch(/^dcg_[A-Za-z0-9_-]{43}$/);
    const list = await api('admin').get('/api/v1/correspondence/gateway-tokens');
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toEqual([
      expect.objectContaining({ id: tokenId, prefix: token.slice(0, 10), revokedAt: null }),
    ]);
    expect(list.body).not.toContain(token);
    const [stored] = await queryRows<{ token_hash: string }>(
      t.app.ctx.db,
      sql`select token_hash from correspondence_gateway_tokens where id = ${tokenId}`,
    );
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toContain(token);
  });

  it('refuses a bad label (400, no row) and the roles that do not manage the gateway (403)', async () => {
    const before = await countRows(t.app, 'correspondence_gateway_tokens');
    const bad = await api('chief_of_staff').post('/api/v1/correspondence/gateway-tokens', { label: '  ' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['label']);
    for (const role of ['secretariat', 'executive', 'group_staff', 'services'] as const) {
      expect((await api(role).post('/api/v1/correspondence/gateway-tokens', { label: 'x' })).statusCode, role).toBe(
        403,
      );
      expect((await api(role).get('/api/v1/correspondence/gateway-tokens')).statusCode, role).toBe(403);
    }
    expect(await countRows(t.app, 'correspondence_gateway_tokens')).toBe(before);
  });

  it('registers a raw message delivered with the token, as no user, and once only', async () => {
    const raw = HTML_ONLY.toString('latin1').replace('CAH7-html-only-0042', 'gateway-0001');
    const res = await deliver(token, raw);
    expect(res.statusCode, res.body).toBe(201);
    const itemId = res.json().itemId;
    const audit = await queryRows<{ action: string; actor_id: string | null }>(
      t.app.ctx.db,
      sql`select action, actor_id from audit_log where record_id = ${itemId} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'correspondence.register',
      'correspondence.attachment_add',
      'correspondence.receive',
    ]);
    expect(audit.every((a) => a.actor_id === null)).toBe(true);
    const item = (await api('secretariat').get(`/api/v1/correspondence/${itemId}`)).json();
    expect(item).toMatchObject({ channel: 'email', subject: 'Nuisances sonores à Robinson' });

    const again = await deliver(token, raw);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ itemId, duplicate: true });
  });

  it('registers a message delivered twice at the same moment once (concurrent on PostgreSQL)', async () => {
    const raw = HTML_ONLY.toString('latin1').replace('CAH7-html-only-0042', 'gateway-concurrent');
    const before = await countRows(t.app, 'correspondence_items');
    const answers = await Promise.all([deliver(token, raw), deliver(token, raw), deliver(token, raw)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().itemId)).size).toBe(1);
    expect(await countRows(t.app, 'correspondence_items')).toBe(before + 1);
  });

  it('answers 401 without a token or with a wrong one, 400 for what is not a message, 415 for JSON, writing nothing', async () => {
    const before = await countRows(t.app, 'correspondence_items');
    const none = await deliver(null, HTML_ONLY);
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/Bearer/);
    expect((await deliver('dcg_wrong', HTML_ONLY)).statusCode).toBe(401);
    const garbage = await deliver(token, 'ceci n’est pas un message');
    expect(garbage.statusCode).toBe(400);
    expect(paths(garbage)).toEqual(['body']);
    expect((await deliver(token, '{"from":"x"}', 'application/json')).statusCode).toBe(415);
    expect(await countRows(t.app, 'correspondence_items')).toBe(before);
  });

  it('keeps tokens to their organisation and checks list and revoke parameters (400)', async () => {
    expect((await as(t.app, otherCookie).get('/api/v1/correspondence/gateway-tokens')).json().data).toEqual([]);
    const cursor = await api('chief_of_staff').get('/api/v1/correspondence/gateway-tokens?cursor=nope');
    expect(cursor.statusCode).toBe(400);
    expect(paths(cursor)).toEqual(['cursor']);
    const badId = await api('chief_of_staff').delete('/api/v1/correspondence/gateway-tokens/nope');
    expect(badId.statusCode).toBe(400);
    expect(paths(badId)).toEqual(['id']);
  });

  it('stops a revoked token at once; another organisation cannot revoke it (404), nor twice (409)', async () => {
    expect((await as(t.app, otherCookie).delete(`/api/v1/correspondence/gateway-tokens/${tokenId}`)).statusCode).toBe(
      404,
    );
    const revoked = await api('chief_of_staff').delete(`/api/v1/correspondence/gateway-tokens/${tokenId}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    expect(revoked.json().policies.revoke).toBe(false);
    const raw = HTML_ONLY.toString('latin1').replace('CAH7-html-only-0042', 'gateway-0002');
    expect((await deliver(token, raw)).statusCode).toBe(401);
    expect((await api('chief_of_staff').delete(`/api/v1/correspondence/gateway-tokens/${tokenId}`)).statusCode).toBe(
      409,
    );
  });
});

describe('the API contract', () => {
  it('documents the inbound routes in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/correspondence/eml',
        '/api/v1/correspondence/inbound',
        '/api/v1/correspondence/scan',
        '/api/v1/correspondence/{id}/attachments',
        '/api/v1/correspondence/campaigns',
        '/api/v1/public/requests/{orgSlug}',
        '/api/v1/files/{id}',
      ]),
    );
  });
});
