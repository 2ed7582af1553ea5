import type { TRole } from '@dircab/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../../test/test-app';
import type { Db } from '../../../platform/db/client';
import { services } from '../../directory/directory.schema';
import { createItemTypes } from '../commands/create-item-types';
import { correspondenceItems } from '../correspondence.schema';
import { correspondenceReplies } from '../processing/processing.schema';

let t: TestApp;
let db: Db;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
let otherChief: string;
const ids = {} as Record<'demande' | 'courrier' | 'technical' | 'social', string>;
const api = (role: TRole) => as(t.app, cookies[role]);

async function item(
  receivedAt: string,
  set: Partial<typeof correspondenceItems.$inferInsert>,
  options: { sentAt?: string; direction?: 'in' | 'out'; cookie?: string } = {},
) {
  const res = await as(t.app, options.cookie ?? cookies.chief_of_staff).post('/api/v1/correspondence', {
    direction: options.direction ?? 'in',
    channel: 'email',
    subject: 'Demande',
    sender: { name: 'Mme Sonia Backès' },
    receivedAt,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const id = res.json().id as string;
  // Routing and replies are the processing module's: the test sets their outcome directly.
  if (Object.keys(set).length) await db.update(correspondenceItems).set(set).where(eq(correspondenceItems.id, id));
  if (options.sentAt) {
    await db.insert(correspondenceReplies).values({
      orgId: (options.cookie === otherChief ? other : org).orgId,
      itemId: id,
      subject: 'Réponse',
      bodyHtml: '<p>Réponse</p>',
      recipientName: 'Mme Sonia Backès',
      sentAt: new Date(options.sentAt),
    });
  }
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  db = t.app.ctx.db;
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ['chief_of_staff', 'secretariat', 'services', 'group_staff', 'admin'] as const) {
    cookies[role] = await signIn(t.app, org.users[role]);
  }
  otherChief = await signIn(t.app, other.users.chief_of_staff);
  const types = await createItemTypes(db, org.orgId);
  ids.demande = types.find((x) => x.code === 'demande')?.id as string;
  ids.courrier = types.find((x) => x.code === 'courrier')?.id as string;
  const made = await db
    .insert(services)
    .values([
      { orgId: org.orgId, name: 'Services techniques' },
      { orgId: org.orgId, name: 'Action sociale' },
    ])
    .returning();
  ids.technical = made[0]?.id as string;
  ids.social = made[1]?.id as string;

  // October 2026 in Nouméa (UTC+11). Answered in 4 days, before its due date.
  await item(
    '2026-09-30T21:00:00Z',
    { typeId: ids.demande, leadServiceId: ids.technical, status: 'closed', dueDate: '2026-10-15' },
    { sentAt: '2026-10-04T21:00:00Z' },
  );
  // Answered in 10 days, after its due date (the 10th; sent on the 12th, Nouméa time).
  await item(
    '2026-10-01T21:00:00Z',
    { typeId: ids.demande, leadServiceId: ids.technical, status: 'sent', dueDate: '2026-10-10' },
    { sentAt: '2026-10-11T21:00:00Z' },
  );
  // Open and overdue.
  await item('2026-10-02T21:00:00Z', {
    typeId: ids.courrier,
    leadServiceId: ids.social,
    status: 'in_progress',
    dueDate: '2026-10-06',
  });
  // No type, no service yet; a phone call.
  await item('2026-10-30T12:00:00Z', { typeId: null, dueDate: null, channel: 'phone' });
  // Confidential: the director of cabinet counts it, the secretariat does not.
  await item('2026-10-05T00:00:00Z', { typeId: ids.courrier, confidentiality: 'confidential' });
  // Outside the period (1 November 00:30 in Nouméa), outgoing, and another organisation's.
  await item('2026-10-31T13:30:00Z', { typeId: ids.demande });
  await item('2026-10-05T00:00:00Z', {}, { direction: 'out' });
  await item('2026-10-05T00:00:00Z', {}, { cookie: otherChief });
});
afterAll(() => t.close());

