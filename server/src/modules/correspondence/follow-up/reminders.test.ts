import type { TRole } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../../test/test-app';
import type { Db } from '../../../platform/db/client';
import { jobs } from '../../../platform/jobs/jobs.schema';
import { mailSettings } from '../../../platform/mailer/mailer.schema';
import { notifications } from '../../../platform/notifications/notifications.schema';
import { services } from '../../directory/directory.schema';
import { createMember } from '../../org/commands/create-member';
import { memberships } from '../../org/org.schema';
import { correspondenceItems } from '../correspondence.schema';
import {
  DAILY_FOLLOW_UP_JOB,
  nextDailyRun,
  runDailyFollowUp,
  scheduleDailyFollowUp,
} from './reminders/daily-follow-up-job';

let t: TestApp;
let db: Db;
let org: TestOrg;
let other: TestOrg;
let serviceId: string;
/** A second member of the service, named on the confidential item. */
let colleague: string;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);

async function item(
  subject: string,
  set: Partial<typeof correspondenceItems.$inferInsert>,
  cookie = cookies.secretariat,
): Promise<string> {
  const res = await as(t.app, cookie).post('/api/v1/correspondence', {
    direction: 'in',
    channel: 'postal',
    subject,
    sender: { name: 'M. Paul Néaoutyine' },
    receivedAt: '2026-09-21T00:00:00Z',
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const id = res.json().id as string;
  // The routing circuit is the processing module's: the test sets its outcome directly.
  await db
    .update(correspondenceItems)
    .set({
      status: 'routed',
      // What routing keeps in step with the lead: who the item was routed to.
      routedUserIds: set.leadUserId ? [set.leadUserId] : [],
      serviceIds: set.leadServiceId ? [set.leadServiceId] : [],
      ...set,
    })
    .where(eq(correspondenceItems.id, id));
  return id;
}

async function noticesOf(userId: string) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(notifications.kind, notifications.title);
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  db = t.app.ctx.db;
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['secretariat', 'services']);
  for (const role of ['secretariat', 'services', 'advisor', 'chief_of_staff', 'official'] as const) {
    cookies[role] = await signIn(t.app, org.users[role]);
  }
  const otherSecretariat = await signIn(t.app, other.users.secretariat);
  const [service] = await db.insert(services).values({ orgId: org.orgId, name: 'Services techniques' }).returning();
  serviceId = service?.id as string;
  await db
    .update(memberships)
    .set({ serviceId })
    .where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, org.users.services.id)));
  colleague = (
    await db.transaction((tx) =>
      createMember(tx, null, org.orgId, {
        name: 'Agent des services techniques',
        email: `agent.${org.orgId.slice(0, 8)}@test.example`,
        role: 'services',
        password: 'correct-horse-battery-staple',
        serviceId,
      }),
    )
  ).userId;

  const s = org.users.services.id;
  ids.dueTomorrow = await item('Élagage avenue des Flamboyants', { leadUserId: s, dueDate: '2026-10-09' });
  ids.overdueService = await item('Trottoir effondré à Yahoué', { leadServiceId: serviceId, dueDate: '2026-10-05' });
  ids.dueToday = await item('Banc cassé', { leadUserId: s, dueDate: '2026-10-08' });
  ids.later = await item('Nouveau lampadaire', { leadUserId: s, dueDate: '2026-10-12' });
  ids.closed = await item('Déjà répondu', { leadUserId: s, dueDate: '2026-10-01', status: 'closed' });
  ids.confidential = await item('Plainte nominative', {
    leadServiceId: serviceId,
    dueDate: '2026-10-02',
    confidentiality: 'confidential',
    members: [colleague],
  });
  ids.elsewhere = await item(
    'Ailleurs',
    { leadUserId: other.users.services.id, dueDate: '2026-10-01' },
    otherSecretariat,
  );
  // The app schedules real-time runs at start; this file's runs are the ones it enqueues.
  await db.delete(jobs);
});
afterAll(() => t.close());

