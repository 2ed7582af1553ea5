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
import { localDate } from '../../platform/calendar/working-days';
import { queryRows } from '../../platform/db/client';
import { sendTaskReminders } from './task-reminders';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
let serviceId: string;
const api = (role: TRole) => as(t.app, cookies[role]);
const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

/** A day counted from today in Nouméa, the test organisation's calendar. */
function day(offset: number): string {
  const today = new Date(`${localDate(new Date(), 'Pacific/Noumea')}T12:00:00Z`);
  today.setUTCDate(today.getUTCDate() + offset);
  return today.toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'advisor']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  const service = await api('chief_of_staff').post('/api/v1/services', { name: 'Services techniques' });
  expect(service.statusCode).toBe(201);
  serviceId = service.json().id;
  // The services user works in the technical services (the org module's member setting).
  await t.app.ctx.db.execute(
    sql`update memberships set service_id = ${serviceId} where org_id = ${org.orgId} and user_id = ${org.users.services.id}`,
  );
});
afterAll(() => t.close());

async function createTask(role: TRole, body: Record<string, unknown>) {
  const res = await api(role).post('/api/v1/tasks', { title: 'Préparer la réponse au collectif', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; [k: string]: unknown };
}

async function viewIds(role: TRole, view: string, extra = ''): Promise<string[]> {
  const res = await api(role).get(`/api/v1/tasks?view=${view}&limit=200${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().data as { id: string }[]).map((x) => x.id);
}

describe('tasks', () => {
  it('assigns a task to a person, tells them, and shows it in their views by due date', async () => {
    const later = await createTask('cabinet_head', {
      title: 'Plus tard',
      assigneeUserId: org.users.advisor.id,
      dueDate: day(10),
    });
    const soon = await createTask('cabinet_head', {
      title: 'Rédiger les éléments de langage',
      description: 'Pour la réunion publique de jeudi.',
      assigneeUserId: org.users.advisor.id,
      dueDate: day(2),
    });
    const undated = await createTask('cabinet_head', { title: 'Sans date', assigneeUserId: org.users.advisor.id });
    expect(soon).toMatchObject({
      status: 'todo',
      assigneeUserId: org.users.advisor.id,
      createdById: org.users.cabinet_head.id,
      confidentiality: 'normal',
      overdue: false,
      link: null,
      policies: { read: true, update: true, progress: true },
    });
    expect((await viewIds('advisor', 'mine')).filter((id) => [later.id, soon.id, undated.id].includes(id))).toEqual([
      soon.id,
      later.id,
      undated.id,
    ]);
    expect(await viewIds('cabinet_head', 'created_by_me')).toEqual(expect.arrayContaining([soon.id, later.id]));
    const told = await queryRows<{ title: string }>(
      t.app.ctx.db,
      sql`select title from notifications where user_id = ${org.users.advisor.id} and record_id = ${soon.id}`,
    );
    expect(told.map((n) => n.title)).toEqual(['Nouvelle tâche : Rédiger les éléments de langage']);

    // Pages through the due-date order with a cursor.
    const first = await api('advisor').get('/api/v1/tasks?view=mine&limit=2');
    const second = await api('advisor').get(`/api/v1/tasks?view=mine&limit=2&cursor=${first.json().nextCursor}`);
    expect([...first.json().data, ...second.json().data].map((x: { id: string }) => x.id)).toEqual(
      await viewIds('advisor', 'mine'),
    );
  });

  it('lets the assignee move the status only, and the creator or the heads change the rest', async () => {
    const task = await createTask('chief_of_staff', { assigneeUserId: org.users.advisor.id, dueDate: day(3) });
    const mine = api('advisor');
    expect((await mine.get(`/api/v1/tasks/${task.id}`)).json().policies).toEqual({
      read: true,
      update: false,
      progress: true,
    });
    expect((await mine.patch(`/api/v1/tasks/${task.id}`, { title: 'Autre titre' })).statusCode).toBe(403);
    const done = await mine.patch(`/api/v1/tasks/${task.id}`, { status: 'done' });
    expect(done.statusCode).toBe(200);
    expect(done.json().completedAt).not.toBeNull();
    expect((await api('communication').patch(`/api/v1/tasks/${task.id}`, { status: 'todo' })).statusCode).toBe(403);
    const reopened = await api('chief_of_staff').patch(`/api/v1/tasks/${task.id}`, {
      status: 'in_progress',
      dueDate: day(5),
    });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', completedAt: null, dueDate: day(5) });
    const trail = await queryRows<{ action: string }>(
      t.app.ctx.db,
      sql`select action from audit_log where record_id = ${task.id} order by id`,
    );
    expect(trail.map((a) => a.action)).toEqual(['task.create', 'task.update', 'task.update']);
  });

  it('gives a service’s tasks to its members (« my service’s tasks »), who move them along', async () => {
    const task = await createTask('advisor', {
      title: 'Réparer le lampadaire',
      assigneeServiceId: serviceId,
      dueDate: day(4),
    });
    expect(await viewIds('services', 'my_service')).toEqual([task.id]);
    expect(await viewIds('advisor', 'my_service')).toEqual([]);
    expect((await api('services').patch(`/api/v1/tasks/${task.id}`, { status: 'in_progress' })).statusCode).toBe(200);
    // The services user sees only their own and their service's tasks.
    const someoneElse = await createTask('advisor', {
      title: 'Pas pour les services',
      assigneeUserId: org.users.secretariat.id,
    });
    expect((await api('services').get(`/api/v1/tasks/${someoneElse.id}`)).statusCode).toBe(404);
    expect(await viewIds('services', 'all')).not.toContain(someoneElse.id);
  });

  it('lists overdue tasks in the organisation’s calendar and raises them in the alert feed', async () => {
    const late = await createTask('chief_of_staff', {
      title: 'Bilan du plan canicule',
      assigneeUserId: org.users.advisor.id,
      dueDate: day(-9),
    });
    const today = await createTask('chief_of_staff', {
      title: 'Pour aujourd’hui',
      assigneeUserId: org.users.advisor.id,
      dueDate: day(0),
    });
    expect(late.overdue).toBe(true);
    const overdue = await viewIds('chief_of_staff', 'overdue');
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(today.id);
    const feed = (await api('executive').get('/api/v1/alerts')).json().data;
    expect(feed.find((a: { id: string }) => a.id === `task.overdue:${late.id}`)).toMatchObject({
      kind: 'task.overdue',
      priority: 'high',
      title: 'Bilan du plan canicule',
      detail: `En retard de 9 jours (échéance ${day(-9)})`,
    });
  });

  it('reminds the assignee of tasks due tomorrow or overdue, once each, and a service’s members', async () => {
    const tomorrow = await createTask('chief_of_staff', {
      title: 'Rappel demain',
      assigneeUserId: org.users.secretariat.id,
      dueDate: day(1),
    });
    const service = await createTask('chief_of_staff', {
      title: 'Rappel service',
      assigneeServiceId: serviceId,
      dueDate: day(-1),
    });
    const farAway = await createTask('chief_of_staff', {
      title: 'Rappel lointain',
      assigneeUserId: org.users.secretariat.id,
      dueDate: day(20),
    });
    await sendTaskReminders(t.app.ctx.db);
    await sendTaskReminders(t.app.ctx.db);
    const sent = await queryRows<{ record_id: string; kind: string; user_id: string }>(
      t.app.ctx.db,
      sql`select record_id::text, kind, user_id::text from notifications
          where record_id in (${tomorrow.id}, ${service.id}, ${farAway.id}) and kind <> 'task.assigned' order by kind`,
    );
    expect(sent).toEqual([
      { record_id: tomorrow.id, kind: 'task.due_tomorrow', user_id: org.users.secretariat.id },
      { record_id: service.id, kind: 'task.overdue', user_id: org.users.services.id },
    ]);
  });

  it('hides a task about a confidential case from whoever does not see the case, except its assignee', async () => {
    const secret = await api('chief_of_staff').post('/api/v1/cases', {
      kind: 'sensitive_matter',
      title: 'Dossier sensible des tâches',
      confidentiality: 'confidential',
      members: [org.users.cabinet_head.id],
    });
    expect(secret.statusCode).toBe(201);
    const caseId = secret.json().id;
    const task = await createTask('chief_of_staff', {
      title: 'Note discrète sur le foncier coutumier',
      assigneeUserId: org.users.secretariat.id,
      link: { kind: 'case', id: caseId },
    });
    expect(task).toMatchObject({ confidentiality: 'confidential', link: { kind: 'case', id: caseId } });
    const search = async (role: TRole) =>
      (
        (await api(role).get('/api/v1/search?q=foncier%20coutumier')).json().groups as {
          kind: string;
          hits: { recordId: string }[];
        }[]
      )
        .filter((g) => g.kind === 'task')
        .flatMap((g) => g.hits.map((h) => h.recordId));

    for (const role of ['advisor', 'communication'] as const) {
      expect((await api(role).get(`/api/v1/tasks/${task.id}`)).statusCode).toBe(404);
      expect(await viewIds(role, 'all')).not.toContain(task.id);
      expect(await search(role)).toEqual([]);
    }
    for (const role of ['secretariat', 'executive', 'cabinet_head'] as const) {
      expect((await api(role).get(`/api/v1/tasks/${task.id}`)).statusCode, role).toBe(200);
    }
    expect(await search('secretariat')).toEqual([task.id]);
    // The advisor may not create a task about a case they do not see: unknown to them (400).
    const before = await countRows(t.app, 'tasks');
    const refused = await api('advisor').post('/api/v1/tasks', { title: 'x', link: { kind: 'case', id: caseId } });
    expect(refused.statusCode).toBe(400);
    expect(paths(refused)).toContain('link.id');
    expect(await countRows(t.app, 'tasks')).toBe(before);

    // The case becomes normal: its task follows at once.
    expect(
      (await api('chief_of_staff').patch(`/api/v1/cases/${caseId}`, { confidentiality: 'normal' })).statusCode,
    ).toBe(200);
    expect((await api('advisor').get(`/api/v1/tasks/${task.id}`)).json().confidentiality).toBe('normal');
    expect(await viewIds('advisor', 'all', `&linkKind=case&linkId=${caseId}`)).toEqual([task.id]);
    // The case's timeline shows the task to whoever sees both.
    const timeline = (await api('advisor').get(`/api/v1/cases/${caseId}/timeline`)).json().data;
    expect(timeline.find((e: { id: string }) => e.id === `task:${task.id}`)).toMatchObject({
      type: 'link',
      action: 'task',
      title: 'Tâche créée',
      detail: 'Note discrète sur le foncier coutumier (à faire)',
      url: `/tasks/${task.id}`,
    });
  });

  it('refuses bad input with the fields named, writing nothing', async () => {
    const before = [await countRows(t.app, 'tasks'), await countRows(t.app, 'audit_log')];
    const bad: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ assigneeUserId: org.users.advisor.id, assigneeServiceId: serviceId }, 'assigneeServiceId'],
      [{ assigneeUserId: other.users.advisor.id }, 'assigneeUserId'],
      [{ assigneeUserId: org.users.group_staff.id }, 'assigneeUserId'],
      [{ assigneeUserId: org.users.admin.id }, 'assigneeUserId'],
      [{ assigneeServiceId: '01900000-0000-7000-8000-000000000000' }, 'assigneeServiceId'],
      [{ dueDate: 'demain' }, 'dueDate'],
      [{ link: { kind: 'case', id: '01900000-0000-7000-8000-000000000000' } }, 'link.id'],
      [{ link: { kind: 'event', id: '01900000-0000-7000-8000-000000000000' } }, 'link.kind'], // a kind no module registered yet
      [{ link: { kind: 'planet', id: '01900000-0000-7000-8000-000000000000' } }, 'link.kind'],
      [{ status: 'todo' }, 'status'],
    ];
    for (const [body, path] of bad) {
      const res = await api('chief_of_staff').post('/api/v1/tasks', { title: 'Une tâche', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(paths(res), JSON.stringify(body)).toContain(path);
    }
    const task = await createTask('chief_of_staff', {});
    const afterCreate = [await countRows(t.app, 'tasks'), await countRows(t.app, 'audit_log')];
    for (const [body, path] of [
      [{}, ''],
      [{ status: 'finished' }, 'status'],
      [{ assigneeUserId: other.users.advisor.id }, 'assigneeUserId'],
    ] as [Record<string, unknown>, string][]) {
      const res = await api('chief_of_staff').patch(`/api/v1/tasks/${task.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (path) expect(paths(res)).toContain(path);
    }
    expect((await api('chief_of_staff').get('/api/v1/tasks?view=everything')).statusCode).toBe(400);
    expect((await api('chief_of_staff').get('/api/v1/tasks?cursor=abc')).statusCode).toBe(400);
    // Only the one good task and its audit row were written.
    expect(afterCreate).toEqual(before.map((n) => n + 1));
    expect([await countRows(t.app, 'tasks'), await countRows(t.app, 'audit_log')]).toEqual(afterCreate);
  });

  it('keeps group staff and the admin out (403 to create, 404 and empty lists to read)', async () => {
    const task = await createTask('chief_of_staff', { assigneeUserId: org.users.advisor.id });
    for (const role of ['group_staff', 'admin'] as const) {
      expect((await api(role).post('/api/v1/tasks', { title: 'x' })).statusCode).toBe(403);
      expect((await api(role).get(`/api/v1/tasks/${task.id}`)).statusCode).toBe(404);
      expect((await api(role).patch(`/api/v1/tasks/${task.id}`, { status: 'done' })).statusCode).toBe(404);
      expect(await viewIds(role, 'all')).toEqual([]);
    }
  });

  it('answers 404 to another organisation', async () => {
    const task = await createTask('chief_of_staff', { assigneeUserId: org.users.advisor.id });
    const them = as(t.app, otherCookie);
    expect((await them.get(`/api/v1/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await them.patch(`/api/v1/tasks/${task.id}`, { status: 'done' })).statusCode).toBe(404);
    expect((await them.get('/api/v1/tasks?limit=200')).json().data.map((x: { id: string }) => x.id)).not.toContain(
      task.id,
    );
    const theirCase = await them.post('/api/v1/cases', { kind: 'other', title: 'Chez eux', confidentiality: 'normal' });
    const refused = await api('chief_of_staff').post('/api/v1/tasks', {
      title: 'x',
      link: { kind: 'case', id: theirCase.json().id },
    });
    expect(refused.statusCode).toBe(400);
    expect(paths(refused)).toContain('link.id');
  });
});
