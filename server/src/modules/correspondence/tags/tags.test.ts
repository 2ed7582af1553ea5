import { ROLES, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../../test/test-app';
import { queryRows } from '../../../platform/db/client';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
});
afterAll(() => t.close());

let n = 0;
async function register(over: Record<string, unknown> = {}) {
  n += 1;
  const res = await api('secretariat').post('/api/v1/correspondence', {
    direction: 'in',
    channel: 'postal',
    subject: `Demande ${n}`,
    sender: { name: `Administré ${n}` },
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; tags: string[]; status: string };
}

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

async function tagsOf(id: string): Promise<string[]> {
  const rows = await queryRows<{ tags: string[] }>(
    t.app.ctx.db,
    sql`select tags from correspondence_items where id = ${id}`,
  );
  return rows[0]?.tags ?? [];
}

async function tagAudits(id: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    t.app.ctx.db,
    sql`select count(*)::int as n from audit_log where record_id = ${id} and action = 'correspondence.tag'`,
  );
  return rows[0]?.n ?? 0;
}

describe('tags at registration and by PATCH', () => {
  it('keeps the first spelling, trims and collapses spaces, and drops a second spelling of the same tag', async () => {
    const item = await register({ tags: ['  Éclairage   public ', 'éclairage public', 'Urgent'] });
    expect(item.tags).toEqual(['Éclairage public', 'Urgent']);
    const patched = await api('secretariat').patch(`/api/v1/correspondence/${item.id}`, { tags: ['Voirie'] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().tags).toEqual(['Voirie']);
    const rows = await queryRows<{ tag_keys: string[] }>(
      t.app.ctx.db,
      sql`select tag_keys from correspondence_items where id = ${item.id}`,
    );
    expect(rows[0]?.tag_keys).toEqual(['voirie']);
  });

  it('refuses a tag too long, empty, with a comma, or too many, and writes nothing', async () => {
    const item = await register({ tags: ['Avant'] });
    for (const [tags, path] of [
      [['x'.repeat(41)], 'tags.0'],
      [['   '], 'tags.0'],
      [['a,b'], 'tags.0'],
      [Array.from({ length: 21 }, (_, i) => `t${i}`), 'tags'],
    ] as const) {
      const res = await api('secretariat').patch(`/api/v1/correspondence/${item.id}`, { tags });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(paths(res)).toContain(path);
      const created = await api('secretariat').post('/api/v1/correspondence', {
        direction: 'in',
        channel: 'postal',
        subject: 'Refusé',
        sender: { name: 'X' },
        tags,
      });
      expect(created.statusCode).toBe(400);
    }
    expect(await tagsOf(item.id)).toEqual(['Avant']);
  });
});

describe('bulk tags', () => {
  it('adds and removes tags on several items at any stage, audits each change and skips what the actor may not tag', async () => {
    const a = await register({ tags: ['Voirie'] });
    const b = await register();
    const hidden = await register({ confidentiality: 'confidential' });
    // Routed items are past PATCH, not past tagging.
    const routed = await api('secretariat').post(`/api/v1/correspondence/${b.id}/route`, {
      assignments: [{ userId: org.users.advisor.id, mode: 'action' }],
    });
    expect(routed.statusCode, routed.body).toBe(200);
    const otherItem = await as(t.app, otherCookie).post('/api/v1/correspondence', {
      direction: 'in',
      channel: 'postal',
      subject: 'Ailleurs',
      sender: { name: 'Y' },
    });
    const res = await api('cabinet_head').post('/api/v1/correspondence/tags', {
      itemIds: [a.id, b.id, hidden.id, otherItem.json().id],
      add: ['À rappeler', 'VOIRIE'],
      remove: [],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().updated).toBe(2);
    expect(res.json().skippedIds.sort()).toEqual([hidden.id, otherItem.json().id].sort());
    // « VOIRIE » is the tag already there: its first spelling stays.
    expect(await tagsOf(a.id)).toEqual(['Voirie', 'À rappeler']);
    expect(await tagsOf(b.id)).toEqual(['À rappeler', 'VOIRIE']);
    expect(await tagsOf(hidden.id)).toEqual([]);
    expect(await tagAudits(a.id)).toBe(1);

    const removed = await api('cabinet_head').post('/api/v1/correspondence/tags', {
      itemIds: [a.id, b.id],
      remove: ['à RAPPELER'],
    });
    expect(removed.statusCode).toBe(200);
    expect(await tagsOf(a.id)).toEqual(['Voirie']);
    expect(await tagsOf(b.id)).toEqual(['VOIRIE']);
    // Adding a tag already there changes nothing and writes no audit row.
    await api('cabinet_head').post('/api/v1/correspondence/tags', { itemIds: [a.id], add: ['voirie'] });
    expect(await tagAudits(a.id)).toBe(2);
  });

  it('refuses bad input with the field and writes nothing', async () => {
    const a = await register({ tags: ['Garde'] });
    for (const [body, path] of [
      [{ itemIds: [], add: ['x'] }, 'itemIds'],
      [{ itemIds: ['not-a-uuid'], add: ['x'] }, 'itemIds.0'],
      [{ itemIds: [a.id] }, 'add'],
      [{ itemIds: [a.id], add: ['x'.repeat(41)] }, 'add.0'],
      [{ itemIds: [a.id], add: ['x'], extra: 1 }, ''],
    ] as const) {
      const res = await api('secretariat').post('/api/v1/correspondence/tags', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (path) expect(paths(res)).toContain(path);
    }
    expect(await tagsOf(a.id)).toEqual(['Garde']);
  });

  it('refuses the whole request when an item would pass 20 tags, naming it, and writes nothing', async () => {
    // Registered first, the light item is tagged first (ids in order): the refusal undoes it.
    const light = await register({ tags: ['Seule'] });
    const full = await register({ tags: Array.from({ length: 20 }, (_, i) => `Étiquette ${i}`) });
    const res = await api('secretariat').post('/api/v1/correspondence/tags', {
      itemIds: [light.id, full.id],
      add: ['Une de trop'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('aurait plus de 20 étiquettes');
    expect(paths(res)).toEqual(['add']);
    expect(await tagsOf(light.id)).toEqual(['Seule']);
    expect(await tagsOf(full.id)).toHaveLength(20);
    expect(await tagAudits(light.id)).toBe(0);
  });

  it('is the cabinet’s: services, officials, group staff and the admin get 403', async () => {
    const a = await register();
    for (const role of ['services', 'official', 'group_staff', 'admin'] as const) {
      const res = await api(role).post('/api/v1/correspondence/tags', { itemIds: [a.id], add: ['x'] });
      expect(res.statusCode, role).toBe(403);
      expect((await api(role).get('/api/v1/correspondence/tags')).statusCode, role).toBe(403);
    }
    expect(await tagsOf(a.id)).toEqual([]);
  });
});

describe('the tag filter and the suggestions', () => {
  it('filters by any spelling of a tag, with the other filters and cursor paging', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await register({ tags: ['Marché de Noël'], channel: 'email' })).id);
    await register({ tags: ['Marché de Noël'], channel: 'phone' });
    await register({ tags: ['Autre'], channel: 'email' });
    const first = await api('secretariat').get(
      `/api/v1/correspondence?tag=${encodeURIComponent('  marché DE noël ')}&channel=email&limit=2`,
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data.map((x: { id: string }) => x.id)).toEqual([ids[2], ids[1]]);
    const second = await api('secretariat').get(
      `/api/v1/correspondence?tag=${encodeURIComponent('marché de noël')}&channel=email&limit=2&cursor=${first.json().nextCursor}`,
    );
    expect(second.json().data.map((x: { id: string }) => x.id)).toEqual([ids[0]]);
    expect(second.json().nextCursor).toBeNull();
    const bad = await api('secretariat').get(`/api/v1/correspondence?tag=${'x'.repeat(41)}`);
    expect(bad.statusCode).toBe(400);
  });

  it('suggests the most used tags in their most frequent spelling, by prefix, never one only on a hidden item', async () => {
    await register({ tags: ['Piscine'] });
    await register({ tags: ['Piscine', 'Pétition'] });
    await register({ tags: ['piscine'] });
    await register({ tags: ['Pistes secrètes'], confidentiality: 'confidential' });
    const res = await api('advisor').get(`/api/v1/correspondence/tags?q=${encodeURIComponent('PI')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toEqual([{ tag: 'Piscine', count: 3 }]);
    const pe = await api('advisor').get(`/api/v1/correspondence/tags?q=${encodeURIComponent('pé')}`);
    expect(pe.json().data).toEqual([{ tag: 'Pétition', count: 1 }]);
    // The secretariat registered the confidential item and is named on it.
    const own = await api('secretariat').get('/api/v1/correspondence/tags?q=pis');
    expect(own.json().data.map((x: { tag: string }) => x.tag)).toContain('Pistes secrètes');
    // Another organisation's tags are not suggested.
    const elsewhere = await as(t.app, otherCookie).get('/api/v1/correspondence/tags?q=pi');
    expect(elsewhere.json().data).toEqual([]);
    expect((await api('advisor').get('/api/v1/correspondence/tags?limit=0')).statusCode).toBe(400);
  });

  it('serves the filter from the GIN index of the keys (EXPLAIN)', async () => {
    // A test database holds a handful of rows: a sequential scan, or the organisation's date
    // index, wins unless forbidden; this proves the key condition is one the GIN index serves.
    const rows = await t.app.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return queryRows<{ 'QUERY PLAN': string }>(
        tx,
        sql`explain select id from correspondence_items where tag_keys @> array['piscine']::text[]`,
      );
    });
    expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('correspondence_items_tag_keys_idx');
  });
});
