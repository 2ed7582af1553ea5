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
import { createItemTypes } from '../../commands/create-item-types';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let slug: string;
let otherSlug: string;
let chief: string;
let secretariat: string;
let otherChief: string;
let ipCounter = 10;
const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app, ['chief_of_staff', 'secretariat', 'group_staff']);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  chief = await signIn(t.app, org.users.chief_of_staff);
  secretariat = await signIn(t.app, org.users.secretariat);
  otherChief = await signIn(t.app, other.users.chief_of_staff);
  const slugs = await queryRows<{ id: string; slug: string }>(t.app.ctx.db, sql`select id, slug from organisations`);
  slug = slugs.find((s) => s.id === org.orgId)?.slug ?? '';
  otherSlug = slugs.find((s) => s.id === other.orgId)?.slug ?? '';
});
afterAll(() => t.close());

const request = (over: Record<string, unknown> = {}) => ({
  name: 'Armelle Tein',
  email: 'Armelle.Tein@example.nc',
  phone: '+687 41 22 33',
  address: '4 rue des Cagous, Robinson',
  subject: 'Ramassage des encombrants',
  message: 'Bonjour, les encombrants n’ont pas été ramassés rue des Cagous depuis deux mois.',
  topic: 'Propreté',
  consent: true,
  website: '',
  ...over,
});

