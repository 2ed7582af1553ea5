import { ROLES, type TRole } from '@dircab/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';

// A decision (arbitrage) in its case's timeline (issue 6): taken on the case, or linked by hand.

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'executive']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
});
afterAll(() => t.close());

async function openCase(title: string) {
  const res = await api('chief_of_staff').post('/api/v1/cases', {
    kind: 'project',
    title,
    confidentiality: 'normal',
    team: [org.users.advisor.id],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function decide(body: Record<string, unknown>) {
  const res = await api('chief_of_staff').post('/api/v1/decisions', {
    decidedById: org.users.executive.id,
    decidedOn: '2026-11-20',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function timeline(role: TRole, caseId: string) {
  const res = await api(role).get(`/api/v1/cases/${caseId}/timeline?limit=50`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as { id: string; action: string; title: string; detail: string; url: string }[];
}

describe('decisions in a case’s timeline', () => {
  it('shows a decision taken on the case, in order with the rest, to those who see the decision only', async () => {
    const caseId = await openCase('Réfection du wharf');
    const open = await decide({ title: 'Réfection avant la saison', caseId });
    const secret = await decide({
      title: 'Arbitrage budgétaire discret',
      caseId,
      confidentiality: 'confidential',
      members: [org.users.chief_of_staff.id],
    });
    const mine = await timeline('chief_of_staff', caseId);
    const decisions = mine.filter((e) => e.action === 'decision');
    expect(decisions.map((e) => e.id)).toEqual([`decision:${secret}`, `decision:${open}`]);
    expect(decisions[1]).toMatchObject({
      title: 'Décision prise',
      url: `/notes/decisions/${open}`,
      detail: expect.stringContaining('Réfection avant la saison — Décidé le 20/11/2026 par'),
    });
    // Newest first with the case's own opening last.
    expect(mine.at(-1)?.action).toBe('case.create');
    // The adviser on the team sees the case, and the normal decision, never the confidential one.
    const theirs = (await timeline('advisor', caseId)).filter((e) => e.action === 'decision');
    expect(theirs.map((e) => e.id)).toEqual([`decision:${open}`]);
    // Paging one entry at a time walks every entry once, decisions included.
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page = await api('chief_of_staff').get(
        `/api/v1/cases/${caseId}/timeline?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.json().data.map((e: { id: string }) => e.id));
      cursor = page.json().nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(mine.map((e) => e.id));
  });

  it('links a decision by hand, refuses a hidden or another organisation’s one (400), and keeps others out (404)', async () => {
    const caseId = await openCase('Accueil des croisiéristes');
    const elsewhere = await decide({ title: 'Navette gratuite le samedi' });
    const linked = await api('advisor').post(`/api/v1/cases/${caseId}/links`, {
      kind: 'decision',
      recordId: elsewhere,
    });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json()).toMatchObject({
      kind: 'decision',
      title: 'Navette gratuite le samedi',
      url: `/notes/decisions/${elsewhere}`,
    });
    const entries = await timeline('advisor', caseId);
    expect(entries[0]).toMatchObject({ title: 'Décision liée', detail: 'Navette gratuite le samedi' });

    const hidden = await decide({
      title: 'Décision réservée',
      confidentiality: 'confidential',
      members: [org.users.chief_of_staff.id],
    });
    const refused = await api('advisor').post(`/api/v1/cases/${caseId}/links`, { kind: 'decision', recordId: hidden });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['recordId']);

    const theirDecision = await as(t.app, otherCookie).post('/api/v1/decisions', {
      title: 'Leur décision',
      decidedById: other.users.executive.id,
      decidedOn: '2026-11-20',
    });
    expect(theirDecision.statusCode, theirDecision.body).toBe(201);
    const crossing = await api('chief_of_staff').post(`/api/v1/cases/${caseId}/links`, {
      kind: 'decision',
      recordId: theirDecision.json().id,
    });
    expect(crossing.statusCode).toBe(400);
    expect((await as(t.app, otherCookie).get(`/api/v1/cases/${caseId}/timeline`)).statusCode).toBe(404);
    expect((await api('group_staff').get(`/api/v1/cases/${caseId}/timeline`)).statusCode).toBe(404);
    // Services are not named on the case: they may not link to it.
    expect(
      (await api('services').post(`/api/v1/cases/${caseId}/links`, { kind: 'decision', recordId: elsewhere }))
        .statusCode,
    ).toBe(404);
  });
});
