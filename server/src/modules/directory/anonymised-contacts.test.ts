import { ROLES, type TRole } from '@dircab/contracts';
import { eq } from 'drizzle-orm';
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
import { contactRelations } from './contact-links.schema';
import { contacts } from './directory.schema';

// Anonymised contacts (privacy/: erasure or the retention job) are « Contact anonymisé »
// shells kept for other records' links: out of the list and the name search, and closed to
// edits, deletion and new relations (issue 3).

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
let otherCookie: string;

async function person(lastName: string, firstName: string, cookie = cookies.chief_of_staff) {
  const res = await as(t.app, cookie).post('/api/v1/contacts', { kind: 'person', firstName, lastName });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function erase(id: string, cookie = cookies.chief_of_staff) {
  const res = await as(t.app, cookie).post(`/api/v1/contacts/${id}/erase`, { reason: 'Demande écrite' });
  expect(res.statusCode, res.body).toBe(204);
}

const row = async (id: string) => (await t.app.ctx.db.select().from(contacts).where(eq(contacts.id, id)))[0];
const ids = (res: { json(): { data: { id: string }[] } }) => res.json().data.map((c) => c.id);

let erased: string;
let kept: string;
let theirErased: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  erased = await person('Wakolo', 'Anaïs');
  kept = await person('Wakolo', 'Bruno');
  await erase(erased);
  theirErased = await person('Wakolo', 'Chloé', otherCookie);
  await erase(theirErased, otherCookie);
});

afterAll(async () => {
  await t.close();
});

describe('contacts list and name search', () => {
  it('leave anonymised contacts out, with and without a search or a filter', async () => {
    const list = ids(await api('chief_of_staff').get('/api/v1/contacts?limit=200'));
    expect(list).toContain(kept);
    expect(list).not.toContain(erased);
    expect(ids(await api('chief_of_staff').get('/api/v1/contacts?limit=200&kind=person'))).not.toContain(erased);
    // The shell's own name finds nothing either: it is no one's name.
    expect(ids(await api('chief_of_staff').get('/api/v1/contacts?q=anonymis%C3%A9'))).toEqual([]);
    expect(ids(await api('executive').get('/api/v1/contacts?q=wakolo'))).toEqual([kept]);
  });

  it('still open the anonymised contact itself, so the links that point at it hold', async () => {
    const res = await api('chief_of_staff').get(`/api/v1/contacts/${erased}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().displayName).toBe('Contact anonymisé');
  });
});

describe('an anonymised contact cannot be changed', () => {
  it('PATCH answers 409 in French and writes nothing (not even the audit)', async () => {
    const before = await row(erased);
    const audits = await countRows(t.app, 'audit_log');
    const res = await api('chief_of_staff').patch(`/api/v1/contacts/${erased}`, {
      firstName: 'Anaïs',
      notes: 'Rappel',
    });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(/^Ce contact a été anonymisé/);
    expect(await row(erased)).toEqual(before);
    expect(await countRows(t.app, 'audit_log')).toBe(audits);
    // Nor is it back in the search.
    expect(ids(await api('chief_of_staff').get('/api/v1/contacts?q=Ana%C3%AFs'))).not.toContain(erased);
  });

  it('DELETE answers 409 and leaves the contact in place', async () => {
    const audits = await countRows(t.app, 'audit_log');
    const res = await api('chief_of_staff').delete(`/api/v1/contacts/${erased}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/^Ce contact a été anonymisé/);
    expect((await row(erased))?.deletedAt).toBeNull();
    expect(await countRows(t.app, 'audit_log')).toBe(audits);
  });

  it('a relation to it, from either page, answers 409 and records nothing', async () => {
    const relations = await countRows(t.app, 'contact_relations');
    const toIt = await api('chief_of_staff').post(`/api/v1/contacts/${kept}/relations`, {
      otherContactId: erased,
      kind: 'spouse_of',
    });
    expect(toIt.statusCode).toBe(409);
    expect(toIt.json().errors.map((e: { path: string }) => e.path)).toEqual(['otherContactId']);
    expect(toIt.json().errors[0].message).toMatch(/anonymisé/);
    const fromIt = await api('chief_of_staff').post(`/api/v1/contacts/${erased}/relations`, {
      otherContactId: kept,
      kind: 'spouse_of',
    });
    expect(fromIt.statusCode).toBe(409);
    expect(await countRows(t.app, 'contact_relations')).toBe(relations);
    expect(await t.app.ctx.db.select().from(contactRelations).where(eq(contactRelations.fromContactId, kept))).toEqual(
      [],
    );
  });

  it('a role without the capability still gets 403, and another organisation’s shell 404', async () => {
    expect((await api('advisor').delete(`/api/v1/contacts/${erased}`)).statusCode).toBe(403);
    expect((await api('admin').patch(`/api/v1/contacts/${erased}`, { notes: 'x' })).statusCode).toBe(403);
    expect((await api('chief_of_staff').patch(`/api/v1/contacts/${theirErased}`, { notes: 'x' })).statusCode).toBe(404);
    expect((await api('chief_of_staff').delete(`/api/v1/contacts/${theirErased}`)).statusCode).toBe(404);
    const cross = await api('chief_of_staff').post(`/api/v1/contacts/${kept}/relations`, {
      otherContactId: theirErased,
      kind: 'spouse_of',
    });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().errors[0].code).toBe('unknown_contact');
  });

  it('a live contact is still edited, deleted and related as before', async () => {
    const friend = await person('Tein', 'Hugo');
    expect((await api('chief_of_staff').patch(`/api/v1/contacts/${friend}`, { notes: 'Rappel' })).statusCode).toBe(200);
    const rel = await api('chief_of_staff').post(`/api/v1/contacts/${kept}/relations`, {
      otherContactId: friend,
      kind: 'spouse_of',
    });
    expect(rel.statusCode, rel.body).toBe(201);
    expect((await api('chief_of_staff').delete(`/api/v1/contacts/${friend}`)).statusCode).toBe(204);
  });
});
