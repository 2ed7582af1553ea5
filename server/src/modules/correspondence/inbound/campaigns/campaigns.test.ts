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
import { findCampaignItemIds } from '../queries/find-campaign-items';
import { postForm, TINY_PNG } from '../test-support';
import { bandKeysOf, fingerprintOf } from './campaign-fingerprint';
import { campaignCandidatesStatement } from './group-into-campaign';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let slug: string;
let otherSlug: string;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
let ip = 1;
const api = (role: TRole) => as(t.app, cookies[role]);
const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  const slugs = await queryRows<{ id: string; slug: string }>(t.app.ctx.db, sql`select id, slug from organisations`);
  slug = slugs.find((s) => s.id === org.orgId)?.slug ?? '';
  otherSlug = slugs.find((s) => s.id === other.orgId)?.slug ?? '';
});
afterAll(() => t.close());

const petition = (name: string, quarter: string) =>
  `Monsieur le Maire, je soussigné ${name}, habitant du quartier ${quarter}, m’associe à la demande des riverains : ` +
  'nous demandons la réouverture de la plage de la Conception à la baignade, fermée depuis le mois de mars, ' +
  'l’installation de poubelles de tri le long du sentier côtier et le passage d’un agent de surveillance le week-end. ' +
  'Les familles du quartier sont nombreuses à fréquenter ce site et ne comprennent pas sa fermeture prolongée. ' +
  'Veuillez agréer, Monsieur le Maire, l’expression de nos salutations distinguées.';

/** A request from the town's web site (each from its own address: the rate limit is per address). */
async function webRequest(
  name: string,
  message: string,
  subject = 'Réouverture de la plage de la Conception',
  orgSlug = slug,
) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/public/requests/${orgSlug}`,
    remoteAddress: `203.0.113.${ip++}`,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({
      name,
      email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.nc`,
      subject,
      message,
      consent: true,
    }),
  });
  expect(res.statusCode, res.body).toBe(202);
  const [row] = await queryRows<{ id: string }>(
    t.app.ctx.db,
    sql`select id from correspondence_items where registration_number = ${res.json().registrationNumber} and org_id in (${org.orgId}, ${other.orgId}) order by id desc limit 1`,
  );
  return row?.id ?? '';
}

describe('campaign fingerprints', () => {
  it('give near-identical texts a common band key and unrelated ones none', () => {
    const a = bandKeysOf(fingerprintOf('Plage', petition('Jean Dupont', 'Boulari')));
    const b = bandKeysOf(fingerprintOf('Plage', petition('Marie Wéa', 'Plum')));
    const c = bandKeysOf(
      fingerprintOf(
        'Chiens errants',
        'Des chiens errants effraient les enfants devant l’école de Yahoué chaque matin depuis la rentrée.',
      ),
    );
    expect(a).toHaveLength(16);
    expect(a.some((k) => b.includes(k))).toBe(true);
    expect(a.some((k) => c.includes(k))).toBe(false);
    expect(bandKeysOf(fingerprintOf('Bonjour', 'Merci'))).toEqual([]);
    expect(fingerprintOf('Éclairage', 'Rue  des Flamboyants !')).toBe('eclairage rue des flamboyants');
  });
});