describe('daily reminders', () => {
  // Thursday 8 October 2026 in Nouméa; the next working day is Friday the 9th.
  const day = '2026-10-08';
  const sevenAm = new Date('2026-10-07T20:00:00Z');

  it('is scheduled at 07:00 in the organisation’s time zone, once per organisation and day', async () => {
    expect(nextDailyRun(new Date('2026-10-07T19:00:00Z'), 'Pacific/Noumea')).toEqual({ day, runAt: sevenAm });
    expect(nextDailyRun(sevenAm, 'Pacific/Noumea').day).toBe('2026-10-09');
    expect(nextDailyRun(new Date('2026-10-08T04:00:00Z'), 'Europe/Paris').runAt.toISOString()).toBe(
      '2026-10-08T05:00:00.000Z',
    );
    const first = await scheduleDailyFollowUp(
      db,
      { id: org.orgId, timeZone: 'Pacific/Noumea' },
      new Date('2026-10-07T19:00:00Z'),
    );
    expect(first).not.toBeNull();
    await scheduleDailyFollowUp(db, { id: other.orgId, timeZone: 'Pacific/Noumea' }, new Date('2026-10-07T19:00:00Z'));
    expect(
      await scheduleDailyFollowUp(db, { id: org.orgId, timeZone: 'Pacific/Noumea' }, new Date('2026-10-07T19:30:00Z')),
    ).toBeNull();
  });

  it('tells the leads what falls due by the next working day and what is overdue, through the job', async () => {
    // Not yet due at 06:59.
    expect((await t.app.ctx.jobs.runDue(new Date('2026-10-07T19:59:00Z'))).done).toBe(0);
    expect(await t.app.ctx.jobs.runDue(sevenAm)).toMatchObject({ done: 2, failed: 0 });
    const runs = await db.select().from(jobs).where(eq(jobs.kind, DAILY_FOLLOW_UP_JOB));
    expect(runs.map((j) => j.status)).toEqual(['done', 'done']);

    const lead = await noticesOf(org.users.services.id);
    expect(lead.map((n) => [n.kind, n.recordId])).toEqual([
      ['correspondence.due_soon', ids.dueTomorrow],
      ['correspondence.overdue', ids.overdueService],
    ]);
    const [soon, overdue] = lead;
    expect(soon).toMatchObject({
      title: expect.stringMatching(/^Courrier à traiter pour le 09\/10\/2026 : \d{4}-A-\d{6}$/),
      body: 'Élagage avenue des Flamboyants',
      link: `/correspondence/items/${ids.dueTomorrow}`,
      recordKind: 'correspondence',
    });
    expect(overdue?.body).toBe('Échéance dépassée (05/10/2026) — Trottoir effondré à Yahoué');
    // The service's other member: the service's overdue item, and the confidential one they are named on.
    expect((await noticesOf(colleague)).map((n) => n.recordId).sort()).toEqual(
      [ids.overdueService, ids.confidential].sort(),
    );
    // Due today, due later, closed: nothing. Another organisation's lead hears only of theirs.
    const all = await db.select({ recordId: notifications.recordId }).from(notifications);
    for (const quiet of [ids.dueToday, ids.later, ids.closed]) expect(all.map((n) => n.recordId)).not.toContain(quiet);
    expect((await noticesOf(other.users.services.id)).map((n) => n.recordId)).toEqual([ids.elsewhere]);

    // The bell shows them to the lead, and only to them.
    const count = await api('services').get('/api/v1/notifications/unread-count');
    expect(count.json()).toEqual({ unread: 2 });
  });

  it('never notifies twice for the same day, however often the job runs', async () => {
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(notifications);
    await runDailyFollowUp(db, org.orgId, day, t.app.log);
    await runDailyFollowUp(db, org.orgId, day, t.app.log);
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(notifications);
    expect(after[0]?.n).toBe(before[0]?.n);
    // The next day the overdue item is told again.
    await runDailyFollowUp(db, org.orgId, '2026-10-09', t.app.log);
    const lead = await noticesOf(org.users.services.id);
    expect(lead.filter((n) => n.recordId === ids.overdueService)).toHaveLength(2);
  });

  it('stays quiet on weekends and holidays (Friday already told Monday’s)', async () => {
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(notifications))[0]?.n;
    await runDailyFollowUp(db, org.orgId, '2026-10-10', t.app.log); // Saturday
    await runDailyFollowUp(db, org.orgId, '2026-09-24', t.app.log); // Fête de la citoyenneté
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(notifications))[0]?.n).toBe(before);
    // Friday 9 October: Monday 12th's item is due by the next working day.
    expect((await noticesOf(org.users.services.id)).map((n) => n.recordId)).toContain(ids.later);
  });
});

describe('daily digest', () => {
  const day = '2026-10-13';

  it('sends each member who chose one their queues and overdue items: in Dircab, or by e-mail with a mail server', async () => {
    expect((await api('services').put('/api/v1/notifications/preferences', { digest: 'in_app' })).statusCode).toBe(200);
    // E-mail chosen, no mail server: the digest comes in Dircab rather than not at all.
    await api('advisor').put('/api/v1/notifications/preferences', { digest: 'email' });
    // Nothing waits for the official (no portfolio, nothing routed to them): no digest.
    await api('official').put('/api/v1/notifications/preferences', { digest: 'in_app' });

    await runDailyFollowUp(db, org.orgId, day, t.app.log);
    const [digest] = (await noticesOf(org.users.services.id)).filter((n) => n.kind === 'correspondence.digest');
    expect(digest?.title).toBe('Votre résumé du courrier du 13/10/2026');
    expect(digest?.body).toContain('À moi : 3');
    expect(digest?.body).toContain('Mon service : 1');
    expect(digest?.body).toContain('En retard :');
    expect(digest?.body).toMatch(/\d{4}-A-\d{6} — Trottoir effondré à Yahoué \(échéance 05\/10\/2026\)/);
    // Not the confidential item they are not named on.
    expect(digest?.body).not.toContain('Plainte nominative');
    const advisor = (await noticesOf(org.users.advisor.id)).filter((n) => n.kind === 'correspondence.digest');
    expect(advisor).toHaveLength(1);
    expect(advisor[0]?.body).toContain('En retard : ');
    expect((await noticesOf(org.users.official.id)).filter((n) => n.kind === 'correspondence.digest')).toEqual([]);

    // With a mail server, the e-mail digest is a mail.send job, once per day.
    await db.insert(mailSettings).values({
      orgId: org.orgId,
      host: 'localhost',
      port: 2525,
      security: 'none',
      fromAddress: 'cabinet@example.nc',
      fromName: 'Cabinet du maire',
    });
    await runDailyFollowUp(db, org.orgId, '2026-10-14', t.app.log);
    await runDailyFollowUp(db, org.orgId, '2026-10-14', t.app.log);
    const mails = await db.select().from(jobs).where(eq(jobs.kind, 'mail.send'));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ orgId: org.orgId, payload: { to: org.users.advisor.email } });
    expect(String(mails[0]?.payload.subject)).toBe('Dircab — votre résumé du courrier du 14/10/2026');
    expect((await noticesOf(org.users.advisor.id)).filter((n) => n.kind === 'correspondence.digest')).toHaveLength(1);
    // Without a choice, nothing.
    expect((await noticesOf(org.users.chief_of_staff.id)).filter((n) => n.kind === 'correspondence.digest')).toEqual(
      [],
    );
  });
});