const figures = (role: TRole | string, query = 'from=2026-10-01&to=2026-10-31') =>
  (role in cookies ? api(role as TRole) : as(t.app, role)).get(`/api/v1/correspondence/figures?${query}`);

describe('response-time figures', () => {
  it('gives per type, per service and in all: received, closed, median and 90th percentile days, share on time, open overdue', async () => {
    const res = await figures('secretariat');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toEqual({
      id: null,
      label: 'Total',
      received: 4,
      closed: 2,
      medianDays: 7,
      p90Days: 9.4,
      withinDueShare: 0.5,
      openOverdue: 1,
    });
    expect(body.byType).toEqual([
      {
        id: ids.demande,
        label: 'Demande d’administré',
        received: 2,
        closed: 2,
        medianDays: 7,
        p90Days: 9.4,
        withinDueShare: 0.5,
        openOverdue: 0,
      },
      {
        id: ids.courrier,
        label: 'Courrier simple',
        received: 1,
        closed: 0,
        medianDays: null,
        p90Days: null,
        withinDueShare: null,
        openOverdue: 1,
      },
      expect.objectContaining({ id: null, label: 'Sans type', received: 1 }),
    ]);
    expect(body.byService).toEqual([
      expect.objectContaining({ id: ids.technical, label: 'Services techniques', received: 2, medianDays: 7 }),
      expect.objectContaining({ id: ids.social, label: 'Action sociale', received: 1, openOverdue: 1 }),
      expect.objectContaining({ id: null, label: 'Sans service', received: 1, openOverdue: 0 }),
    ]);
    // The director of cabinet also counts the confidential item.
    const chief = (await figures('chief_of_staff')).json();
    expect(chief.total.received).toBe(5);
    expect(chief.byType.find((x: { id: string }) => x.id === ids.courrier).received).toBe(2);
  });

  it('counts the items received by status and by channel, most first, as the actor may see them', async () => {
    const body = (await figures('secretariat')).json();
    expect(body.byStatus).toEqual([
      { status: 'closed', count: 1 },
      { status: 'in_progress', count: 1 },
      { status: 'registered', count: 1 },
      { status: 'sent', count: 1 },
    ]);
    expect(body.byChannel).toEqual([
      { channel: 'email', count: 3 },
      { channel: 'phone', count: 1 },
    ]);
    // The confidential item (registered, by email) counts for the director of cabinet only.
    const chief = (await figures('chief_of_staff')).json();
    expect(chief.byStatus[0]).toEqual({ status: 'registered', count: 2 });
    expect(chief.byChannel[0]).toEqual({ channel: 'email', count: 4 });
    const theirs = (await figures(otherChief)).json();
    expect(theirs.byChannel).toEqual([{ channel: 'email', count: 1 }]);
  });

  it('answers an empty period with zeros', async () => {
    const res = await figures('secretariat', 'from=2020-01-01&to=2020-01-31');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      total: { received: 0, medianDays: null },
      byType: [],
      byService: [],
      byStatus: [],
      byChannel: [],
    });
  });

  it('refuses a bad or too long period with the fields', async () => {
    const reversed = await figures('secretariat', 'from=2026-10-31&to=2026-10-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.headers['content-type']).toContain('application/problem+json');
    expect(reversed.json().errors.map((e: { path: string }) => e.path)).toEqual(['to']);
    const long = await figures('secretariat', 'from=2024-01-01&to=2026-01-01');
    expect(long.json().errors.map((e: { path: string }) => e.path)).toEqual(['to']);
    const missing = await figures('secretariat', 'from=octobre');
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['from', 'to']));
  });

  it('is the cabinet’s (403 for others) and counts only the organisation’s items', async () => {
    for (const role of ['services', 'group_staff', 'admin'] as const)
      expect((await figures(role)).statusCode).toBe(403);
    const theirs = (await figures(otherChief)).json();
    expect(theirs.total.received).toBe(1);
    expect(theirs.byService).toEqual([expect.objectContaining({ id: null, received: 1 })]);
  });
});