describe('campaigns', () => {
  let first: string;
  let second: string;
  let third: string;
  let campaignId: string;

  it('groups near-identical requests of different writers in the last 90 days, named after the first', async () => {
    first = await webRequest('Jean Dupont', petition('Jean Dupont', 'Boulari'));
    // The same writer again is no campaign.
    await webRequest('Jean Dupont', petition('Jean Dupont', 'Boulari'));
    expect(await countRows(t.app, 'correspondence_campaigns')).toBe(0);
    second = await webRequest('Marie Wéa', petition('Marie Wéa', 'Plum'), 'Plage de la Conception');
    const list = await api('advisor').get('/api/v1/correspondence/campaigns');
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toHaveLength(1);
    campaignId = list.json().data[0].id;
    expect(list.json().data[0]).toMatchObject({ label: 'Réouverture de la plage de la Conception', itemCount: 3 });
    expect(list.json().data[0].firstItemId).toBe(first);

    third = await webRequest('Paul Néa', petition('Paul Néa', 'Saint-Michel'));
    await webRequest(
      'Léa Martin',
      'Des chiens errants effraient les enfants devant l’école de Yahoué chaque matin depuis la rentrée.',
    );
    const detail = await api('secretariat').get(`/api/v1/correspondence/campaigns/${campaignId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().itemCount).toBe(4);
    expect(detail.json().items.map((i: { senderName: string }) => i.senderName)).toEqual([
      'Jean Dupont',
      'Jean Dupont',
      'Marie Wéa',
      'Paul Néa',
    ]);
    expect(detail.json().policies).toEqual({ detach: true });
    const page = await api('secretariat').get(`/api/v1/correspondence/campaigns/${campaignId}?limit=2`);
    const rest = await api('secretariat').get(
      `/api/v1/correspondence/campaigns/${campaignId}?limit=2&cursor=${page.json().nextCursor}`,
    );
    expect(rest.json().items.map((i: { id: string }) => i.id)).toEqual([second, third]);
    expect(rest.json().nextCursor).toBeNull();
  });

  it('gives the reply circuit the other items of an item’s campaign', async () => {
    const others = await findCampaignItemIds(t.app.ctx.db, org.orgId, second);
    expect(others).toHaveLength(3);
    expect(others).toEqual(expect.arrayContaining([first, third]));
    expect(others).not.toContain(second);
    expect(await findCampaignItemIds(t.app.ctx.db, other.orgId, second)).toEqual([]);
  });

  it('groups letters and calls registered by the secretariat with the web requests of the same campaign', async () => {
    const text = (name: string) =>
      `Monsieur le Maire, moi ${name}, parent d’élève à l’école Jules-Garnier, je demande avec les autres familles ` +
      'le maintien du ramassage scolaire du matin sur la route de Yahoué, supprimé à la rentrée sans concertation, ' +
      'et un abri pour les enfants qui attendent le car sous la pluie. Nous comptons sur votre soutien. Respectueusement.';
    const first = await webRequest('Lucien Tein', text('Lucien Tein'), 'Ramassage scolaire de Yahoué');
    const letter = await api('secretariat').post('/api/v1/correspondence', {
      direction: 'in',
      channel: 'postal',
      subject: 'Ramassage scolaire de Yahoué',
      body: text('Aline Gope'),
      sender: { name: 'Aline Gope' },
    });
    expect(letter.statusCode).toBe(201);
    const call = await api('secretariat').post('/api/v1/correspondence', {
      direction: 'in',
      channel: 'phone',
      subject: 'Ramassage scolaire de Yahoué',
      body: text('Paul Kaouma'),
      sender: { name: 'Paul Kaouma', phone: '+687 27 12 34' },
    });
    expect(call.statusCode).toBe(201);
    const others = await findCampaignItemIds(t.app.ctx.db, org.orgId, first);
    expect(others.sort()).toEqual([letter.json().id, call.json().id].sort());
  });

  it('never groups a confidential item', async () => {
    const res = await postForm(
      t.app,
      cookies.chief_of_staff,
      '/api/v1/correspondence/scan',
      {
        subject: 'Réouverture de la plage de la Conception',
        senderName: 'Mme Sophie Kaloï',
        body: petition('Sophie Kaloï', 'Robinson'),
        confidentiality: 'confidential',
      },
      [{ name: 'lettre.png', content: TINY_PNG }],
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(await findCampaignItemIds(t.app.ctx.db, org.orgId, res.json().itemId)).toEqual([]);
    expect((await api('chief_of_staff').get(`/api/v1/correspondence/campaigns/${campaignId}`)).json().itemCount).toBe(
      4,
    );
  });

  it('keeps campaigns to their organisation and away from who may not see their items', async () => {
    // The same petition in another organisation is that organisation's business.
    await webRequest('Marc Other', petition('Marc Other', 'Ailleurs'), undefined, otherSlug);
    expect((await as(t.app, otherCookie).get('/api/v1/correspondence/campaigns')).json().data).toEqual([]);
    expect((await as(t.app, otherCookie).get(`/api/v1/correspondence/campaigns/${campaignId}`)).statusCode).toBe(404);
    expect(
      (await as(t.app, otherCookie).delete(`/api/v1/correspondence/campaigns/${campaignId}/items/${first}`)).statusCode,
    ).toBe(404);
    // Services see none of these items: no campaign either.
    expect((await api('services').get('/api/v1/correspondence/campaigns')).json().data).toEqual([]);
    expect((await api('services').get(`/api/v1/correspondence/campaigns/${campaignId}`)).statusCode).toBe(404);
    for (const role of ['group_staff', 'admin'] as const) {
      expect((await api(role).get('/api/v1/correspondence/campaigns')).statusCode, role).toBe(403);
      // Group staff are not told that a campaign exists (refusalStatus).
      expect((await api(role).get(`/api/v1/correspondence/campaigns/${campaignId}`)).statusCode, role).toBe(
        role === 'group_staff' ? 404 : 403,
      );
    }
    expect(
      (await api('services').delete(`/api/v1/correspondence/campaigns/${campaignId}/items/${first}`)).statusCode,
    ).toBe(403);
  });

  it('answers 400 for a bad cursor or id and 404 for an item not in the campaign, writing nothing', async () => {
    const before = {
      links: await countRows(t.app, 'correspondence_campaign_items'),
      audit: await countRows(t.app, 'audit_log'),
    };
    const cursor = await api('advisor').get('/api/v1/correspondence/campaigns?cursor=abc');
    expect(cursor.statusCode).toBe(400);
    expect(paths(cursor)).toEqual(['cursor']);
    expect(paths(await api('advisor').get('/api/v1/correspondence/campaigns/pas-un-id'))).toEqual(['id']);
    const badId = await api('advisor').delete(`/api/v1/correspondence/campaigns/${campaignId}/items/pas-un-id`);
    expect(badId.statusCode).toBe(400);
    expect(paths(badId)).toEqual(['itemId']);
    const stranger = await webRequest(
      'Léa Chiens',
      'Bonjour, une question sur la cantine scolaire de Pont-des-Français pour la rentrée prochaine.',
    );
    expect(
      (await api('advisor').delete(`/api/v1/correspondence/campaigns/${campaignId}/items/${stranger}`)).statusCode,
    ).toBe(404);
    expect(await countRows(t.app, 'correspondence_campaign_items')).toBe(before.links);
    expect(await countRows(t.app, 'audit_log')).toBe(before.audit + 3); // the stranger's registration only
  });

  it('detaches an item grouped by mistake, and dissolves a campaign left with one item', async () => {
    const res = await api('advisor').delete(`/api/v1/correspondence/campaigns/${campaignId}/items/${first}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ dissolved: false });
    const detail = (await api('advisor').get(`/api/v1/correspondence/campaigns/${campaignId}`)).json();
    expect(detail.itemCount).toBe(3);
    expect(detail.firstItemId).not.toBe(first);
    expect(await findCampaignItemIds(t.app.ctx.db, org.orgId, first)).toEqual([]);
    const left = detail.items.map((i: { id: string }) => i.id) as string[];
    await api('advisor').delete(`/api/v1/correspondence/campaigns/${campaignId}/items/${left[0]}`);
    const last = await api('advisor').delete(`/api/v1/correspondence/campaigns/${campaignId}/items/${left[1]}`);
    expect(last.json()).toEqual({ dissolved: true });
    expect((await api('advisor').get(`/api/v1/correspondence/campaigns/${campaignId}`)).statusCode).toBe(404);
    const [audit] = await queryRows<{ action: string }>(
      t.app.ctx.db,
      sql`select action from audit_log where record_id = ${left[1]} order by id desc limit 1`,
    );
    expect(audit?.action).toBe('correspondence.campaign_detach');
  });
});

