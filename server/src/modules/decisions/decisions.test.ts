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
} from '../../../test/test-app';
import { queryRows } from '../../platform/db/client';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
let serviceId: string;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'executive']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  serviceId = (await api('chief_of_staff').post('/api/v1/services', { name: 'Services techniques' })).json().id;
  await queryRows(
    t.app.ctx.db,
    sql`update memberships set service_id = ${serviceId} where org_id = ${org.orgId} and user_id = ${org.users.services.id}`,
  );
});
afterAll(() => t.close());

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

const aDecision = (over: Record<string, unknown> = {}) => ({
  title: 'Réfection du wharf de Vallon-Dore avant la saison',
  decidedById: org.users.executive.id,
  decidedOn: '2026-11-20',
  actions: [
    { title: 'Chiffrer la réfection', assigneeServiceId: serviceId, dueDate: '2030-03-01' },
    { title: 'Prévenir le club nautique', assigneeUserId: org.users.advisor.id, dueDate: '2030-02-01' },
  ],
  ...over,
});

async function create(role: TRole, over: Record<string, unknown> = {}) {
  const res = await api(role).post('/api/v1/decisions', aDecision(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; [k: string]: unknown };
}

const ids = async (role: TRole, view: string) => {
  const res = await api(role).get(`/api/v1/decisions?view=${view}&limit=200`);
  expect(res.statusCode).toBe(200);
  return (res.json().data as { id: string }[]).map((d) => d.id);
};

describe('decisions and their follow-up', () => {
  it('records a decision whose actions are tasks, follows its progress until each is done', async () => {
    const d = await create('chief_of_staff');
    expect(d).toMatchObject({ progress: { done: 0, total: 2 }, done: false, overdue: false });
    expect(await ids('chief_of_staff', 'open')).toContain(d.id);
    expect(await ids('chief_of_staff', 'overdue')).not.toContain(d.id);
    const tasks = (await api('services').get('/api/v1/tasks?view=my_service')).json().data as {
      id: string;
      link: { id: string } | null;
    }[];
    const serviceTask = tasks.find((x) => x.link?.id === d.id);
    expect(serviceTask).toBeDefined();
    // The service sees its task, not the decision.
    expect((await api('services').get(`/api/v1/decisions/${d.id}`)).statusCode).toBe(404);
    await api('services').patch(`/api/v1/tasks/${serviceTask?.id}`, { status: 'done' });
    expect((await api('chief_of_staff').get(`/api/v1/decisions/${d.id}`)).json()).toMatchObject({
      progress: { done: 1, total: 2 },
      done: false,
    });
    const mine = (await api('advisor').get('/api/v1/tasks?view=mine')).json().data as {
      id: string;
      link: { id: string } | null;
    }[];
    await api('advisor').patch(`/api/v1/tasks/${mine.find((x) => x.link?.id === d.id)?.id}`, { status: 'done' });
    expect(await ids('chief_of_staff', 'open')).not.toContain(d.id);
    expect(await ids('chief_of_staff', 'all')).toContain(d.id);
  });

  it('shows an action past its date as overdue, in the view and in the executive’s alerts', async () => {
    const d = await create('executive', {
      title: 'Nettoyage de la plage de Plum',
      actions: [{ title: 'Nettoyer', assigneeServiceId: serviceId, dueDate: '2020-01-15' }],
    });
    expect(d.overdue).toBe(true);
    expect(await ids('executive', 'overdue')).toContain(d.id);
    const feed = await api('executive').get('/api/v1/alerts');
    expect(feed.statusCode, feed.body).toBe(200);
    expect((feed.json().data as { id: string }[]).map((a) => a.id)).toContain(`decision.overdue:${d.id}`);
    // More actions, by who recorded it.
    const added = await api('executive').post(`/api/v1/decisions/${d.id}/actions`, {
      actions: [{ title: 'Poser des poubelles', assigneeServiceId: serviceId, dueDate: '2030-01-01' }],
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().progress).toEqual({ done: 0, total: 2 });
  });

  it('keeps a confidential decision from an adviser not named: 404, not in their list nor search', async () => {
    const d = await create('chief_of_staff', {
      title: 'Arbitrage confidentiel sur le foncier de Yahoué',
      confidentiality: 'confidential',
      members: [org.users.cabinet_head.id],
      actions: [],
    });
    expect((await api('advisor').get(`/api/v1/decisions/${d.id}`)).statusCode).toBe(404);
    expect(await ids('advisor', 'all')).not.toContain(d.id);
    const search = (await api('advisor').get('/api/v1/search?q=foncier%20Yahou%C3%A9')).json().groups as {
      kind: string;
      hits: { recordId: string }[];
    }[];
    expect(search.flatMap((g) => g.hits.map((h) => h.recordId))).not.toContain(d.id);
    const mayor = (await api('executive').get('/api/v1/search?q=foncier%20Yahou%C3%A9')).json().groups as {
      kind: string;
      hits: { recordId: string }[];
    }[];
    expect(mayor.find((g) => g.kind === 'decision')?.hits.map((h) => h.recordId)).toContain(d.id);
    expect((await api('cabinet_head').get(`/api/v1/decisions/${d.id}`)).statusCode).toBe(200);
    const views = await queryRows<{ actor: string }>(
      t.app.ctx.db,
      sql`select actor_id::text as actor from audit_log where record_id = ${d.id} and action = 'decision.view'`,
    );
    expect(views.map((v) => v.actor)).toEqual([org.users.cabinet_head.id]);
  });
});

describe('bad input, permissions and other organisations', () => {
  it('refuses bad input with the field paths and writes nothing', async () => {
    const before = { decisions: await countRows(t.app, 'decisions'), tasks: await countRows(t.app, 'tasks') };
    const cases: [Record<string, unknown>, string[]][] = [
      [aDecision({ title: '' }), ['title']],
      [aDecision({ decidedOn: '20/11/2026' }), ['decidedOn']],
      [aDecision({ decidedById: org.users.advisor.id }), ['decidedById']],
      [aDecision({ noteId: '0190a000-0000-7000-8000-000000000000' }), ['noteId']],
      [aDecision({ caseId: '0190a000-0000-7000-8000-000000000000' }), ['caseId']],
      [aDecision({ confidentiality: 'confidential' }), ['members']],
      [aDecision({ actions: [{ title: 'x', dueDate: '2030-01-01' }] }), ['actions.0.assigneeServiceId']],
      [
        aDecision({
          actions: [{ title: 'x', assigneeUserId: org.users.group_staff.id, dueDate: '2030-01-01' }],
        }),
        ['actions.0.assigneeUserId'],
      ],
    ];
    for (const [body, expected] of cases) {
      const res = await api('chief_of_staff').post('/api/v1/decisions', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(paths(res), JSON.stringify(body)).toEqual(expected);
    }
    expect(await countRows(t.app, 'decisions')).toBe(before.decisions);
    expect(await countRows(t.app, 'tasks')).toBe(before.tasks);
    expect((await api('chief_of_staff').get('/api/v1/decisions?view=late')).statusCode).toBe(400);
    expect((await api('chief_of_staff').get('/api/v1/decisions?cursor=nope')).statusCode).toBe(400);
    const d = await create('chief_of_staff', { actions: [] });
    const bad = await api('chief_of_staff').post(`/api/v1/decisions/${d.id}/actions`, { actions: [] });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['actions']);
  });

  it('refuses writers outside the roles (403), hides decisions from group staff and the admin (404)', async () => {
    const d = await create('chief_of_staff', { actions: [] });
    for (const role of ['communication', 'secretariat', 'services', 'group_staff', 'admin'] as const) {
      expect((await api(role).post('/api/v1/decisions', aDecision())).statusCode, role).toBe(403);
    }
    for (const role of ['group_staff', 'admin'] as const) {
      expect((await api(role).get(`/api/v1/decisions/${d.id}`)).statusCode, role).toBe(404);
      expect(await ids(role, 'all'), role).toEqual([]);
    }
    // An adviser sees it (normal) but did not record it: no actions to add.
    expect((await api('advisor').get(`/api/v1/decisions/${d.id}`)).json().policies).toMatchObject({
      addActions: false,
    });
    const res = await api('advisor').post(`/api/v1/decisions/${d.id}/actions`, {
      actions: [{ title: 'x', assigneeServiceId: serviceId, dueDate: '2030-01-01' }],
    });
    expect(res.statusCode).toBe(403);
  });

  it('answers 404 to another organisation', async () => {
    const d = await create('chief_of_staff', { actions: [] });
    const foreign = as(t.app, otherCookie);
    expect((await foreign.get(`/api/v1/decisions/${d.id}`)).statusCode).toBe(404);
    expect(
      (
        await foreign.post(`/api/v1/decisions/${d.id}/actions`, {
          actions: [{ title: 'x', assigneeUserId: other.users.executive.id, dueDate: '2030-01-01' }],
        })
      ).statusCode,
    ).toBe(404);
    expect(
      ((await foreign.get('/api/v1/decisions?view=all')).json().data as { id: string }[]).map((x) => x.id),
    ).not.toContain(d.id);
    // Another organisation's service is bad input.
    const res = await foreign.post('/api/v1/decisions', {
      ...aDecision({ decidedById: other.users.executive.id }),
      actions: [{ title: 'x', assigneeServiceId: serviceId, dueDate: '2030-01-01' }],
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(['actions.0.assigneeServiceId']);
  });
});

describe('the API contract', () => {
  it('documents the notes’ and decisions’ routes in the OpenAPI contract', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/notes',
        '/api/v1/notes/reading-folder',
        '/api/v1/notes/templates/{id}',
        '/api/v1/notes/{id}/versions/{v}/diff',
        '/api/v1/notes/{id}/contributions/{cid}',
        '/api/v1/notes/{id}/answer',
        '/api/v1/decisions',
        '/api/v1/decisions/{id}/actions',
      ]),
    );
  });
});
