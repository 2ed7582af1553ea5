import { ROLES, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../../test/test-app';
import { queryRows } from '../../../platform/db/client';
import { createItemTypes } from '../commands/create-item-types';

// Issue 6 point 5: routing an item for action creates the lead's task; re-routing moves or
// cancels it; the item's end completes it; routing for information creates none.

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let types: Record<string, string>;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
const services = {} as Record<'voirie' | 'social', string>;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  types = Object.fromEntries((await createItemTypes(t.app.ctx.db, org.orgId)).map((x) => [x.code, x.id]));
  for (const [key, name] of [
    ['voirie', 'Services techniques'],
    ['social', 'Action sociale'],
  ] as const) {
    const res = await api('chief_of_staff').post('/api/v1/services', { name, topics: [key] });
    expect(res.statusCode, res.body).toBe(201);
    services[key] = res.json().id;
  }
  const linked = await api('admin').patch(`/api/v1/members/${org.users.services.id}`, { serviceId: services.voirie });
  expect(linked.statusCode, linked.body).toBe(200);
});
afterAll(() => t.close());

let n = 0;
async function register(over: Record<string, unknown> = {}) {
  n += 1;
  const res = await api('secretariat').post('/api/v1/correspondence', {
    direction: 'in',
    channel: 'email',
    subject: `Trottoir abîmé ${n}`,
    sender: { name: 'M. Paul WAMYTAN', email: 'paul.w@example.nc' },
    typeId: types.demande,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; registrationNumber: string; dueDate: string | null };
}

interface TaskRow {
  id: string;
  status: string;
  assignee_user_id: string | null;
  assignee_service_id: string | null;
  due_date: string | null;
  confidentiality: string;
  members: string[];
  title: string;
}

async function tasksOf(itemId: string): Promise<TaskRow[]> {
  return queryRows<TaskRow>(
    t.app.ctx.db,
    sql`select id, status, assignee_user_id, assignee_service_id, due_date::text, confidentiality, members, title
        from tasks where link_kind = 'correspondence' and link_id = ${itemId} order by id`,
  );
}

const route = (id: string, assignments: unknown[], role: TRole = 'secretariat') =>
  api(role).post(`/api/v1/correspondence/${id}/route`, { assignments });

describe('routing creates the lead’s task', () => {
  it('routes for action to a service: one task, due on the item’s due date, in « my service’s tasks »', async () => {
    const item = await register();
    expect(item.dueDate).not.toBeNull();
    const res = await route(item.id, [
      { serviceId: services.voirie, mode: 'action' },
      { userId: org.users.advisor.id, mode: 'information' },
      { serviceId: services.social, mode: 'information' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const [task, ...rest] = await tasksOf(item.id);
    expect(rest).toEqual([]);
    expect(task).toMatchObject({
      status: 'todo',
      assignee_service_id: services.voirie,
      assignee_user_id: null,
      due_date: item.dueDate,
    });
    expect(task?.title).toContain(item.registrationNumber);
    const mine = await api('services').get('/api/v1/tasks?view=my_service');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().data.map((x: { id: string }) => x.id)).toContain(task?.id);
    const linkedTask = mine.json().data.find((x: { id: string }) => x.id === task?.id);
    expect(linkedTask.link).toEqual({ kind: 'correspondence', id: item.id });
    // Those routed for information get no task.
    const advisor = await api('advisor').get('/api/v1/tasks?view=mine');
    expect(advisor.json().data.map((x: { id: string }) => x.id)).not.toContain(task?.id);
  });

  it('routes to a person: their task in « my tasks »; re-routing to the same lead keeps it, to another moves it', async () => {
    const item = await register();
    expect((await route(item.id, [{ userId: org.users.advisor.id, mode: 'action' }])).statusCode).toBe(200);
    const [first] = await tasksOf(item.id);
    expect(first).toMatchObject({ assignee_user_id: org.users.advisor.id, status: 'todo' });
    const mine = await api('advisor').get('/api/v1/tasks?view=mine');
    expect(mine.json().data.map((x: { id: string }) => x.id)).toContain(first?.id);

    expect((await route(item.id, [{ userId: org.users.advisor.id, mode: 'action' }])).statusCode).toBe(200);
    expect((await tasksOf(item.id)).map((x) => x.id)).toEqual([first?.id]);

    // The advisor takes it in hand, then the cabinet sends it to the social service instead.
    expect((await api('advisor').post(`/api/v1/correspondence/${item.id}/accept`)).statusCode).toBe(200);
    expect((await tasksOf(item.id)).map((x) => x.status)).toEqual(['in_progress']);
    expect((await route(item.id, [{ serviceId: services.social, mode: 'action' }])).statusCode).toBe(200);
    const moved = await tasksOf(item.id);
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({
      id: first?.id,
      assignee_user_id: null,
      assignee_service_id: services.social,
      status: 'todo',
    });
    const audits = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select count(*)::int as n from audit_log where record_id = ${first?.id ?? ''} and action = 'task.update'`,
    );
    // Started, then moved.
    expect(audits[0]?.n).toBe(2);
  });

  it('leaves a task made by hand about the item alone when re-routing, and completes the routing task on close', async () => {
    const item = await register();
    const manual = await api('chief_of_staff').post('/api/v1/tasks', {
      title: 'Appeler le demandeur',
      assigneeUserId: org.users.communication.id,
      link: { kind: 'correspondence', id: item.id },
    });
    expect(manual.statusCode, manual.body).toBe(201);
    expect((await route(item.id, [{ serviceId: services.voirie, mode: 'action' }])).statusCode).toBe(200);
    expect((await route(item.id, [{ serviceId: services.social, mode: 'action' }])).statusCode).toBe(200);
    const closed = await api('secretariat').post(`/api/v1/correspondence/${item.id}/close`, {
      withoutReply: true,
      reason: 'Doublon.',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const all = await tasksOf(item.id);
    expect(all.find((x) => x.id === manual.json().id)?.status).toBe('todo');
    expect(all.filter((x) => x.id !== manual.json().id).map((x) => x.status)).toEqual(['done']);
  });

  it('completes the task when the reply is sent, and when the item is forwarded', async () => {
    const item = await register();
    expect((await route(item.id, [{ serviceId: services.voirie, mode: 'action' }])).statusCode).toBe(200);
    expect((await tasksOf(item.id)).map((x) => x.status)).toEqual(['todo']);
    expect((await api('services').post(`/api/v1/correspondence/${item.id}/accept`)).statusCode).toBe(200);
    // Taken in hand: the task is in progress.
    expect((await tasksOf(item.id)).map((x) => x.status)).toEqual(['in_progress']);
    const reply = await api('services').put(`/api/v1/correspondence/${item.id}/reply`, { bodyHtml: '<p>Réponse</p>' });
    expect(reply.statusCode, reply.body).toBe(200);
    const submitted = await api('services').post(`/api/v1/correspondence/${item.id}/submit-review`, {
      reviewerIds: [org.users.chief_of_staff.id],
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const reviewed = await api('chief_of_staff').post(`/api/v1/correspondence/${item.id}/review`, {
      decision: 'approve',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const signed = await api('executive').post(`/api/v1/correspondence/${item.id}/sign`, { decision: 'approve' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect((await tasksOf(item.id)).map((x) => x.status)).toEqual(['in_progress']);
    const sent = await api('services').post(`/api/v1/correspondence/${item.id}/send`, { method: 'email' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect((await tasksOf(item.id)).map((x) => x.status)).toEqual(['done']);

    const b = await register();
    expect((await route(b.id, [{ userId: org.users.advisor.id, mode: 'action' }])).statusCode).toBe(200);
    const forwarded = await api('secretariat').post(`/api/v1/correspondence/${b.id}/forward`, {
      authority: 'Province Sud',
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect((await tasksOf(b.id)).map((x) => x.status)).toEqual(['done']);
  });

  it('a confidential item’s task is confidential to its named people: another cabinet member never sees it', async () => {
    const item = await register({ confidentiality: 'confidential' });
    expect((await route(item.id, [{ userId: org.users.advisor.id, mode: 'action' }])).statusCode).toBe(200);
    const [task] = await tasksOf(item.id);
    expect(task?.confidentiality).toBe('confidential');
    expect(task?.members).toEqual(expect.arrayContaining([org.users.advisor.id, org.users.secretariat.id]));
    expect((await api('cabinet_head').get(`/api/v1/tasks/${task?.id}`)).statusCode).toBe(404);
    expect((await api('advisor').get(`/api/v1/tasks/${task?.id}`)).statusCode).toBe(200);
  });

  it('writes no task on bad input, on a refused routing, or across organisations', async () => {
    const item = await register();
    const bad = await route(item.id, [{ serviceId: '00000000-0000-7000-8000-000000000000', mode: 'action' }]);
    expect(bad.statusCode).toBe(400);
    const twoLeads = await route(item.id, [
      { serviceId: services.voirie, mode: 'action' },
      { serviceId: services.social, mode: 'action' },
    ]);
    expect(twoLeads.statusCode).toBe(400);
    const infoOnly = await route(item.id, [{ serviceId: services.voirie, mode: 'information' }]);
    expect(infoOnly.statusCode).toBe(400);
    expect((await route(item.id, [{ serviceId: services.voirie, mode: 'action' }], 'services')).statusCode).toBe(404);
    const elsewhere = await as(t.app, otherCookie).post(`/api/v1/correspondence/${item.id}/route`, {
      assignments: [{ serviceId: services.voirie, mode: 'action' }],
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(await tasksOf(item.id)).toEqual([]);
  });
});
