import { ROLES, type TRole } from '@dircab/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countRows,
  createTestApp,
  createTestOrg,
  signIn,
  type TestApp,
  type TestOrg,
} from '../../../../test/test-app';
import { queryRows } from '../../../platform/db/client';
import { enqueueJob } from '../../../platform/jobs/enqueue-job';
import { jobs } from '../../../platform/jobs/jobs.schema';
import { contacts } from '../directory.schema';
import { contactIdentities, mandates } from '../officials.schema';
import { anonymiseExpiredContacts, monthsBefore } from './anonymise-expired-contacts';
import { RETENTION_JOB } from './retention-job';
import { touchContactActivity } from './touch-contact-activity';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
});
afterAll(() => t.close());

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);
const DAY = 86_400_000;
const yearsAgo = (n: number) => new Date(Date.now() - n * 365 * DAY);

async function createPerson(over: Record<string, unknown> = {}, role: TRole = 'chief_of_staff'): Promise<string> {
  const res = await api(role).post('/api/v1/contacts', {
    kind: 'person',
    civility: 'Mme',
    firstName: 'Léa',
    lastName: 'Wamytan',
    emails: [{ email: 'lea.wamytan@example.nc' }],
    phones: [{ number: '28 12 34' }],
    addresses: [{ line1: '12 rue des Cocotiers', postcode: '98809', city: 'Mont-Dore' }],
    tags: ['voirie'],
    notes: 'Demande un rendez-vous pour la voirie de Boulari.',
    jobTitle: 'Infirmière',
    employer: 'CHT',
    consent: true,
    ...over,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

/** The retention clock set back by hand, as if the contact had been idle since `at`. */
async function idleSince(id: string, at: Date) {
  await t.app.ctx.db.update(contacts).set({ lastActivityAt: at }).where(eq(contacts.id, id));
}

async function row(id: string) {
  const [r] = await t.app.ctx.db.select().from(contacts).where(eq(contacts.id, id));
  if (!r) throw new Error(`contact ${id} not found`);
  return r;
}

async function auditOf(id: string) {
  return queryRows<{ action: string; summary: Record<string, unknown>; actor_id: string | null }>(
    t.app.ctx.db,
    sql`select action, summary, actor_id from audit_log where record_id = ${id} order by id`,
  );
}

describe('retention settings', () => {
  it('start at the defaults, are set by a head, read back and audited', async () => {
    const first = await api('cabinet_head').get('/api/v1/privacy/retention');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      constituents: 36,
      otherOfficials: 72,
      ownOfficials: 72,
      organisationNotes: 60,
      isDefault: true,
      policies: { update: true },
    });
    const body = { constituents: 24, otherOfficials: 60, ownOfficials: 72, organisationNotes: 48 };
    const put = await api('executive').put('/api/v1/privacy/retention', body);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ ...body, isDefault: false });
    expect((await api('admin').get('/api/v1/privacy/retention')).json()).toMatchObject(body);
    const [audit] = await queryRows<{ action: string; summary: { before: unknown; after: unknown } }>(
      t.app.ctx.db,
      sql`select action, summary from audit_log where org_id = ${org.orgId} and action = 'retention.update'`,
    );
    expect(audit?.summary).toEqual({
      before: { constituents: 36, otherOfficials: 72, ownOfficials: 72, organisationNotes: 60 },
      after: body,
    });
    // Back to the defaults for the job tests below.
    await api('admin').put('/api/v1/privacy/retention', {
      constituents: 36,
      otherOfficials: 72,
      ownOfficials: 72,
      organisationNotes: 60,
    });
  });

  it('reject bad input with the field paths and write nothing', async () => {
    const before = [await countRows(t.app, 'privacy_retention'), await countRows(t.app, 'audit_log')];
    const bad = await api('chief_of_staff').put('/api/v1/privacy/retention', {
      constituents: 2,
      otherOfficials: 'six ans',
      ownOfficials: 1000,
      colour: 'red',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(paths(bad)).toEqual(
      expect.arrayContaining(['constituents', 'otherOfficials', 'ownOfficials', 'organisationNotes', 'colour']),
    );
    expect(bad.json().errors.find((e: { path: string }) => e.path === 'constituents').message).toMatch(
      /au moins 6 mois/,
    );
    expect([await countRows(t.app, 'privacy_retention'), await countRows(t.app, 'audit_log')]).toEqual(before);
  });

  it('are kept by the heads and the admin only; each organisation has its own', async () => {
    for (const role of ['advisor', 'secretariat', 'services', 'official', 'group_staff'] as const) {
      expect((await api(role).get('/api/v1/privacy/retention')).statusCode, role).toBe(403);
      expect(
        (
          await api(role).put('/api/v1/privacy/retention', {
            constituents: 12,
            otherOfficials: 12,
            ownOfficials: 12,
            organisationNotes: 12,
          })
        ).statusCode,
        role,
      ).toBe(403);
    }
    const theirs = as(t.app, await signIn(t.app, other.users.chief_of_staff));
    await theirs.put('/api/v1/privacy/retention', {
      constituents: 12,
      otherOfficials: 12,
      ownOfficials: 12,
      organisationNotes: 12,
    });
    expect((await theirs.get('/api/v1/privacy/retention')).json().constituents).toBe(12);
    expect((await api('chief_of_staff').get('/api/v1/privacy/retention')).json().constituents).toBe(36);
  });
});

describe('last activity', () => {
  it('is set at creation, moved by an update and by touchContactActivity, never back', async () => {
    const id = await createPerson({ lastName: 'Horloge' });
    const created = (await row(id)).lastActivityAt.getTime();
    expect(Math.abs(created - Date.now())).toBeLessThan(60_000);
    await idleSince(id, yearsAgo(2));
    expect((await api('advisor').patch(`/api/v1/contacts/${id}`, { jobTitle: 'Cadre de santé' })).statusCode).toBe(200);
    expect((await row(id)).lastActivityAt.getTime()).toBeGreaterThan(yearsAgo(1).getTime());
    await idleSince(id, yearsAgo(2));
    const letter = yearsAgo(1);
    await touchContactActivity(t.app.ctx.db, org.orgId, id, letter);
    expect((await row(id)).lastActivityAt.getTime()).toBe(letter.getTime());
    await touchContactActivity(t.app.ctx.db, org.orgId, id, yearsAgo(3));
    expect((await row(id)).lastActivityAt.getTime()).toBe(letter.getTime());
    // Another organisation's id changes nothing.
    await touchContactActivity(t.app.ctx.db, other.orgId, id, new Date());
    expect((await row(id)).lastActivityAt.getTime()).toBe(letter.getTime());
  });
});

describe('anonymisation job', () => {
  it('anonymises an expired constituent, not a fresh one, not an official in office; twice without harm', async () => {
    const expired = await createPerson({ lastName: 'Expiré', firstName: 'Paul' });
    const fresh = await createPerson({ lastName: 'Récent', firstName: 'Anne' });
    const mayor = await createPerson({ lastName: 'Maire', firstName: 'Nina' });
    const official = await api('chief_of_staff').post('/api/v1/officials', {
      contactId: mayor,
      mandates: [{ function: 'maire', body: 'conseil_municipal', startDate: '2020-07-01' }],
      politicalGroup: { name: 'Ensemble pour le Mont-Dore', side: 'majority' },
    });
    expect(official.statusCode).toBe(201);
    await t.app.ctx.db
      .insert(contactIdentities)
      .values({ orgId: org.orgId, source: 'csv', key: 'paul-expire-1970', contactId: expired });
    await idleSince(expired, yearsAgo(4));
    await idleSince(mayor, yearsAgo(10));
    await idleSince(fresh, yearsAgo(2));
    expect(Object.keys(await searchHits('Expiré'))).toContain('contact');

    const report = await anonymiseExpiredContacts(t.app.ctx.db);
    expect(report.constituent).toBeGreaterThanOrEqual(1);
    const gone = await row(expired);
    expect(gone).toMatchObject({
      displayName: 'Contact anonymisé',
      firstName: null,
      lastName: 'Contact anonymisé',
      civility: null,
      emails: [],
      phones: [],
      addresses: [],
      notes: null,
      tags: [],
      jobTitle: null,
      employer: null,
      consent: false,
      consentDate: null,
    });
    expect(gone.anonymisedAt).toBeInstanceOf(Date);
    expect(await t.app.ctx.db.select().from(contactIdentities).where(eq(contactIdentities.contactId, expired))).toEqual(
      [],
    );
    expect(await searchHits('Expiré')).toEqual({});
    expect((await row(fresh)).anonymisedAt).toBeNull();
    expect((await row(mayor)).anonymisedAt).toBeNull();
    expect((await row(mayor)).lastName).toBe('Maire');

    // The audit names no one: the trigger and the kind of contact only.
    const audit = await auditOf(expired);
    const anonymised = audit.filter((a) => a.action === 'contact.anonymise');
    expect(anonymised).toEqual([
      { action: 'contact.anonymise', summary: { trigger: 'retention', category: 'constituent' }, actor_id: null },
    ]);

    const again = await anonymiseExpiredContacts(t.app.ctx.db);
    expect(again.constituent).toBe(0);
    expect((await auditOf(expired)).filter((a) => a.action === 'contact.anonymise')).toHaveLength(1);
    expect((await row(expired)).anonymisedAt?.getTime()).toBe(gone.anonymisedAt?.getTime());
  });

  it('waits for the end of an elected person’s last mandate, then counts their period from it', async () => {
    const senator = await createPerson({ lastName: 'Sénatrice', firstName: 'Ex' });
    const outgoing = await createPerson({ lastName: 'Sortant', firstName: 'Récemment' });
    await t.app.ctx.db.insert(mandates).values([
      {
        orgId: org.orgId,
        contactId: senator,
        function: 'other',
        body: 'other',
        startDate: '2008-10-01',
        endDate: '2014-09-30',
      },
      {
        orgId: org.orgId,
        contactId: outgoing,
        function: 'maire',
        body: 'conseil_municipal',
        collectivityName: 'Païta',
        startDate: '2014-04-01',
        endDate: new Date(Date.now() - 365 * DAY).toISOString().slice(0, 10),
      },
    ]);
    await idleSince(senator, yearsAgo(12));
    await idleSince(outgoing, yearsAgo(12));
    const report = await anonymiseExpiredContacts(t.app.ctx.db);
    expect(report.otherOfficial).toBe(1);
    expect((await row(senator)).anonymisedAt).toBeInstanceOf(Date);
    // A mandate is personal data too: it goes with the rest.
    expect(await t.app.ctx.db.select().from(mandates).where(eq(mandates.contactId, senator))).toEqual([]);
    // Idle for 12 years, but their mandate ended a year ago: 72 months run from then.
    expect((await row(outgoing)).anonymisedAt).toBeNull();
  });

  it('clears the notes of an idle organisation card and keeps the card', async () => {
    const res = await api('chief_of_staff').post('/api/v1/contacts', {
      kind: 'organisation',
      name: 'Association des riverains de Plum',
      notes: 'Le président, M. Tein, est en conflit avec son voisin.',
      emails: [{ email: 'contact@riverains-plum.nc' }],
    });
    const id = res.json().id;
    await idleSince(id, yearsAgo(6));
    const report = await anonymiseExpiredContacts(t.app.ctx.db);
    expect(report.organisationNotes).toBe(1);
    expect(await row(id)).toMatchObject({
      name: 'Association des riverains de Plum',
      notes: null,
      anonymisedAt: null,
      emails: [{ email: 'contact@riverains-plum.nc' }],
    });
    expect((await anonymiseExpiredContacts(t.app.ctx.db)).organisationNotes).toBe(0);
  });

  it('follows each organisation’s own periods', async () => {
    // The other organisation keeps constituents 12 months (set above): 2 years idle is past it.
    const theirs = as(t.app, await signIn(t.app, other.users.chief_of_staff));
    const res = await theirs.post('/api/v1/contacts', { kind: 'person', lastName: 'Ailleurs' });
    const theirId = res.json().id;
    const mine = await createPerson({ lastName: 'Ici' });
    await idleSince(theirId, yearsAgo(2));
    await idleSince(mine, yearsAgo(2));
    await anonymiseExpiredContacts(t.app.ctx.db);
    expect((await row(theirId)).anonymisedAt).toBeInstanceOf(Date);
    expect((await row(mine)).anonymisedAt).toBeNull();
  });

  it('runs through the jobs kernel, scheduled every night', async () => {
    const scheduled = await t.app.ctx.db.select().from(jobs).where(eq(jobs.kind, RETENTION_JOB));
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]?.runAt.getUTCHours()).toBe(2);
    const id = await createPerson({ lastName: 'Parlanuit' });
    await idleSince(id, yearsAgo(5));
    await enqueueJob(t.app.ctx.db, { kind: RETENTION_JOB, idempotencyKey: 'retention-test-now' });
    const result = await t.app.ctx.jobs.runDue();
    expect(result.failed).toBe(0);
    expect(result.done).toBeGreaterThanOrEqual(1);
    expect((await row(id)).anonymisedAt).toBeInstanceOf(Date);
  });

  it('counts months on the calendar', () => {
    expect(monthsBefore(new Date('2026-11-23T00:00:00Z'), 36).toISOString()).toBe('2023-11-23T00:00:00.000Z');
  });
});

async function searchHits(q: string): Promise<Record<string, string[]>> {
  const res = await api('chief_of_staff').get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);
  expect(res.statusCode).toBe(200);
  const out: Record<string, string[]> = {};
  for (const g of res.json().groups as { kind: string; hits: { recordId: string }[] }[]) {
    if (g.hits.length) out[g.kind] = g.hits.map((h) => h.recordId);
  }
  return out;
}
