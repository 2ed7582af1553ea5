import { ROLES, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingStatements } from '../../../test/recording-db';
import { as, createTestOrg, openTestDatabase, signIn, type TestOrg, testConfig } from '../../../test/test-app';
import { buildApp } from '../../app';
import type { Database } from '../../platform/db/client';
import { queryRows } from '../../platform/db/client';
import type { Actor } from '../../platform/policy/actor';
import { declareOfficial } from './agenda-fixtures';
import { agendaTimelineStatement } from './directory-sources';
import { loadOfficials } from './officials-index';

// The agenda's officials index is kept in memory while the officials' stamp in the database
// holds (officials-cache.ts, migration 0030): counted here by the statements the server sends.

let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let org: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(app, cookies[role]);
let statements: string[] = [];
let deputyId: string;
let deputyContactId: string;
let attendeeId: string;

const readsOfficials = () => statements.filter((s) => /from "officials"|from "mandates"/.test(s));

const actorOf = (role: TRole): Actor => ({
  userId: org.users[role].id,
  name: '',
  email: '',
  orgId: org.orgId,
  role,
  sessionId: 'test',
  ip: '',
});

beforeAll(async () => {
  const opened = await openTestDatabase();
  database = { ...opened, db: recordingStatements(opened.db, opened.driver, (query) => statements.push(query)) };
  app = await buildApp(testConfig(), { database, logger: false });
  org = await createTestOrg(app);
  for (const role of ROLES) cookies[role] = await signIn(app, org.users[role]);
  deputyId = await declareOfficial(app, cookies.chief_of_staff, { lastName: 'Wéa', userId: org.users.official.id });
  const [row] = await queryRows<{ contact_id: string }>(
    app.ctx.db,
    sql`select contact_id::text from officials where id = ${deputyId}`,
  );
  deputyContactId = row?.contact_id ?? '';
  attendeeId = (
    await api('chief_of_staff').post('/api/v1/contacts', { kind: 'person', firstName: 'Jean', lastName: 'Poédi' })
  ).json().id;
  const event = await api('secretariat').post('/api/v1/events', {
    title: 'Rencontre avec le comité des fêtes',
    start: '2026-11-25T18:00:00+11:00',
    end: '2026-11-25T19:00:00+11:00',
    officialIds: [deputyId],
    attendees: { contactIds: [attendeeId] },
    kind: 'meeting',
    visibility: 'public',
  });
  expect(event.statusCode, event.body).toBe(201);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const week = (role: TRole = 'secretariat') =>
  api(role).get(`/api/v1/events?from=2026-11-23&to=2026-11-29&officialIds=${deputyId}`);

describe('the agenda’s officials index', () => {
  it('is read once, then the week of an official costs no officials query', async () => {
    await week(); // the cache may be warm from the event's creation: this one fills it for sure
    statements = [];
    const first = await api('cabinet_head').get(`/api/v1/events?from=2026-11-23&to=2026-11-29&officialIds=${deputyId}`);
    expect(first.statusCode).toBe(200);
    // Another viewer: their own index, read from the directory (the matcher sees it).
    expect(readsOfficials().length).toBeGreaterThan(0);
    statements = [];
    const again = await week();
    expect(again.statusCode).toBe(200);
    expect(again.json().data.map((e: { title: string }) => e.title)).toContain('Rencontre avec le comité des fêtes');
    expect(readsOfficials()).toEqual([]);
  });

  it('is read once for a contact’s 360° timeline too, which finds the events naming them', async () => {
    const timeline = () => api('secretariat').get(`/api/v1/contacts/${attendeeId}/timeline`);
    expect((await timeline()).statusCode).toBe(200);
    statements = [];
    const res = await timeline();
    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((e: { id: string }) => e.id.split(':')[0])).toContain('agenda');
    expect(readsOfficials()).toEqual([]);
  });

  it('is read again once officials change through the directory', async () => {
    await week();
    const other = await declareOfficial(app, cookies.chief_of_staff, { lastName: 'Nakamura' });
    statements = [];
    const conflicts = await api('secretariat').get(
      `/api/v1/events/conflicts?officialId=${other}&from=2026-11-23&to=2026-11-29`,
    );
    expect(conflicts.statusCode, conflicts.body).toBe(200);
    expect(readsOfficials().length).toBeGreaterThan(0);
  });

  it('is read again when another process changes them, whatever table it writes', async () => {
    const conflicts = () =>
      api('secretariat').get(`/api/v1/events/conflicts?officialId=${deputyId}&from=2026-11-23&to=2026-11-29`);
    expect((await conflicts()).statusCode).toBe(200);
    // A statement no code of this process sees: the stamp in the database is what tells.
    await app.ctx.db.execute(sql`update contacts set deleted_at = now() where id = ${deputyContactId}`);
    expect((await conflicts()).statusCode).toBe(404);
    await app.ctx.db.execute(sql`update contacts set deleted_at = null where id = ${deputyContactId}`);
    expect((await conflicts()).statusCode).toBe(200);
    await app.ctx.db.execute(sql`update mandates set label = 'Adjointe à la culture' where official_id = ${deputyId}`);
    expect((await loadOfficials(app.ctx.db, actorOf('secretariat'))).byId.get(deputyId)?.details).toContain(
      'Adjointe à la culture',
    );
    await app.ctx.db.execute(sql`update officials set user_id = null where id = ${deputyId}`);
    expect((await loadOfficials(app.ctx.db, actorOf('official'))).ofUser(org.users.official.id)).toEqual([]);
    await app.ctx.db.execute(sql`update officials set user_id = ${org.users.official.id} where id = ${deputyId}`);
    expect((await loadOfficials(app.ctx.db, actorOf('official'))).ofUser(org.users.official.id)).toHaveLength(1);
  });

  it('shows a transaction its own changes, and keeps none of them once it rolls back', async () => {
    const actor = actorOf('secretariat');
    const before = (await loadOfficials(app.ctx.db, actor)).byId.get(deputyId)?.displayName;
    expect(before).toBeTruthy();
    await expect(
      app.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`update contacts set display_name = 'Nom annulé' where id = ${deputyContactId}`);
        expect((await loadOfficials(tx, actor)).byId.get(deputyId)?.displayName).toBe('Nom annulé');
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    statements = [];
    expect((await loadOfficials(app.ctx.db, actor)).byId.get(deputyId)?.displayName).toBe(before);
    // Still the index kept before the transaction: nothing read in it was kept.
    expect(readsOfficials()).toEqual([]);
  });

  it('keeps an index per viewer: group staff never get the index of someone who sees more', async () => {
    const chief = await loadOfficials(app.ctx.db, actorOf('chief_of_staff'));
    expect(chief.byId.has(deputyId)).toBe(true);
    // Group staff see the officials of the groups naming them only: none here.
    expect((await loadOfficials(app.ctx.db, actorOf('group_staff'))).byId.size).toBe(0);
  });
});

describe('a contact’s events on their 360° timeline', () => {
  it('are found through agenda_events_attendee_contacts_idx, not by reading every event', async () => {
    const { db } = app.ctx;
    // 5,000 events of the years past, each naming two people of a large address book.
    await db.execute(sql`insert into agenda_events (id, org_id, title, kind, visibility, starts_at, ends_at, time_zone, attendee_contact_ids)
      select gen_random_uuid(), ${org.orgId}, 'Rendez-vous ' || n, 'meeting', 'public',
             timestamptz '2022-01-01' + n * interval '4 hours', timestamptz '2022-01-01' + n * interval '4 hours' + interval '1 hour',
             'Pacific/Noumea', array[gen_random_uuid(), gen_random_uuid()]
      from generate_series(1, 5000) n`);
    await db.execute(sql`analyze agenda_events`);
    const statement = agendaTimelineStatement(actorOf('secretariat'), [], {
      contactIds: [attendeeId],
      before: null,
      limit: 20,
    });
    const plan = await queryRows<{ 'QUERY PLAN': unknown }>(db, sql`explain (analyze, format json) ${statement}`);
    const raw = plan[0]?.['QUERY PLAN'];
    const nodes: Record<string, unknown>[] = [];
    const walk = (n: Record<string, unknown>) => {
      nodes.push(n);
      for (const child of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk(((typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: Record<string, unknown> }[])[0]?.Plan ?? {});
    expect(nodes.some((n) => n['Index Name'] === 'agenda_events_attendee_contacts_idx')).toBe(true);
    const read = nodes
      .filter((n) => n['Relation Name'] === 'agenda_events')
      .reduce((sum, n) => sum + Number(n['Actual Rows'] ?? 0) + Number(n['Rows Removed by Filter'] ?? 0), 0);
    expect(read).toBeLessThan(50);
  }, 120_000);
});
