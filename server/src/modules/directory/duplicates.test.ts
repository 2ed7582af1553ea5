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
import { contactNames } from './contact-names';
import { contacts } from './directory.schema';
import { enqueueDuplicateRefresh } from './duplicates/duplicate-refresh-job';
import { scorePair } from './duplicates/duplicate-score';
import { matchKeysOf } from './duplicates/match-keys';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
const api = (role: TRole) => as(t.app, cookies[role]);
const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

async function contact(body: Record<string, unknown>, cookie = cookies.chief_of_staff): Promise<string> {
  const res = await as(t.app, cookie).post('/api/v1/contacts', body);
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
const person = (firstName: string, lastName: string, over: Record<string, unknown> = {}) => ({
  kind: 'person',
  firstName,
  lastName,
  ...over,
});

interface Pair {
  contact: { id: string };
  duplicate: { id: string };
  score: number;
  reasons: string[];
  policies: Record<string, boolean>;
}
const ids = (p: Pair) => [p.contact.id, p.duplicate.id].sort().join(' ');
const pairOf = (a: string, b: string) => [a, b].sort().join(' ');

async function allPairs(role: TRole = 'chief_of_staff', cookie = cookies[role]): Promise<Pair[]> {
  const out: Pair[] = [];
  let cursor: string | null = null;
  do {
    const res = await as(t.app, cookie).get(`/api/v1/contacts/duplicates?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    out.push(...res.json().data);
    cursor = res.json().nextCursor;
  } while (cursor);
  return out;
}

let julie: string;
let julieShout: string;
let byEmail: string;
let byPhone: string;
let household: string;
let stranger: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  julie = await contact(
    person('Julie', 'Dupont', {
      emails: [{ email: 'julie.dupont@example.nc' }],
      phones: [{ number: '78 12 34' }],
      addresses: [{ line1: '12, rue des Flamboyants', postcode: '98809', city: 'Mont-Dore' }],
    }),
  );
  julieShout = await contact(person('JULIÉ', 'DUPONT'));
  byEmail = await contact(person('J.', 'Kaloi', { emails: [{ email: 'Julie.Dupont@example.nc' }] }));
  byPhone = await contact(person('Jules', 'Wenceslas', { phones: [{ number: '+687 78.12.34' }] }));
  // Same address, different person: a household, not a duplicate.
  household = await contact(
    person('Marc', 'Tein', { addresses: [{ line1: '12 Rue des flamboyants', postcode: '98809', city: 'Mont-Dore' }] }),
  );
  stranger = await contact(person('Hippolyte', 'Wamytan'));
  // Another organisation's namesake never pairs with ours.
  await contact(person('Julie', 'Dupont', { emails: [{ email: 'julie.dupont@example.nc' }] }), otherCookie);
});
afterAll(() => t.close());

describe('duplicate scoring', () => {
  it('needs a similar name, an email or a phone: an address alone is a household', () => {
    expect(scorePair({ nameSimilarity: 0, keys: new Set(['address']) })).toBeNull();
    expect(scorePair({ nameSimilarity: 0.2, keys: new Set() })).toBeNull();
    expect(scorePair({ nameSimilarity: 1, keys: new Set(['email', 'phone', 'address']) })).toEqual({
      score: 100,
      reasons: ['name', 'email', 'phone', 'address'],
    });
    expect(scorePair({ nameSimilarity: 0, keys: new Set(['phone']) })).toEqual({ score: 30, reasons: ['phone'] });
  });

  it('keys emails by case, addresses by postcode and street whatever the punctuation and accents', () => {
    expect(
      matchKeysOf({
        emails: [{ email: ' Julie@Example.NC' }],
        phones: [{ number: '+687781234' }],
        addresses: [{ line1: '12, Rue des Flamboyânts', postcode: '98809', city: 'Mont-Dore' }],
      }),
    ).toEqual(['email:julie@example.nc', 'phone:+687781234', 'address:98809|12 rue des flamboyants']);
  });
});

describe('likely duplicates', () => {
  it('are found across accents and case, by email and by phone, with score and reasons', async () => {
    const res = await api('advisor').get(`/api/v1/contacts/${julie}/duplicates`);
    expect(res.statusCode).toBe(200);
    const found = res.json().data as Pair[];
    const byId = new Map(found.map((p) => [p.duplicate.id, p]));
    expect(byId.get(julieShout)?.reasons).toEqual(['name']);
    expect(byId.get(julieShout)?.score).toBe(60);
    expect(byId.get(byEmail)?.reasons).toEqual(['email']);
    expect(byId.get(byPhone)?.reasons).toEqual(['phone']);
    expect(byId.has(household)).toBe(false);
    expect(byId.has(stranger)).toBe(false);
    expect(found.every((p) => p.contact.id === julie)).toBe(true);
    // Best first.
    expect(found.map((p) => p.score)).toEqual([...found.map((p) => p.score)].sort((a, b) => b - a));
    // An advisor keeps the address book (dismiss) but may not remove a contact (merge).
    expect(byId.get(julieShout)?.policies).toEqual({ merge: false, dismiss: true });
  });

  it('list the organisation’s pairs once each, best first, paged, and only ours', async () => {
    const pairs = await allPairs();
    const keys = pairs.map(ids);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining([pairOf(julie, julieShout), pairOf(julie, byEmail), pairOf(julie, byPhone)]),
    );
    expect(keys).not.toContain(pairOf(julie, household));
    expect(pairs.map((p) => p.score)).toEqual([...pairs.map((p) => p.score)].sort((a, b) => b - a));
    expect(pairs.find((p) => ids(p) === pairOf(julie, julieShout))?.policies).toEqual({ merge: true, dismiss: true });
    const theirs = await allPairs('chief_of_staff', otherCookie);
    expect(theirs).toEqual([]);
  });

  it('follow the contacts: an edit that removes the shared phone removes the pair', async () => {
    const edited = await api('chief_of_staff').patch(`/api/v1/contacts/${byPhone}`, { phones: [] });
    expect(edited.statusCode).toBe(200);
    expect((await allPairs()).map(ids)).not.toContain(pairOf(julie, byPhone));
    const restored = await api('chief_of_staff').patch(`/api/v1/contacts/${byPhone}`, {
      phones: [{ number: '781234' }],
    });
    expect(restored.statusCode).toBe(200);
    expect((await allPairs()).map(ids)).toContain(pairOf(julie, byPhone));
  });

  it('leave out a contact the actor may not see', async () => {
    const secret = await contact(person('Julie', 'Dupond', { confidentiality: 'confidential' }));
    expect((await allPairs('chief_of_staff')).map(ids)).toContain(pairOf(julie, secret));
    expect((await allPairs('advisor')).map(ids)).not.toContain(pairOf(julie, secret));
    const mine = (await api('advisor').get(`/api/v1/contacts/${julie}/duplicates`)).json().data as Pair[];
    expect(mine.map((p) => p.duplicate.id)).not.toContain(secret);
    expect((await api('advisor').get(`/api/v1/contacts/${secret}/duplicates`)).statusCode).toBe(404);
    expect(
      (await api('advisor').post(`/api/v1/contacts/${julie}/duplicates/dismiss`, { duplicateId: secret })).statusCode,
    ).toBe(404);
  });

  it('once dismissed, stop appearing (audited once, even when dismissed twice)', async () => {
    const dismissed = await api('advisor').post(`/api/v1/contacts/${byEmail}/duplicates/dismiss`, {
      duplicateId: julie,
    });
    expect(dismissed.statusCode).toBe(204);
    const audits = await countRows(t.app, 'audit_log');
    expect(
      (await api('advisor').post(`/api/v1/contacts/${julie}/duplicates/dismiss`, { duplicateId: byEmail })).statusCode,
    ).toBe(204);
    expect(await countRows(t.app, 'audit_log')).toBe(audits);
    expect((await allPairs()).map(ids)).not.toContain(pairOf(julie, byEmail));
    const live = (await api('advisor').get(`/api/v1/contacts/${julie}/duplicates`)).json().data as Pair[];
    expect(live.map((p) => p.duplicate.id)).not.toContain(byEmail);
    // An edit of either contact does not bring a dismissed pair back.
    await api('chief_of_staff').patch(`/api/v1/contacts/${byEmail}`, { jobTitle: 'Trésorière' });
    expect((await allPairs()).map(ids)).not.toContain(pairOf(julie, byEmail));
  });

  it('catch up on contacts written in bulk (an import) through the refresh job', async () => {
    const { db } = t.app.ctx;
    const bulk = await db.transaction(async (tx) => {
      const rows = await tx
        .insert(contacts)
        .values(
          [
            ['Noëlla', 'Kaloi'],
            ['NOELLA', 'KALOI'],
          ].map(([firstName, lastName]) => ({
            orgId: org.orgId,
            kind: 'person' as const,
            firstName,
            lastName,
            ...contactNames({ kind: 'person', firstName, lastName }),
          })),
        )
        .returning({ id: contacts.id });
      await enqueueDuplicateRefresh(
        tx,
        org.orgId,
        rows.map((r) => r.id),
      );
      return rows.map((r) => r.id) as [string, string];
    });
    // Nothing yet: the import's transaction did not compare names.
    expect((await allPairs()).map(ids)).not.toContain(pairOf(...bulk));
    const run = await t.app.ctx.jobs.runDue();
    expect(run.done).toBeGreaterThanOrEqual(1);
    expect((await allPairs()).map(ids)).toContain(pairOf(...bulk));
  });

  it('reject bad input and write nothing', async () => {
    const before = [await countRows(t.app, 'contact_duplicate_dismissals'), await countRows(t.app, 'audit_log')];
    const self = await api('advisor').post(`/api/v1/contacts/${julie}/duplicates/dismiss`, { duplicateId: julie });
    expect(self.statusCode).toBe(400);
    expect(paths(self)).toEqual(['duplicateId']);
    const bad = await api('advisor').post(`/api/v1/contacts/${julie}/duplicates/dismiss`, { duplicateId: 'x', y: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(paths(bad)).toEqual(expect.arrayContaining(['duplicateId', 'y']));
    expect((await api('advisor').get('/api/v1/contacts/duplicates?limit=500')).statusCode).toBe(400);
    expect((await api('advisor').get('/api/v1/contacts/duplicates?cursor=%25%25')).statusCode).toBe(400);
    expect((await api('advisor').get('/api/v1/contacts/nope/duplicates')).statusCode).toBe(400);
    expect([await countRows(t.app, 'contact_duplicate_dismissals'), await countRows(t.app, 'audit_log')]).toEqual(
      before,
    );
  });

  it('are for the roles that read contacts; dismissing for those who keep them; another organisation’s are 404', async () => {
    expect((await api('group_staff').get('/api/v1/contacts/duplicates')).statusCode).toBe(403);
    expect((await api('admin').get(`/api/v1/contacts/${julie}/duplicates`)).statusCode).toBe(403);
    expect(
      (await api('services').post(`/api/v1/contacts/${julie}/duplicates/dismiss`, { duplicateId: stranger }))
        .statusCode,
    ).toBe(403);
    expect((await as(t.app, otherCookie).get(`/api/v1/contacts/${julie}/duplicates`)).statusCode).toBe(404);
    expect(
      (await as(t.app, otherCookie).post(`/api/v1/contacts/${julie}/duplicates/dismiss`, { duplicateId: stranger }))
        .statusCode,
    ).toBe(404);
  });
});
