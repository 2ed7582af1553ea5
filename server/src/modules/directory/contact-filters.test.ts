import { ROLES, type TRole } from '@dircab/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';
import { mandates } from './officials.schema';

// The contacts list's group and mandate filters, and the officials' council order (issue 3).

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
let otherCookie: string;

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);
const names = (res: { json(): { data: { displayName: string }[] } }) => res.json().data.map((c) => c.displayName);

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

const council = (fn: string, rank?: number, endDate?: string) => ({
  function: fn,
  ...(rank ? { rank } : {}),
  body: 'conseil_municipal',
  startDate: '2020-03-15',
  ...(endDate ? { endDate } : {}),
});

async function official(
  contactId: string,
  mandateList: ReturnType<typeof council>[],
  group: { name: string; side: 'majority' | 'opposition' } | null,
  cookie = cookies.chief_of_staff,
) {
  const res = await as(t.app, cookie).post('/api/v1/officials', {
    contactId,
    mandates: mandateList,
    politicalGroup: group,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; politicalGroup: { id: string } | null };
}

const majority = { name: 'Unis pour la commune', side: 'majority' } as const;
const opposition = { name: 'Autrement', side: 'opposition' } as const;
let majorityGroupId: string;
let oppositionGroupId: string;
let theirGroupId: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);

  // Created out of order on purpose: the list must not follow creation or name.
  await official(await person('Zola', 'Conseiller'), [council('conseiller_municipal')], opposition);
  await official(await person('Yvon', 'Adjointe-deux'), [council('adjoint', 2)], majority);
  const mayor = await official(await person('Martin', 'Maire'), [council('maire')], majority);
  majorityGroupId = mayor.politicalGroup?.id as string;
  await official(await person('Bernard', 'Délégué'), [council('conseiller_delegue')], majority);
  await official(await person('Xavier', 'Adjoint-un'), [council('adjoint', 1)], majority);
  // A former mayor, whose mandate has ended: last in the council, not a maire of today.
  const former = await official(
    await person('Ancien', 'Maire'),
    [council('maire', undefined, '2020-06-30')],
    opposition,
  );
  oppositionGroupId = former.politicalGroup?.id as string;

  // The mayor of another commune: a contact carrying a mandate (as the RNE import makes them).
  const elsewhere = await person('Voisin', 'Maire-ailleurs');
  // A confidential mayor of another commune: the filter must not show it to an advisor.
  const hidden = await person('Secret', 'Maire-cache', { confidentiality: 'confidential' });
  await t.app.ctx.db.insert(mandates).values(
    [elsewhere, hidden].map((contactId) => ({
      orgId: org.orgId,
      contactId,
      function: 'maire' as const,
      body: 'conseil_municipal' as const,
      collectivityCode: '55001',
      startDate: '2026-03-15',
    })),
  );

  // Another organisation's mayor and group.
  const theirs = await official(
    await person('Ailleurs', 'Maire', {}, otherCookie),
    [council('maire')],
    majority,
    otherCookie,
  );
  theirGroupId = theirs.politicalGroup?.id as string;
});
afterAll(() => t.close());

describe('the contacts list filtered by mandate', () => {
  it('lists the persons holding a mandate in force with that function, officials or not', async () => {
    const maires = await api('chief_of_staff').get('/api/v1/contacts?mandate=maire');
    expect(maires.statusCode, maires.body).toBe(200);
    // Sorted by name; the former mayor and the other organisation's are not there.
    expect(names(maires)).toEqual(['Maire Martin', 'Maire-cache Secret', 'Maire-ailleurs Voisin']);
    expect(names(await api('official').get('/api/v1/contacts?mandate=adjoint'))).toEqual([
      'Adjoint-un Xavier',
      'Adjointe-deux Yvon',
    ]);
    expect(names(await api('services').get('/api/v1/contacts?mandate=president'))).toEqual([]);
  });

  it('combines with the other filters and keeps confidentiality', async () => {
    expect(names(await api('advisor').get('/api/v1/contacts?mandate=maire'))).toEqual([
      'Maire Martin',
      'Maire-ailleurs Voisin',
    ]);
    expect(names(await api('advisor').get('/api/v1/contacts?mandate=maire&q=voisin'))).toEqual([
      'Maire-ailleurs Voisin',
    ]);
    const page1 = await api('chief_of_staff').get('/api/v1/contacts?mandate=maire&limit=2');
    expect(names(page1)).toEqual(['Maire Martin', 'Maire-cache Secret']);
    const page2 = await api('chief_of_staff').get(
      `/api/v1/contacts?mandate=maire&limit=2&cursor=${page1.json().nextCursor}`,
    );
    expect(page2.json()).toMatchObject({ data: [{ displayName: 'Maire-ailleurs Voisin' }], nextCursor: null });
  });

  it('rejects an unknown function with the field and a French message', async () => {
    const bad = await api('advisor').get('/api/v1/contacts?mandate=empereur');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(paths(bad)).toEqual(['mandate']);
  });

  it('shows another organisation nothing of ours', async () => {
    expect(names(await as(t.app, otherCookie).get('/api/v1/contacts?mandate=maire'))).toEqual(['Maire Ailleurs']);
  });
});