describe('finding the matches at volume', () => {
  it('reads candidates from the band index alone, at most 200 per key, the closest first, not the register (EXPLAIN on 3,000 fingerprinted items)', async () => {
    const db = t.app.ctx.db;
    // 3,000 items of the other organisation, each with its fingerprint and 16 random band keys.
    await db.execute(sql`
      insert into correspondence_items (id, org_id, direction, registration_number, year, sequence, channel, subject, body, received_at, sender_name)
      select gen_random_uuid(), ${other.orgId}, 'in', 'BENCH-' || g, 2026, 100000 + g, 'email', 'Objet ' || g, 'Texte ' || g,
             now() - (g || ' minutes')::interval, 'Expéditeur ' || g
      from generate_series(1, 3000) g`);
    await db.execute(sql`
      insert into correspondence_fingerprints (item_id, org_id, received_at, sender_key, fingerprint)
      select id, org_id, received_at, 'name:' || sender_name, 'texte numero ' || sequence || ' ' || md5(id::text)
      from correspondence_items where org_id = ${other.orgId} and registration_number like 'BENCH-%'`);
    await db.execute(sql`
      insert into correspondence_fingerprint_bands (item_id, org_id, band, received_at)
      select f.item_id, f.org_id, (b::bigint << 52) | (abs(hashtextextended(f.item_id::text || b, 0)) & 4503599627370495), f.received_at
      from correspondence_fingerprints f, generate_series(0, 15) b where f.org_id = ${other.orgId}`);
    const fingerprint = fingerprintOf('Plage', petition('Test', 'Plum'));
    const probe = bandKeysOf(fingerprint);
    // 2,000 of them share one key with the probe (a turn of phrase), 50 share three (close letters).
    const keys = (n: number) => `{${probe.slice(0, n).join(',')}}`;
    await db.execute(sql`
      insert into correspondence_fingerprint_bands (item_id, org_id, band, received_at)
      select f.item_id, f.org_id, k.band, f.received_at
      from (select item_id, org_id, received_at, row_number() over (order by item_id) n
            from correspondence_fingerprints where org_id = ${other.orgId}) f
      cross join lateral unnest(case when f.n <= 50 then ${keys(3)}::bigint[] when f.n <= 2050 then ${keys(1)}::bigint[]
        else '{}'::bigint[] end) k(band)
      on conflict do nothing`);
    const close = await queryRows<{ item_id: string }>(
      db,
      sql`select item_id from correspondence_fingerprints where org_id = ${other.orgId} order by item_id limit 50`,
    );
    // As autovacuum leaves a register that has lived: its pages all-visible, so an index-only scan reads no heap.
    await db.execute(sql`vacuum analyze correspondence_fingerprint_bands`);
    await db.execute(sql`analyze correspondence_fingerprints`);
    const statement = campaignCandidatesStatement({
      orgId: other.orgId,
      itemId: '01900000-0000-7000-8000-000000000000',
      bands: bandKeysOf(fingerprint),
      since: new Date(Date.now() - 90 * 86_400_000),
      senderKey: 'name:test',
    });
    // Of 2,050 candidates, the 200 scored hold the 50 sharing the most keys.
    const candidates = await queryRows<{ item_id: string }>(db, statement);
    expect(candidates).toHaveLength(200);
    const scored = new Set(candidates.map((c) => c.item_id));
    expect(close.filter((c) => !scored.has(c.item_id))).toEqual([]);
    const plan = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain analyze ${statement}`);
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    // The band keys are read from the index alone: one heap page per entry was thousands at L.
    expect(text).toMatch(/Index Only Scan (Backward )?using correspondence_fingerprint_bands_lookup_idx/);
    expect(text).toMatch(/Heap Fetches: 0/);
    expect(text).not.toMatch(/Seq Scan on correspondence_fingerprint/);
    expect(text).toMatch(/Index Scan using correspondence_fingerprints_pkey/);
    // Each key gives at most its 200 most recent entries, the key 2,050 letters share too:
    // 200 + 50 + 50 entries read (and the earlier tests' few letters), where the whole key
    // alone was 2,050 (rows is a mean per loop).
    const [, rows, loops] = /Index Only Scan .*?rows=([\d.]+) loops=(\d+)/.exec(text) ?? [];
    expect(Number(loops)).toBe(16);
    expect(Math.round(Number(rows) * Number(loops))).toBeGreaterThanOrEqual(300);
    expect(Math.round(Number(rows) * Number(loops))).toBeLessThan(400);
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1]);
    // About 1 ms here (index scan of 16 keys, nothing to compare); the bound leaves room for a loaded machine.
    expect(ms).toBeLessThan(250);
  }, 180_000);
});
