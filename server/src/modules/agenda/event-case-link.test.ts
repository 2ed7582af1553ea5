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

// A case links agenda events (kind `event`) and shows them with the agenda's visibility.

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
let otherCookie: string;
let mayorId: string;
let otherOfficialId: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  mayorId = await declareOfficial(t.app, cookies.chief_of_staff, {
    lastName: 'Tavernier',
    userId: org.users.executive.id,
    mandate: 'maire',
  });
  otherOfficialId = await declareOfficial(t.app, otherCookie, { lastName: 'Ailleurs', mandate: 'maire' });
});
afterAll(() => t.close());

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

async function event(cookie: string, over: Record<string, unknown>) {
  const res = await as(t.app, cookie).post('/api/v1/events', {
    title: 'Visite du chantier de la médiathèque',
    start: '2026-11-25T18:00:00+11:00',
    end: '2026-11-25T19:30:00+11:00',
    officialIds: [mayorId],
    kind: 'trip',
    visibility: 'public',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function aCase(title: string) {
  const res = await api('advisor').post('/api/v1/cases', {
    kind: 'constituent_request',
    title,
    summary: 'Les riverains demandent une rencontre avec le Maire.',
    confidentiality: 'normal',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

type Entry = { type: string; action: string; detail: string | null; url: string | null };
async function timeline(role: TRole, caseId: string): Promise<Entry[]> {
  const res = await api(role).get(`/api/v1/cases/${caseId}/timeline`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data.filter((e: Entry) => e.action === 'event');
}

describe('events in cases', () => {
  it('links an event, shown in the timeline at its day on the agenda', async () => {
    const caseId = await aCase('Médiathèque de Boulari');
    const eventId = await event(cookies.secretariat, {});
    const linked = await api('advisor').post(`/api/v1/cases/${caseId}/links`, { kind: 'event', recordId: eventId });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json()).toMatchObject({
      kind: 'event',
      title: 'Visite du chantier de la médiathèque — 25 novembre 2026 à 18:00',
      url: `/agenda?view=day&date=2026-11-25&officials=${mayorId}`,
    });
    const [entry] = await timeline('advisor', caseId);
    expect(entry).toMatchObject({
      type: 'link',
      detail: 'Visite du chantier de la médiathèque — 25 novembre 2026 à 18:00',
    });
  });

  it('shows a private event as « Occupé » to those who may only see it as busy', async () => {
    const caseId = await aCase('Rencontre discrète avec le bailleur');
    const privateId = await event(cookies.secretariat, {
      title: 'Déjeuner avec le directeur du bailleur',
      visibility: 'private',
      kind: 'meeting',
      start: '2026-11-26T12:00:00+11:00',
      end: '2026-11-26T13:30:00+11:00',
    });
    const linked = await api('advisor').post(`/api/v1/cases/${caseId}/links`, { kind: 'event', recordId: privateId });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json().title).toBe('Occupé — 26 novembre 2026 à 12:00');
    const advisorSees = await timeline('advisor', caseId);
    expect(advisorSees.map((e) => e.detail)).toEqual(['Occupé — 26 novembre 2026 à 12:00']);
    expect(
      JSON.stringify(
        await api('advisor')
          .get(`/api/v1/cases/${caseId}/links`)
          .then((r) => r.json()),
      ),
    ).not.toContain('bailleur');
    // The diary keepers and the mayor on the event see it in full.
    for (const role of ['chief_of_staff', 'executive'] as const) {
      expect((await timeline(role, caseId)).map((e) => e.detail)).toEqual([
        'Déjeuner avec le directeur du bailleur — 26 novembre 2026 à 12:00',
      ]);
    }
  });

  it('refuses an unknown event, another organisation’s, and roles that may not link', async () => {
    const caseId = await aCase('Fête de quartier');
    const foreignEvent = await event(otherCookie, { officialIds: [otherOfficialId] });
    const before = await countRows(t.app, 'case_links');
    for (const recordId of [foreignEvent, '01900000-0000-7000-8000-000000000000']) {
      const res = await api('advisor').post(`/api/v1/cases/${caseId}/links`, { kind: 'event', recordId });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(paths(res)).toContain('recordId');
    }
    const bad = await api('advisor').post(`/api/v1/cases/${caseId}/links`, { kind: 'event', recordId: 'pas-un-id' });
    expect(bad.statusCode).toBe(400);
    const eventId = await event(cookies.secretariat, {});
    expect(
      (await api('communication').post(`/api/v1/cases/${caseId}/links`, { kind: 'event', recordId: eventId }))
        .statusCode,
    ).toBe(403);
    const foreign = await as(t.app, otherCookie).post(`/api/v1/cases/${caseId}/links`, {
      kind: 'event',
      recordId: foreignEvent,
    });
    expect(foreign.statusCode).toBe(404);
    expect(await countRows(t.app, 'case_links')).toBe(before);
  });
});
