import { ROLES, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../../test/test-app';
import { queryRows } from '../../../platform/db/client';
import { indexItem } from '../commands/index-item';
import { correspondenceItems } from '../correspondence.schema';

// The search entry of an item names who may find it; a member who changes service, or an
// official whose portfolios change, must find (or stop finding) its items at once, as the
// inbox list (which reads the live rules) does.

let t: TestApp;
let org: TestOrg;
const cookies = {} as Record<TRole, string>;
const services = {} as Record<'voirie' | 'social', string>;
let officialId: string;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  for (const [key, name] of [
    ['voirie', 'Services techniques'],
    ['social', 'Action sociale'],
  ] as const) {
    const res = await api('chief_of_staff').post('/api/v1/services', { name, topics: [] });
    expect(res.statusCode, res.body).toBe(201);
    services[key] = res.json().id;
  }
  const moved = await api('admin').patch(`/api/v1/members/${org.users.services.id}`, { serviceId: services.social });
  expect(moved.statusCode, moved.body).toBe(200);
  const contact = await api('chief_of_staff').post('/api/v1/contacts', {
    kind: 'person',
    firstName: 'Léa',
    lastName: 'Adjointe',
  });
  const official = await api('chief_of_staff').post('/api/v1/officials', {
    contactId: contact.json().id,
    userId: org.users.official.id,
    portfolios: ['culture'],
  });
  expect(official.statusCode, official.body).toBe(201);
  officialId = official.json().id;
});
afterAll(() => t.close());

async function register(subject: string, over: Record<string, unknown> = {}) {
  const res = await api('secretariat').post('/api/v1/correspondence', {
    direction: 'in',
    channel: 'email',
    subject,
    body: 'Bonjour, merci de votre aide.',
    sender: { name: 'Mme Armelle TEIN', email: 'armelle.tein@example.nc' },
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

async function finds(role: TRole, q: string, id: string): Promise<boolean> {
  const res = await api(role).get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);
  expect(res.statusCode).toBe(200);
  return (res.json().groups as { kind: string; hits: { recordId: string }[] }[])
    .filter((g) => g.kind === 'mail')
    .some((g) => g.hits.some((h) => h.recordId === id));
}

const listed = async (role: TRole, id: string) =>
  ((await api(role).get('/api/v1/correspondence?limit=100')).json().data as { id: string }[]).some((i) => i.id === id);

describe('search audience follows changes of reach', () => {
  it('a services member moved out of the service routed to stops finding the item, and one moved in finds it', async () => {
    const item = await register('Trottoir effondré quai Ferry');
    const routed = await api('secretariat').post(`/api/v1/correspondence/${item.id}/route`, {
      assignments: [{ serviceId: services.voirie, mode: 'action' }],
    });
    expect(routed.statusCode, routed.body).toBe(200);
    expect(await finds('services', 'trottoir effondré', item.id)).toBe(false);

    await api('admin').patch(`/api/v1/members/${org.users.services.id}`, { serviceId: services.voirie });
    expect(await listed('services', item.id)).toBe(true);
    expect(await finds('services', 'trottoir effondré', item.id)).toBe(true);

    await api('admin').patch(`/api/v1/members/${org.users.services.id}`, { serviceId: services.social });
    expect(await listed('services', item.id)).toBe(false);
    expect(await finds('services', 'trottoir effondré', item.id)).toBe(false);
  });

  it('an official finds the items of a portfolio given, and no longer those of a portfolio taken away', async () => {
    const item = await register('Subvention du festival des cerfs', { topic: 'festivals' });
    expect(await finds('official', 'festival des cerfs', item.id)).toBe(false);

    const given = await api('chief_of_staff').patch(`/api/v1/officials/${officialId}`, {
      portfolios: ['culture', 'festivals'],
    });
    expect(given.statusCode, given.body).toBe(200);
    expect(await finds('official', 'festival des cerfs', item.id)).toBe(true);

    await api('chief_of_staff').patch(`/api/v1/officials/${officialId}`, { portfolios: ['culture'] });
    expect(await finds('official', 'festival des cerfs', item.id)).toBe(false);
  });

  it('a confidential item stays out of reach of the service it is routed to, whatever the moves', async () => {
    const item = await register('Situation personnelle délicate rue Higginson', { confidentiality: 'confidential' });
    await api('chief_of_staff').post(`/api/v1/correspondence/${item.id}/route`, {
      assignments: [{ serviceId: services.social, mode: 'action' }],
    });
    await api('admin').patch(`/api/v1/members/${org.users.services.id}`, { serviceId: services.voirie });
    await api('admin').patch(`/api/v1/members/${org.users.services.id}`, { serviceId: services.social });
    expect(await finds('services', 'situation personnelle délicate', item.id)).toBe(false);
  });

  it('computes, for every item, the same audience as indexing it one by one', async () => {
    const rows = await t.app.ctx.db.select().from(correspondenceItems);
    const bulk = await queryRows<{ record_id: string; members: string[] }>(
      t.app.ctx.db,
      sql`select record_id, members from search_index where kind = 'mail' and org_id = ${org.orgId}`,
    );
    expect(bulk.length).toBeGreaterThanOrEqual(3);
    await t.app.ctx.db.transaction(async (tx) => {
      for (const row of rows) await indexItem(tx, row);
    });
    const oneByOne = await queryRows<{ record_id: string; members: string[] }>(
      t.app.ctx.db,
      sql`select record_id, members from search_index where kind = 'mail' and org_id = ${org.orgId}`,
    );
    const sets = (list: { record_id: string; members: string[] }[]) =>
      Object.fromEntries(list.map((r) => [r.record_id, [...r.members].sort()]));
    expect(sets(bulk)).toEqual(sets(oneByOne));
  });
});
