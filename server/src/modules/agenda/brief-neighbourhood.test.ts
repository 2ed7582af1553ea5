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
import { declareOfficial } from './agenda-fixtures';

// The trip brief recalls the open requests of the event's neighbourhood, read through the
// correspondence module's list (its access rules apply).

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
let otherCookie: string;
let otherChief: string;
let deputyId: string;
let boulari: string;
let plum: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'secretariat']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.secretariat);
  otherChief = await signIn(t.app, other.users.chief_of_staff);
  deputyId = await declareOfficial(t.app, cookies.chief_of_staff, {
    lastName: 'Néhoué',
    firstName: 'Paul',
    userId: org.users.official.id,
  });
  const territory = async (name: string) => {
    const res = await api('chief_of_staff').post('/api/v1/territories', { name });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  boulari = await territory('Boulari');
  plum = await territory('Plum');
});
afterAll(() => t.close());

async function request(role: TRole, subject: string, territoryId: string, over: Record<string, unknown> = {}) {
  const res = await api(role).post('/api/v1/correspondence', {
    direction: 'in',
    channel: 'postal',
    subject,
    territoryId,
    sender: { name: 'Mme Jeanne Wamytan' },
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function event() {
  const res = await api('secretariat').post('/api/v1/events', {
    title: 'Inauguration du plateau sportif de Boulari',
    start: '2026-12-19T09:00:00+11:00',
    end: '2026-12-19T11:00:00+11:00',
    officialIds: [deputyId],
    kind: 'ceremony',
    visibility: 'public',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('the brief’s neighbourhood', () => {
  it('recalls the open requests of the territory chosen, not another’s, nor one hidden from the reader', async () => {
    const pothole = await request('secretariat', 'Nid-de-poule route de Boulari', boulari);
    const lights = await request('secretariat', 'Éclairage du terrain de Boulari', boulari);
    await request('secretariat', 'Abribus de Plum', plum);
    const secret = await request('chief_of_staff', 'Litige de voisinage à Boulari', boulari, {
      confidentiality: 'confidential',
    });
    const id = await event();
    const put = await api('secretariat').put(`/api/v1/events/${id}/brief`, { territoryId: boulari });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().territoryId).toBe(boulari);

    const assembled = await api('chief_of_staff').get(`/api/v1/events/${id}/brief/assembled`);
    expect(assembled.statusCode, assembled.body).toBe(200);
    expect(assembled.json().territory).toEqual({ id: boulari, name: 'Boulari' });
    const seen = (role: TRole) =>
      api(role)
        .get(`/api/v1/events/${id}/brief/assembled`)
        .then((res) => (res.json().openRequests as { id: string }[]).map((r) => r.id).sort());
    expect(await seen('chief_of_staff')).toEqual([pothole, lights, secret].sort());
    expect(assembled.json().openRequests[0]).toMatchObject({
      registrationNumber: expect.stringMatching(/-A-/),
      senderName: 'Mme Jeanne Wamytan',
      status: 'registered',
    });
    // The chef de cabinet does not see the confidential letter: the brief does not name it.
    expect(await seen('cabinet_head')).toEqual([pothole, lights].sort());
    // The PDF carries them too.
    const pdf = await api('secretariat').get(`/api/v1/events/${id}/brief/assembled?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    // Without a neighbourhood, none.
    await api('secretariat').put(`/api/v1/events/${id}/brief`, { territoryId: null });
    const cleared = await api('secretariat').get(`/api/v1/events/${id}/brief/assembled`);
    expect(cleared.json()).toMatchObject({ territory: null, openRequests: [] });
  });

  it('refuses an unknown or another organisation’s territory, writing nothing', async () => {
    const id = await event();
    const briefs = await countRows(t.app, 'agenda_briefs');
    const foreign = await as(t.app, otherChief).post('/api/v1/territories', { name: 'Dumbéa' });
    expect(foreign.statusCode, foreign.body).toBe(201);
    for (const territoryId of [foreign.json().id, '01900000-0000-7000-8000-000000000000']) {
      const res = await api('secretariat').put(`/api/v1/events/${id}/brief`, { territoryId });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('territoryId');
    }
    const badId = await api('secretariat').put(`/api/v1/events/${id}/brief`, { territoryId: 'Boulari' });
    expect(badId.statusCode).toBe(400);
    expect(await countRows(t.app, 'agenda_briefs')).toBe(briefs);
    // Another organisation neither writes nor reads this brief.
    expect((await as(t.app, otherCookie).put(`/api/v1/events/${id}/brief`, { territoryId: plum })).statusCode).toBe(
      404,
    );
    // An advisor reads the brief but does not write it.
    expect((await api('advisor').put(`/api/v1/events/${id}/brief`, { territoryId: plum })).statusCode).toBe(403);
  });
});