describe('the contacts list filtered by political group', () => {
  it('lists the group’s officials for the cabinet roles', async () => {
    for (const role of ['executive', 'advisor', 'secretariat', 'communication'] as const) {
      const res = await api(role).get(`/api/v1/contacts?groupId=${majorityGroupId}`);
      expect(res.statusCode, `${role}: ${res.body}`).toBe(200);
      expect(names(res)).toEqual(['Délégué Bernard', 'Maire Martin', 'Adjoint-un Xavier', 'Adjointe-deux Yvon']);
    }
    expect(names(await api('advisor').get(`/api/v1/contacts?groupId=${oppositionGroupId}&mandate=maire`))).toEqual([]);
    expect(names(await api('advisor').get(`/api/v1/contacts?groupId=${oppositionGroupId}`))).toEqual([
      'Maire Ancien',
      'Conseiller Zola',
    ]);
  });

  it('is refused to the readers who may not see affiliations (403, in French), whatever the group', async () => {
    for (const role of ['official', 'services'] as const) {
      for (const groupId of [majorityGroupId, theirGroupId, '0190a000-0000-7000-8000-000000000099']) {
        const res = await api(role).get(`/api/v1/contacts?groupId=${groupId}`);
        expect(res.statusCode, role).toBe(403);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        expect(res.json().detail).toMatch(/groupe politique est réservé au cabinet/);
      }
    }
    // Those who never read contacts keep their 403 from the route.
    for (const role of ['group_staff', 'admin'] as const) {
      expect((await api(role).get(`/api/v1/contacts?groupId=${majorityGroupId}`)).statusCode).toBe(403);
    }
  });

  it('answers 400 on groupId for a group the organisation does not have (another organisation’s included)', async () => {
    for (const groupId of [theirGroupId, '0190a000-0000-7000-8000-000000000099']) {
      const res = await api('chief_of_staff').get(`/api/v1/contacts?groupId=${groupId}`);
      expect(res.statusCode).toBe(400);
      expect(paths(res)).toEqual(['groupId']);
      expect(res.json().errors[0].message).toMatch(/n’existe pas/);
    }
    const notUuid = await api('chief_of_staff').get('/api/v1/contacts?groupId=majorite');
    expect(notUuid.statusCode).toBe(400);
    expect(paths(notUuid)).toEqual(['groupId']);
    // And the other organisation cannot filter by ours.
    const cross = await as(t.app, otherCookie).get(`/api/v1/contacts?groupId=${majorityGroupId}`);
    expect(cross.statusCode).toBe(400);
  });
});

describe('the officials list', () => {
  it('follows the council’s order: maire, adjoints by rank, délégués, councillors, then ended mandates', async () => {
    const res = await api('advisor').get('/api/v1/officials');
    expect(res.statusCode, res.body).toBe(200);
    const expected = [
      'Maire Martin',
      'Adjoint-un Xavier',
      'Adjointe-deux Yvon',
      'Délégué Bernard',
      'Conseiller Zola',
      'Maire Ancien',
    ];
    expect(names(res)).toEqual(expected);

    // The order holds across pages.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api('official').get(`/api/v1/officials?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.statusCode, page.body).toBe(200);
      seen.push(...names(page));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it('orders a département’s president before its vice-presidents by rank', async () => {
    const dep = (fn: string, rank?: number) => ({
      function: fn,
      ...(rank ? { rank } : {}),
      body: 'conseil_departemental',
      startDate: '2021-07-01',
    });
    const d = await createTestOrg(t.app, ['executive']);
    const cookie = await signIn(t.app, d.users.executive);
    for (const [last, first, m] of [
      ['Aubert', 'Conseillère', dep('conseiller_departemental')],
      ['Bloch', 'Vp-trois', dep('vice_president', 3)],
      ['Colin', 'Président', dep('president')],
      ['Dumas', 'Vp-un', dep('vice_president', 1)],
    ] as const) {
      await official(await person(last, first, {}, cookie), [m as ReturnType<typeof council>], null, cookie);
    }
    expect(names(await as(t.app, cookie).get('/api/v1/officials'))).toEqual([
      'Président Colin',
      'Vp-un Dumas',
      'Vp-trois Bloch',
      'Conseillère Aubert',
    ]);
  });

  it('rejects a cursor of the old shape', async () => {
    const old = Buffer.from(JSON.stringify({ s: 'martin', id: majorityGroupId })).toString('base64url');
    const res = await api('advisor').get(`/api/v1/officials?cursor=${old}`);
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(['cursor']);
  });
});