/** A post from the web site; each test gets its own address so the rate limit is its own. */
function send(body: unknown, options: { orgSlug?: string; ip?: string; origin?: string } = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/public/requests/${options.orgSlug ?? slug}`,
    remoteAddress: options.ip ?? `198.51.100.${ipCounter++}`,
    headers: { 'content-type': 'application/json', ...(options.origin ? { origin: options.origin } : {}) },
    payload: JSON.stringify(body),
  });
}

describe('the public web form', () => {
  it('registers the request as a web form item, as no user, and answers 202 with its number only', async () => {
    const res = await send(request());
    expect(res.statusCode, res.body).toBe(202);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['message', 'registrationNumber']);
    expect(body.registrationNumber).toMatch(/^\d{4}-A-\d{6}$/);
    const [item] = await queryRows<{
      id: string;
      org_id: string;
      channel: string;
      sender_email: string;
      topic: string;
    }>(
      t.app.ctx.db,
      sql`select id, org_id, channel, sender_email, topic from correspondence_items where registration_number = ${body.registrationNumber} and org_id = ${org.orgId}`,
    );
    expect(item).toMatchObject({ channel: 'web_form', sender_email: 'armelle.tein@example.nc', topic: 'Propreté' });
    const audit = await queryRows<{ action: string; actor_id: string | null; summary: { after?: { via?: string } } }>(
      t.app.ctx.db,
      sql`select action, actor_id, summary from audit_log where record_id = ${item?.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['correspondence.register', 'correspondence.receive']);
    expect(audit.every((a) => a.actor_id === null)).toBe(true);
    expect(audit[1]?.summary.after?.via).toBe('formulaire public');
    // The secretariat finds it in the register.
    const list = await as(t.app, secretariat).get('/api/v1/correspondence?channel=web_form');
    expect(list.json().data.map((i: { id: string }) => i.id)).toContain(item?.id);
  });

  it('takes an empty e-mail field as no address', async () => {
    const res = await send(request({ email: '', name: 'Sans Courriel' }));
    expect(res.statusCode, res.body).toBe(202);
  });

  it('answers a filled honeypot as it answers a person, and registers nothing', async () => {
    const before = {
      items: await countRows(t.app, 'correspondence_items'),
      audit: await countRows(t.app, 'audit_log'),
    };
    const res = await send(request({ website: 'https://casino.example' }));
    expect(res.statusCode).toBe(202);
    expect(res.json().registrationNumber).toBeNull();
    expect(await countRows(t.app, 'correspondence_items')).toBe(before.items);
    expect(await countRows(t.app, 'audit_log')).toBe(before.audit);
  });

  it('refuses bad input with 400 in French naming the fields, and an unknown organisation with 404, writing nothing', async () => {
    const before = await countRows(t.app, 'correspondence_items');
    const bad = await send(request({ consent: false, email: 'pas-une-adresse', subject: '' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(paths(bad).sort()).toEqual(['consent', 'email', 'subject']);
    expect(bad.json().errors.find((e: { path: string }) => e.path === 'consent').message).toMatch(/accord/);
    const unknown = await send({ ...request(), role: 'admin' });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toEqual(['role']);
    const noOrg = await send(request(), { orgSlug: 'commune-inexistante' });
    expect(noOrg.statusCode).toBe(404);
    expect(await countRows(t.app, 'correspondence_items')).toBe(before);
  });

  it('allows 5 requests per 10 minutes from one address to one organisation, then 429 in French', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < 5; i++) expect((await send(request({ website: 'x' }), { ip })).statusCode).toBe(202);
    const before = await countRows(t.app, 'correspondence_items');
    const limited = await send(request(), { ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect(limited.json().detail).toMatch(/Trop de demandes/);
    expect(await countRows(t.app, 'correspondence_items')).toBe(before);
    // Another organisation's form, from the same address, is another count.
    expect((await send(request({ website: 'x' }), { ip, orgSlug: otherSlug })).statusCode).toBe(202);
  });
});

describe('behind the town’s reverse proxy', () => {
  const fromProxy = (app: TestApp['app'], client: string, orgSlug = slug) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/public/requests/${orgSlug}`,
      remoteAddress: '10.0.0.5',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      payload: JSON.stringify(request({ website: 'x' })),
    });

  it.each([
    ['by address', ['10.0.0.5']],
    // One hop: the address the proxy saw is the last of the header, whatever the client wrote before it.
    ['by count', 1],
  ] as const)('counts each client behind a trusted proxy on its own (DIRCAB_TRUST_PROXY %s)', async (_, trustProxy) => {
    const behind = await createTestApp({ trustProxy: typeof trustProxy === 'number' ? trustProxy : [...trustProxy] });
    try {
      const town = await createTestOrg(behind.app, ['chief_of_staff']);
      const [row] = await queryRows<{ slug: string }>(
        behind.app.ctx.db,
        sql`select slug from organisations where id = ${town.orgId}`,
      );
      const townSlug = row?.slug ?? '';
      for (let i = 0; i < 5; i++) expect((await fromProxy(behind.app, '203.0.113.8', townSlug)).statusCode).toBe(202);
      expect((await fromProxy(behind.app, '203.0.113.8', townSlug)).statusCode).toBe(429);
      // Another resident, through the same proxy, is not held back by the first one's count.
      expect((await fromProxy(behind.app, '203.0.113.9', townSlug)).statusCode).toBe(202);
      // A client who writes the header itself does not escape its count.
      expect((await fromProxy(behind.app, '198.51.100.1, 203.0.113.8', townSlug)).statusCode).toBe(429);
    } finally {
      await behind.close();
    }
  });

  it('ignores X-Forwarded-For from an address not trusted: a forged header changes nothing', async () => {
    for (let i = 0; i < 5; i++) expect((await fromProxy(t.app, `203.0.113.${20 + i}`)).statusCode).toBe(202);
    expect((await fromProxy(t.app, '203.0.113.99')).statusCode).toBe(429);
  });
});

describe('the web sites allowed to send the form (CORS)', () => {
  const site = 'https://www.mont-dore.example';

  it('refuses a browser post from a site the organisation has not allowed, then accepts it once allowed', async () => {
    const before = await countRows(t.app, 'correspondence_items');
    const refused = await send(request(), { origin: site });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect(await countRows(t.app, 'correspondence_items')).toBe(before);

    const set = await as(t.app, chief).put('/api/v1/correspondence/public-form', { allowedOrigins: [`${site}/`] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ allowedOrigins: [site], typeId: null });

    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: `/api/v1/public/requests/${slug}`,
      headers: { origin: site, 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(site);
    expect(preflight.headers['access-control-allow-methods']).toBe('POST');
    const accepted = await send(request(), { origin: site });
    expect(accepted.statusCode).toBe(202);
    expect(accepted.headers['access-control-allow-origin']).toBe(site);

    // Another organisation's setting does not open this one, nor the reverse.
    const elsewhere = await send(request(), { origin: site, orgSlug: otherSlug });
    expect(elsewhere.statusCode).toBe(403);
    const otherPreflight = await t.app.inject({
      method: 'OPTIONS',
      url: `/api/v1/public/requests/${otherSlug}`,
      headers: { origin: site, 'access-control-request-method': 'POST' },
    });
    expect(otherPreflight.headers['access-control-allow-origin']).toBeUndefined();
    expect((await as(t.app, otherChief).get('/api/v1/correspondence/public-form')).json()).toEqual({
      allowedOrigins: [],
      typeId: null,
    });
  });

  it('checks the setting (400 naming the entry, nothing written) and who may change it (403)', async () => {
    const before = await countRows(t.app, 'audit_log');
    const bad = await as(t.app, chief).put('/api/v1/correspondence/public-form', {
      allowedOrigins: ['https://ok.example', 'https://site.example/formulaire'],
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['allowedOrigins.1']);
    expect(await countRows(t.app, 'audit_log')).toBe(before);
    for (const cookie of [secretariat, await signIn(t.app, org.users.group_staff)]) {
      expect(
        (await as(t.app, cookie).put('/api/v1/correspondence/public-form', { allowedOrigins: [] })).statusCode,
      ).toBe(403);
      expect((await as(t.app, cookie).get('/api/v1/correspondence/public-form')).statusCode).toBe(403);
    }
  });

  it('gives the form’s requests the chosen type (its delay), kept when left out, and refuses another organisation’s type', async () => {
    const [mine] = await createItemTypes(t.app.ctx.db, org.orgId);
    const [theirs] = await createItemTypes(t.app.ctx.db, other.orgId);
    if (!mine || !theirs) throw new Error('no item types');
    const before = await countRows(t.app, 'audit_log');
    const foreign = await as(t.app, chief).put('/api/v1/correspondence/public-form', {
      allowedOrigins: [],
      typeId: theirs.id,
    });
    expect(foreign.statusCode).toBe(400);
    expect(paths(foreign)).toEqual(['typeId']);
    expect(await countRows(t.app, 'audit_log')).toBe(before);

    const set = await as(t.app, chief).put('/api/v1/correspondence/public-form', {
      allowedOrigins: [],
      typeId: mine.id,
    });
    expect(set.json()).toEqual({ allowedOrigins: [], typeId: mine.id });
    const kept = await as(t.app, chief).put('/api/v1/correspondence/public-form', {
      allowedOrigins: ['https://www.mont-dore.nc'],
    });
    expect(kept.json()).toEqual({ allowedOrigins: ['https://www.mont-dore.nc'], typeId: mine.id });

    const sent = await send(request({ subject: 'Demande typée par le formulaire' }));
    expect(sent.statusCode).toBe(202);
    const [item] = await queryRows<{ type_id: string | null; due_date: string | null }>(
      t.app.ctx.db,
      sql`select type_id, due_date::text from correspondence_items where subject = 'Demande typée par le formulaire'`,
    );
    expect(item?.type_id).toBe(mine.id);
    expect(item?.due_date).not.toBeNull();

    const cleared = await as(t.app, chief).put('/api/v1/correspondence/public-form', {
      allowedOrigins: [],
      typeId: null,
    });
    expect(cleared.json()).toEqual({ allowedOrigins: [], typeId: null });
  });
});
