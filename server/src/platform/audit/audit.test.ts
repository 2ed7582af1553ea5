import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';
import { queryRows } from '../db/client';
import { recordAudit } from './record-audit';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let chief: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app, ['chief_of_staff', 'admin', 'advisor', 'executive']);
  other = await createTestOrg(t.app, ['chief_of_staff', 'admin']);
  chief = await signIn(t.app, org.users.chief_of_staff);
  const admin = await signIn(t.app, org.users.admin);
  // Three changes by the admin give the trail something to filter.
  for (const role of ['advisor', 'communication', 'advisor'] as const) {
    await as(t.app, admin).patch(`/api/v1/members/${org.users.advisor.id}`, { role });
  }
  await as(t.app, await signIn(t.app, other.users.admin)).patch(`/api/v1/members/${other.users.chief_of_staff.id}`, {
    jobTitle: 'Autre',
  });
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('is append-only, whatever the database client tries', async () => {
    const { db } = t.app.ctx;
    await db.transaction((tx) => recordAudit(tx, null, { action: 'test.append', recordType: 'test' }, org.orgId));
    await expect(db.execute(sql`update audit_log set action = 'rewritten'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const [rewritten] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'rewritten'`,
    );
    expect(rewritten?.n).toBe(0);
  });

  it('records actor, organisation, action, record, before/after and IP', async () => {
    const res = await as(t.app, chief).get(`/api/v1/audit?recordType=member&recordId=${org.users.advisor.id}`);
    expect(res.statusCode).toBe(200);
    const [latest] = res.json().data;
    expect(latest).toMatchObject({
      action: 'member.update',
      actorId: org.users.admin.id,
      actorName: org.users.admin.name,
      recordType: 'member',
      recordId: org.users.advisor.id,
      summary: { before: { role: 'communication' }, after: { role: 'advisor' } },
    });
    expect(latest.ip).toBeTruthy();
    expect(Date.parse(latest.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('filters by actor and period, pages by cursor, and stays inside the organisation', async () => {
    const api = as(t.app, chief);
    const byActor = (await api.get(`/api/v1/audit?actorId=${org.users.admin.id}&limit=2`)).json();
    expect(byActor.data).toHaveLength(2);
    expect(byActor.data.every((e: { actorId: string }) => e.actorId === org.users.admin.id)).toBe(true);
    const next = (
      await api.get(`/api/v1/audit?actorId=${org.users.admin.id}&limit=2&cursor=${byActor.nextCursor}`)
    ).json();
    expect(next.data.length).toBeGreaterThan(0);
    expect(next.data[0].id < byActor.data[1].id).toBe(true);

    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await api.get(`/api/v1/audit?from=${future}`)).json().data).toEqual([]);
    const past = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    const recent = (await api.get(`/api/v1/audit?from=${past}&limit=200`)).json().data;
    expect(recent.length).toBeGreaterThanOrEqual(3);
    expect(recent.some((e: { recordId: string }) => e.recordId === other.users.chief_of_staff.id)).toBe(false);
  });

  it('lists the possible authors for the filter, inside the organisation', async () => {
    const res = await as(t.app, chief).get('/api/v1/audit/actors');
    expect(res.statusCode).toBe(200);
    const ids = res.json().data.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([org.users.admin.id, org.users.advisor.id]));
    expect(ids).not.toContain(other.users.admin.id);
  });

  it('is readable by the chief of staff and the admin only', async () => {
    for (const role of ['executive', 'advisor'] as const) {
      const res = await as(t.app, await signIn(t.app, org.users[role])).get('/api/v1/audit');
      expect(res.statusCode).toBe(403);
    }
    expect((await as(t.app, await signIn(t.app, org.users.admin)).get('/api/v1/audit')).statusCode).toBe(200);
  });

  it('rejects bad filters with the field named', async () => {
    const res = await as(t.app, chief).get('/api/v1/audit?from=yesterday&actorId=42');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['from', 'actorId']));
  });
});
