import type { TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';
import { queryRows } from '../db/client';
import type { Actor } from '../policy/actor';
import { searchIndex } from './search.schema';
import { type IndexRecordInput, indexRecord, removeFromIndex } from './search-index';
import { buildSearchQuery, searchCandidates } from './search-records';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['admin', 'advisor']);
});
afterAll(() => t.close());

/** A session per user, signed in once (sign-in hashes on purpose: it is slow). */
async function cookieOf(user: { id: string; email: string; password: string }) {
  let cookie = cookies.get(user.id);
  if (!cookie) {
    cookie = await signIn(t.app, user);
    cookies.set(user.id, cookie);
  }
  return cookie;
}

interface SearchBody {
  q: string;
  groups: { kind: string; hits: { kind: string; recordId: string; title: string; snippet: string; url: string }[] }[];
}

async function search(role: TRole, q: string, params = '', who: TestOrg = org): Promise<SearchBody> {
  const res = await as(t.app, await cookieOf(who.users[role])).get(
    `/api/v1/search?q=${encodeURIComponent(q)}${params}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const titles = (body: SearchBody) => body.groups.flatMap((g) => g.hits.map((h) => h.title));

async function index(...records: IndexRecordInput[]) {
  await t.app.ctx.db.transaction(async (tx) => {
    for (const record of records) await indexRecord(tx, record);
  });
}

describe('GET /api/v1/search', () => {
  it('finds members whatever the accents, the case or a typo in the name', async () => {
    const admin = as(t.app, await cookieOf(org.users.admin));
    for (const name of ['JULIÉ Marchand', 'Jean Dupont', 'Elodie Wamytan']) {
      const email = `${name.split(' ')[1]?.toLowerCase()}@test.example`;
      const res = await admin.post('/api/v1/members', { name, email, role: 'advisor', jobTitle: 'Chargée de mission' });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(titles(await search('executive', 'julie'))).toContain('JULIÉ Marchand');
    expect(titles(await search('executive', 'Dupond'))).toContain('Jean Dupont');
    expect(titles(await search('executive', 'élodie'))).toContain('Elodie Wamytan');
    const hit = (await search('advisor', 'dupont')).groups.find((g) => g.kind === 'member')?.hits[0];
    expect(hit).toMatchObject({ kind: 'member', title: 'Jean Dupont' });
    expect(hit?.url).toMatch(/^\/admin\/members\/[0-9a-f-]{36}$/);
    expect(hit?.snippet).toContain('Chargée de mission');
  });

  it('finds a word from its first letters, and a member by role once it changes', async () => {
    await index({
      orgId: org.orgId,
      kind: 'mail',
      recordId: 'mail-maire',
      title: 'Invitation du maire à l’inauguration',
      body: 'Le maire inaugure la nouvelle école de Boulari.',
      url: '/mail/mail-maire',
      confidentiality: 'normal',
    });
    expect(titles(await search('advisor', 'mair'))).toContain('Invitation du maire à l’inauguration');
    expect(titles(await search('advisor', 'inauguration ecole'))).toContain('Invitation du maire à l’inauguration');

    const target = org.users.communication;
    expect(titles(await search('advisor', 'protocole'))).not.toContain(target.name);
    const admin = as(t.app, await cookieOf(org.users.admin));
    const res = await admin.patch(`/api/v1/members/${target.id}`, { jobTitle: 'Responsable du protocole' });
    expect(res.statusCode, res.body).toBe(200);
    expect(titles(await search('advisor', 'protocole'))).toContain(target.name);
  });

  it('groups hits by kind, best group first, at most `limit` per kind', async () => {
    const road = (kind: string, n: number, title: string): IndexRecordInput => ({
      orgId: org.orgId,
      kind,
      recordId: `${kind}-voirie-${n}`,
      title,
      body: 'Réfection de la voirie et des trottoirs du quartier.',
      url: `/${kind}/${n}`,
      confidentiality: 'normal',
    });
    await index(
      road('case', 1, 'Voirie de la rue des Cocotiers'),
      road('case', 2, 'Voirie : plan pluriannuel'),
      road('mail', 1, 'Courrier de riverains'),
      road('mail', 2, 'Pétition des parents d’élèves'),
      road('mail', 3, 'Demande de ralentisseur'),
    );
    const body = await search('advisor', 'voirie', '&limit=2');
    expect(body.groups.map((g) => g.kind)).toEqual(['case', 'mail']);
    expect(body.groups[0]?.hits).toHaveLength(2);
    expect(body.groups[1]?.hits).toHaveLength(2);
    for (const group of body.groups) {
      expect(group.hits.every((h) => h.kind === group.kind)).toBe(true);
      const scores = group.hits.map((h) => (h as unknown as { score: number }).score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    // The snippet is plain text from the body.
    expect(body.groups[1]?.hits[0]?.snippet).toMatch(/voirie/);
    expect(body.groups[1]?.hits[0]?.snippet).not.toMatch(/<b>/);

    await t.app.ctx.db.transaction((tx) =>
      removeFromIndex(tx, { orgId: org.orgId, kind: 'case', recordId: 'case-voirie-1' }),
    );
    const after = await search('advisor', 'voirie', '&limit=5');
    expect(titles(after)).not.toContain('Voirie de la rue des Cocotiers');
    expect(after.groups.find((g) => g.kind === 'mail')?.hits).toHaveLength(3);
  });

  it('finds the records holding every word of a sentence, not every title sharing most of its letters', async () => {
    const pothole = (n: number, place: string): IndexRecordInput => ({
      orgId: org.orgId,
      kind: 'mail',
      recordId: `mail-pothole-${n}`,
      title: `Nid-de-poule rue des Flamboyants à ${place}`,
      body: 'Les riverains signalent un trou dans la chaussée.',
      url: `/mail/pothole-${n}`,
      confidentiality: 'normal',
    });
    await index(pothole(1, 'Boulari'), pothole(2, 'Yahoué'), pothole(3, 'Saint-Michel'));
    // The trigram similarity of the whole sentence found the three (the words « nid de poule »
    // are two thirds of its letters); the words find the one in Boulari.
    expect(titles(await search('advisor', 'nid-de-poule boulari'))).toEqual([
      'Nid-de-poule rue des Flamboyants à Boulari',
    ]);
    expect(titles(await search('advisor', 'nids de poules')).sort()).toEqual([
      'Nid-de-poule rue des Flamboyants à Boulari',
      'Nid-de-poule rue des Flamboyants à Saint-Michel',
      'Nid-de-poule rue des Flamboyants à Yahoué',
    ]);
    // A typo in a place still finds it, the words finding nothing.
    expect(titles(await search('advisor', 'Flamboyant Yahoue'))).toContain('Nid-de-poule rue des Flamboyants à Yahoué');
    expect(titles(await search('advisor', 'Flambolants'))).toHaveLength(3);
  });

  it('completes the last word when the words as typed fill no page', async () => {
    const place = (n: number, title: string): IndexRecordInput => ({
      orgId: org.orgId,
      kind: 'case',
      recordId: `case-boul-${n}`,
      title,
      url: `/cases/boul-${n}`,
      confidentiality: 'normal',
    });
    await index(place(1, 'Concours de boules du 14 juillet'), place(2, 'Marché de Boulouparis'));
    // « boul » is a word (the stem of « boules »), found once: the start of « Boulouparis » too.
    expect(titles(await search('advisor', 'boul'))).toEqual(
      expect.arrayContaining(['Concours de boules du 14 juillet', 'Marché de Boulouparis']),
    );
    // With a page of one, the word alone fills it.
    expect(titles(await search('advisor', 'boul', '&limit=1'))).toEqual(['Concours de boules du 14 juillet']);
  });

  it('shows a restricted record to the cabinet, not to an official nor to the services', async () => {
    await index({
      orgId: org.orgId,
      kind: 'note',
      recordId: 'note-restricted',
      title: 'Stratégie budgétaire quinquennale',
      url: '/notes/note-restricted',
      confidentiality: 'restricted',
    });
    for (const role of ['executive', 'chief_of_staff', 'cabinet_head', 'advisor'] as const) {
      expect(titles(await search(role, 'quinquennale')), role).toContain('Stratégie budgétaire quinquennale');
    }
    for (const role of ['official', 'services'] as const) {
      expect(titles(await search(role, 'quinquennale')), role).toEqual([]);
    }
  });

  it('shows a confidential record to the executive, the chief of staff and the people named on it only', async () => {
    const named = org.users.official;
    await index({
      orgId: org.orgId,
      kind: 'case',
      recordId: 'case-confidential',
      title: 'Protocole transactionnel confidentiel',
      body: 'Contentieux avec un ancien prestataire.',
      url: '/cases/case-confidential',
      confidentiality: 'confidential',
      members: [named.id],
    });
    for (const role of ['executive', 'chief_of_staff', 'official'] as const) {
      expect(titles(await search(role, 'transactionnel')), role).toContain('Protocole transactionnel confidentiel');
    }
    for (const role of ['cabinet_head', 'advisor', 'services', 'secretariat'] as const) {
      expect(titles(await search(role, 'transactionnel')), role).toEqual([]);
    }
  });

  it('never shows another organisation’s records', async () => {
    await index({
      orgId: other.orgId,
      kind: 'mail',
      recordId: 'mail-elsewhere',
      title: 'Subvention du club de pirogue',
      url: '/mail/mail-elsewhere',
      confidentiality: 'normal',
    });
    expect(titles(await search('advisor', 'pirogue', '', other))).toEqual(['Subvention du club de pirogue']);
    for (const role of ['executive', 'chief_of_staff', 'advisor'] as const) {
      expect(titles(await search(role, 'pirogue')), role).toEqual([]);
    }
    // Nor its members.
    expect(titles(await search('executive', other.users.advisor.name))).not.toContain(other.users.advisor.name);
  });

  it('gives nothing to the admin (403: not a content role) nor to a group’s staff', async () => {
    const admin = await as(t.app, await cookieOf(org.users.admin)).get('/api/v1/search?q=voirie');
    expect(admin.statusCode).toBe(403);
    expect(admin.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await search('group_staff', 'voirie')).groups).toEqual([]);
    expect((await search('group_staff', org.users.executive.name)).groups).toEqual([]);
  });

  it('answers nothing, not an error, to text without letters or digits', async () => {
    expect((await search('advisor', '!!! :* & |')).groups).toEqual([]);
    expect((await search('advisor', "l'")).groups).toBeDefined();
  });

  it('rejects bad input with problem+json naming the field', async () => {
    const api = as(t.app, await cookieOf(org.users.advisor));
    const cases: [string, string][] = [
      ['/api/v1/search', 'q'],
      ['/api/v1/search?q=', 'q'],
      ['/api/v1/search?q=%20%20', 'q'],
      ['/api/v1/search?q=voirie&limit=0', 'limit'],
      ['/api/v1/search?q=voirie&limit=abc', 'limit'],
      ['/api/v1/search?q=voirie&kind=mail', 'kind'],
    ];
    for (const [url, path] of cases) {
      const res = await api.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        url,
      ).toContain(path);
    }
  });

  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/search?q=voirie' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});

describe('search plan', () => {
  // Both GIN indexes must serve the search once the table has some size. PGlite's planner is
  // PostgreSQL's (same version, same cost model): the same plan is asserted on both. The data
  // must be varied like real names and letters: with a handful of repeated words, a query
  // matches a fifth of the table and a sequential scan is rightly cheaper.
  it('uses the trigram index for names and the full-text index for words', async () => {
    const { db } = t.app.ctx;
    const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'za', 'bi', 'de', 'fo', 'gu', 'hi', 'jo', 'pe', 'si'];
    let seed = 7;
    const word = (n: number) =>
      Array.from({ length: n }, () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return syllables[seed % syllables.length];
      }).join('');
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      orgId: org.orgId,
      kind: i % 3 === 0 ? 'member' : 'mail',
      recordId: `bulk-${i}`,
      title: i === 1234 ? 'Jean-Marie Tjibaou' : `${word(2)} ${word(3)}`,
      body: `Courrier ${word(4)} ${word(3)} ${i % 300 === 0 ? 'assainissement' : word(4)} du quartier ${i % 97}.`,
      url: `/bulk/${i}`,
      confidentiality: (['normal', 'restricted', 'confidential'] as const)[i % 3],
    }));
    for (let i = 0; i < rows.length; i += 500) await db.insert(searchIndex).values(rows.slice(i, i + 500));
    // Vacuumed as autovacuum would: on PostgreSQL the GIN pending list (migration 0009) holds the
    // 3,000 fresh rows, which the planner rightly prices above a sequential scan of so small a table.
    await db.execute(sql`vacuum analyze search_index`);

    const actor: Actor = {
      userId: org.users.advisor.id,
      name: org.users.advisor.name,
      email: org.users.advisor.email,
      orgId: org.orgId,
      role: 'advisor',
      sessionId: 'explain',
      ip: '127.0.0.1',
    };
    const plan = async (q: string) => {
      const statement = buildSearchQuery(actor, { q, limit: 10 });
      if (!statement) throw new Error('no statement');
      const rows = await queryRows<Record<string, string>>(db, sql`explain ${statement}`);
      return rows.map((r) => Object.values(r).join(' ')).join('\n');
    };
    const byName = await plan('Tjibaou');
    expect(byName, byName).toMatch(/Bitmap Index Scan on search_title_trgm_idx/);
    const byWord = await plan('assainissement');
    expect(byWord, byWord).toMatch(/Bitmap Index Scan on search_document_idx/);
    expect(byWord).not.toMatch(/Seq Scan/);

    // The words fill a page: neither the prefix form nor the trigram index is even read.
    const analyzed = async (q: string) => {
      const statement = buildSearchQuery(actor, { q, limit: 10 });
      if (!statement) throw new Error('no statement');
      const rows = await queryRows<Record<string, string>>(db, sql`explain (analyze, costs off) ${statement}`);
      return rows.map((r) => Object.values(r).join(' ')).join('\n');
    };
    const wordRun = await analyzed('assainissement');
    expect(wordRun, wordRun).toMatch(/Bitmap Index Scan on search_title_trgm_idx \(never executed\)/);
    expect(wordRun.match(/Bitmap Index Scan on search_document_idx \(never executed\)/g), wordRun).toHaveLength(1);
    // A word of every body: five records per hit asked are ranked, not the 3,000 that hold it.
    const commonRun = await analyzed('quartier');
    const candidates = commonRun.match(/CTE exact\s*->\s*Limit \(actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+)/);
    expect(Number(candidates?.[1]), commonRun).toBe(searchCandidates(10));
    expect(searchCandidates(10)).toBe(50);

    // And the answers are right at that size.
    expect(titles(await search('advisor', 'Tjibau'))).toContain('Jean-Marie Tjibaou');
    // Rows 0, 300, … 2700 mention it (all of them `normal` members, by construction).
    expect(titles(await search('advisor', 'assainissement', '&limit=50'))).toHaveLength(10);
    // A word of every record still fills each kind's page from the records ranked.
    const common = await search('advisor', 'quartier', '&limit=50');
    const pageOf = (kind: string) => common.groups.find((g) => g.kind === kind)?.hits.length;
    expect([pageOf('mail'), pageOf('member')]).toEqual([50, 50]);
  });
});
