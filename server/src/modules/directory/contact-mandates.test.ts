import { ROLES, type TRole } from '@dircab/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';
import { mandates } from './officials.schema';

// GET /api/v1/contacts/:id/mandates: a contact's mandates on its 360° page (issue 3).

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
let otherCookie: string;

let officialId: string;
let mayorContactId: string;
let neighbourId: string;
let hiddenId: string;
let theirContactId: string;

interface Mandate {
  id: string;
  function: string;
  officialId: string | null;
  inForce: boolean;
  isOwnOrganisation: boolean;
  startDate: string | null;
  endDate: string | null;
  source: string | null;
}

async function person(lastName: string, firstName: string, extra: Record<string, unknown> = {}, cookie?: string) {
  const res = await as(t.app, cookie ?? cookies.chief_of_staff).post('/api/v1/contacts', {
    kind: 'person',
    firstName,
    lastName,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function officialOf(contactId: string, cookie = cookies.chief_of_staff) {
  const res = await as(t.app, cookie).post('/api/v1/officials', {
    contactId,
    mandates: [
      // Ended: the former adjoint became mayor.
      { function: 'adjoint', rank: 1, body: 'conseil_municipal', startDate: '2014-03-30', endDate: '2020-05-23' },
      { function: 'maire', body: 'conseil_municipal', startDate: '2020-05-23' },
      { function: 'conseiller_municipal', body: 'conseil_municipal', startDate: '2008-03-16', endDate: '2014-03-30' },
    ],
    politicalGroup: { name: 'Unis pour la commune', side: 'majority' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function everything(contactId: string, limit: number): Promise<Mandate[]> {
  const out: Mandate[] = [];
  let cursor: string | null = null;
  do {
    const res = await api('advisor').get(
      `/api/v1/contacts/${contactId}/mandates?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    out.push(...res.json().data);
    cursor = res.json().nextCursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);

  mayorContactId = await person('Julié', 'Nina');
  officialId = await officialOf(mayorContactId);

  // The mayor of another commune and a confidential personality: contacts carrying their
  // mandates, as the RNE import makes them (no official).
  neighbourId = await person('Voisin', 'Paul');
  hiddenId = await person('Secret', 'Sylvie', { confidentiality: 'confidential' });
  await t.app.ctx.db.insert(mandates).values([
    {
      orgId: org.orgId,
      contactId: neighbourId,
      function: 'maire',
      body: 'conseil_municipal',
      collectivityCode: '98818',
      collectivityName: 'Nouméa',
      startDate: '2020-07-03',
      source: 'rne',
    },
    {
      orgId: org.orgId,
      contactId: neighbourId,
      function: 'membre_congres',
      body: 'congres',
      startDate: '2019-05-24',
      source: 'rne',
    },
    { orgId: org.orgId, contactId: hiddenId, function: 'maire', body: 'conseil_municipal', source: 'rne' },
  ]);

  theirContactId = await person('Ailleurs', 'Maire', {}, otherCookie);
  await officialOf(theirContactId, otherCookie);
});
afterAll(() => t.close());

describe('GET /api/v1/contacts/:id/mandates', () => {
  it('lists an official’s mandates in force first, then the ended ones from the latest, with the official to link to', async () => {
    const res = await api('advisor').get(`/api/v1/contacts/${mayorContactId}/mandates`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json().data as Mandate[];
    expect(list.map((m) => [m.function, m.inForce])).toEqual([
      ['maire', true],
      ['adjoint', false],
      ['conseiller_municipal', false],
    ]);
    expect(list.every((m) => m.officialId === officialId && m.isOwnOrganisation)).toBe(true);
    expect(res.json().nextCursor).toBeNull();
    // Affiliation is sensitive: it is not on this page, whoever reads it.
    expect(res.body).not.toContain('Unis pour la commune');
    expect(res.body).not.toContain('politicalGroup');
  });

  it('lists the mandates of another body’s elected person without an official', async () => {
    const list = await everything(neighbourId, 50);
    expect(list.map((m) => [m.function, m.officialId, m.isOwnOrganisation, m.source])).toEqual([
      ['maire', null, false, 'rne'],
      ['membre_congres', null, false, 'rne'],
    ]);
  });

  it('pages through the same order one mandate at a time', async () => {
    const paged = await everything(mayorContactId, 1);
    const whole = await everything(mayorContactId, 50);
    expect(paged.map((m) => m.id)).toEqual(whole.map((m) => m.id));
    expect(paged).toHaveLength(3);
  });

  it('answers an empty list for a contact without mandates', async () => {
    const plain = await person('Sans', 'Mandat');
    const res = await api('secretariat').get(`/api/v1/contacts/${plain}/mandates`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ data: [], nextCursor: null });
  });

  it('answers 404 for a contact the actor may not see, and shows it to those who may', async () => {
    expect((await api('advisor').get(`/api/v1/contacts/${hiddenId}/mandates`)).statusCode).toBe(404);
    const allowed = await api('chief_of_staff').get(`/api/v1/contacts/${hiddenId}/mandates`);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().data).toHaveLength(1);
  });

  it('answers 404 for another organisation’s contact and for an unknown one', async () => {
    const theirs = await api('chief_of_staff').get(`/api/v1/contacts/${theirContactId}/mandates`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).not.toContain('maire');
    const unknown = await api('chief_of_staff').get('/api/v1/contacts/0190a3c4-0000-7000-8000-000000000000/mandates');
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses the roles without directory access (403)', async () => {
    for (const role of ['admin', 'group_staff'] as const) {
      const res = await api(role).get(`/api/v1/contacts/${mayorContactId}/mandates`);
      expect(res.statusCode, role).toBe(role === 'group_staff' ? 404 : 403);
    }
  });

  it('answers 400 with the field for a bad id, limit or cursor', async () => {
    const badId = await api('advisor').get('/api/v1/contacts/not-a-uuid/mandates');
    expect(badId.statusCode).toBe(400);
    expect(badId.headers['content-type']).toContain('application/problem+json');
    const badLimit = await api('advisor').get(`/api/v1/contacts/${mayorContactId}/mandates?limit=0`);
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json().errors.map((e: { path: string }) => e.path)).toContain('limit');
    const forged = Buffer.from(JSON.stringify({ ended: '0', start: 'x', id: 'y' })).toString('base64url');
    const badCursor = await api('advisor').get(`/api/v1/contacts/${mayorContactId}/mandates?cursor=${forged}`);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors.map((e: { path: string }) => e.path)).toContain('cursor');
  });
});
