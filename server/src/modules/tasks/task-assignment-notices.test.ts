import { ROLES, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';
import { queryRows } from '../../platform/db/client';

// Who is told of a task (issue 6): its person, or every active member of its service.

let t: TestApp;
let org: TestOrg;
const cookies = {} as Record<TRole, string>;
let serviceId: string;
let colleagueId: string;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  serviceId = (await api('chief_of_staff').post('/api/v1/services', { name: 'Services techniques' })).json().id;
  // Two people of the technical services: the services user, and an official working there
  // (an unusual but possible setting); group staff set on it by mistake must not be told.
  colleagueId = org.users.official.id;
  for (const userId of [org.users.services.id, colleagueId, org.users.group_staff.id]) {
    await queryRows(
      t.app.ctx.db,
      sql`update memberships set service_id = ${serviceId} where org_id = ${org.orgId} and user_id = ${userId}`,
    );
  }
});
afterAll(() => t.close());

async function told(taskId: string) {
  return queryRows<{ user_id: string; title: string; link: string }>(
    t.app.ctx.db,
    sql`select user_id::text, title, link from notifications
        where record_id = ${taskId} and kind = 'task.assigned' order by user_id`,
  );
}

describe('telling who holds a task', () => {
  it('tells every active member of the assigned service who sees content, not the one who assigned it', async () => {
    const res = await api('chief_of_staff').post('/api/v1/tasks', {
      title: 'Reboucher la chaussée rue des Acacias',
      assigneeServiceId: serviceId,
      dueDate: '2030-01-15',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const rows = await told(id);
    expect(rows.map((r) => r.user_id).sort()).toEqual([org.users.services.id, colleagueId].sort());
    expect(rows[0]).toMatchObject({
      title: 'Nouvelle tâche pour votre service : Reboucher la chaussée rue des Acacias',
      link: `/tasks/${id}`,
    });
    // A member of the service who assigns to their own service is not told of their own act.
    const own = await api('services').post('/api/v1/tasks', {
      title: 'Commander l’enrobé',
      assigneeServiceId: serviceId,
    });
    expect(own.statusCode, own.body).toBe(201);
    expect((await told(own.json().id)).map((r) => r.user_id)).toEqual([colleagueId]);
  });

  it('tells a person on assignment and on reassignment, once, and the service when it takes the task over', async () => {
    const res = await api('chief_of_staff').post('/api/v1/tasks', {
      title: 'Appeler le bailleur social',
      assigneeUserId: org.users.advisor.id,
    });
    const id = res.json().id;
    expect((await told(id)).map((r) => r.user_id)).toEqual([org.users.advisor.id]);
    // Changing the due date alone tells no one again.
    expect((await api('chief_of_staff').patch(`/api/v1/tasks/${id}`, { dueDate: '2030-02-01' })).statusCode).toBe(200);
    expect(await told(id)).toHaveLength(1);
    const moved = await api('chief_of_staff').patch(`/api/v1/tasks/${id}`, { assigneeServiceId: serviceId });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await told(id)).map((r) => r.user_id).sort()).toEqual(
      [org.users.advisor.id, org.users.services.id, colleagueId].sort(),
    );
    // Back to the service once more: already told, no second notice.
    await api('chief_of_staff').patch(`/api/v1/tasks/${id}`, { assigneeUserId: org.users.advisor.id });
    await api('chief_of_staff').patch(`/api/v1/tasks/${id}`, { assigneeServiceId: serviceId });
    expect(await told(id)).toHaveLength(3);
  });

  it('writes no notice when the assignment is refused (bad input, another organisation’s service)', async () => {
    const before = (await queryRows<{ n: number }>(t.app.ctx.db, sql`select count(*)::int as n from notifications`))[0]
      ?.n;
    const otherOrg = await createTestOrg(t.app, ['chief_of_staff']);
    const theirCookie = await signIn(t.app, otherOrg.users.chief_of_staff);
    const theirService = (await as(t.app, theirCookie).post('/api/v1/services', { name: 'Leur service' })).json().id;
    const crossing = await api('chief_of_staff').post('/api/v1/tasks', { title: 'X', assigneeServiceId: theirService });
    expect(crossing.statusCode).toBe(400);
    const both = await api('chief_of_staff').post('/api/v1/tasks', {
      title: 'X',
      assigneeServiceId: serviceId,
      assigneeUserId: org.users.advisor.id,
    });
    expect(both.statusCode).toBe(400);
    expect(
      (await api('group_staff').post('/api/v1/tasks', { title: 'X', assigneeServiceId: serviceId })).statusCode,
    ).toBe(403);
    const after = (await queryRows<{ n: number }>(t.app.ctx.db, sql`select count(*)::int as n from notifications`))[0]
      ?.n;
    expect(after).toBe(before);
  });
});
