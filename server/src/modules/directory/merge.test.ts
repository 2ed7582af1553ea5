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
const api = (role: TRole) => as(t.app, cookies[role]);
const chief = () => api('chief_of_staff');
const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.app.ctx.db, query);

async function contact(body: Record<string, unknown>, cookie = cookies.chief_of_staff): Promise<string> {
  const res = await as(t.app, cookie).post('/api/v1/contacts', body);
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
const person = (firstName: string, lastName: string, over: Record<string, unknown> = {}) => ({
  kind: 'person',
  firstName,
  lastName,
  ...over,
});
async function official(contactId: string, body: Record<string, unknown>): Promise<string> {
  const res = await chief().post('/api/v1/officials', { contactId, ...body });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
async function relate(from: string, to: string, kind: string): Promise<string> {
  const res = await chief().post(`/api/v1/contacts/${from}/relations`, { otherContactId: to, kind });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

/** Every record linked to these contacts, as the database holds it: what a merge moves. */
async function snapshot(ids: string[]) {
  const list = `{${ids.join(',')}}`;
  return {
    contacts: await rows(
      sql`select id, first_name, last_name, display_name, job_title, emails, phones, tags, members,
                 deleted_at, merged_into_id from contacts where id = any(${list}::uuid[]) order by id`,
    ),
    officials: await rows(
      sql`select id, contact_id, portfolios, user_id, political_group_id from officials
          where contact_id = any(${list}::uuid[]) order by id`,
    ),
    mandates: await rows(
      sql`select id, contact_id, official_id, function from mandates where contact_id = any(${list}::uuid[]) order by id`,
    ),
    identities: await rows(
      sql`select source, key, contact_id from contact_identities where contact_id = any(${list}::uuid[]) order by key`,
    ),
    relations: await rows(
      sql`select id, from_contact_id, to_contact_id, kind, label from contact_relations
          where from_contact_id = any(${list}::uuid[]) or to_contact_id = any(${list}::uuid[]) order by id`,
    ),
    search: await rows(
      sql`select record_id, title from search_index where kind = 'contact' and record_id::text = any(${list}::text[]) order by record_id`,
    ),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
});
afterAll(() => t.close());

describe('merging two contacts', () => {
  it('moves every linked record onto the kept contact; the audit shows it; the undo restores exactly', async () => {
    const kept = await contact(
      person('Julie', 'Dupont', {
        emails: [{ email: 'julie@example.nc' }],
        phones: [{ number: '78 12 34' }],
        tags: ['association'],
      }),
    );
    const dup = await contact(
      person('JULIÉ', 'DUPONT', {
        jobTitle: 'Présidente',
        emails: [{ email: 'j.dupont@example.nc' }],
        phones: [{ number: '781234' }, { number: '06 12 34 56 78' }],
        tags: ['sport', 'Association'],
      }),
    );
    const asso = await contact({ kind: 'organisation', name: 'Association des Flamboyants' });
    const club = await contact({ kind: 'organisation', name: 'Club de voile' });
    const keptOfficial = await official(kept, {
      portfolios: ['culture'],
      mandates: [{ function: 'adjoint', rank: 2, body: 'conseil_municipal', startDate: '2020-07-04' }],
    });
    const dupOfficial = await official(dup, {
      userId: org.users.official.id,
      portfolios: ['sport', 'culture'],
      mandates: [{ function: 'conseiller_municipal', body: 'conseil_municipal', startDate: '2014-04-01' }],
    });
    await t.app.ctx.db.execute(
      sql`insert into contact_identities (org_id, source, key, contact_id) values (${org.orgId}, 'rne', 'dupont|julie|1970-01-01', ${dup})`,
    );
    const worksFor = await relate(dup, asso, 'works_for');
    const spouse = await relate(dup, kept, 'spouse_of');
    await relate(kept, club, 'member_of');
    const dupMember = await relate(dup, club, 'member_of');

    const before = await snapshot([kept, dup]);
    const merged = await chief().post(`/api/v1/contacts/${kept}/merge`, {
      duplicateId: dup,
      keep: { jobTitle: 'duplicate', firstName: 'kept' },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({
      keptId: kept,
      duplicateId: dup,
      moved: { officials: 1, mandates: 1, identities: 1, relations: 3 },
    });
    const auditId = merged.json().auditId;
    const after = await snapshot([kept, dup]);

    // The contacts: values chosen, lists united, the duplicate marked merged.
    const keptRow = after.contacts.find((c) => (c as { id: string }).id === kept) as Record<string, unknown>;
    const dupRow = after.contacts.find((c) => (c as { id: string }).id === dup) as Record<string, unknown>;
    expect(keptRow).toMatchObject({ first_name: 'Julie', job_title: 'Présidente', tags: ['association', 'sport'] });
    expect((keptRow.emails as { email: string }[]).map((e) => e.email)).toEqual([
      'julie@example.nc',
      'j.dupont@example.nc',
    ]);
    expect((keptRow.phones as { number: string }[]).map((p) => p.number)).toEqual(['+687781234', '+33612345678']);
    expect(dupRow.merged_into_id).toBe(kept);
    expect(dupRow.deleted_at).not.toBeNull();
    expect((await chief().get(`/api/v1/contacts/${dup}`)).statusCode).toBe(404);

    // Both were officials: the kept official stays, with both mandates and the portfolios united.
    expect(after.officials).toEqual([
      {
        id: keptOfficial,
        contact_id: kept,
        portfolios: ['culture', 'sport'],
        user_id: org.users.official.id,
        political_group_id: null,
      },
    ]);
    expect(before.officials.map((o) => (o as { id: string }).id)).toContain(dupOfficial);
    expect(after.mandates).toHaveLength(2);
    expect(after.mandates.every((m) => (m as { contact_id: string }).contact_id === kept)).toBe(true);
    expect(after.mandates.every((m) => (m as { official_id: string }).official_id === keptOfficial)).toBe(true);
    expect(after.identities).toEqual([{ source: 'rne', key: 'dupont|julie|1970-01-01', contact_id: kept }]);
    // Relations: moved, except the one to itself and the one the kept contact already had.
    expect(after.relations).toEqual([
      expect.objectContaining({ id: worksFor, from_contact_id: kept, to_contact_id: asso }),
      expect.objectContaining({ from_contact_id: kept, to_contact_id: club, kind: 'member_of' }),
    ]);
    expect(after.relations.map((r) => (r as { id: string }).id)).not.toContain(spouse);
    expect(after.relations.map((r) => (r as { id: string }).id)).not.toContain(dupMember);
    expect(after.search).toEqual([{ record_id: kept, title: 'Julie Dupont' }]);

    const [audit] = await rows<{ action: string; summary: Record<string, unknown> }>(
      sql`select action, summary from audit_log where id = ${auditId}`,
    );
    expect(audit?.action).toBe('contact.merge');
    expect(audit?.summary).toMatchObject({
      duplicateId: dup,
      duplicateName: 'JULIÉ DUPONT',
      before: { jobTitle: null },
      after: { jobTitle: 'Présidente' },
      moved: {
        officials: [expect.objectContaining({ op: 'folded', keptOfficialId: keptOfficial })],
        identities: [`rne\u001fdupont|julie|1970-01-01`],
      },
    });
    // The duplicate's own history now shows on the kept contact's timeline, with the merge.
    const timeline = (await chief().get(`/api/v1/contacts/${kept}/timeline?limit=100`)).json().data;
    expect(timeline[0]).toMatchObject({ title: 'Doublon fusionné dans cette fiche', undoMergeAuditId: auditId });
    expect(
      timeline.some((e: { summary: string | null }) => e.summary?.includes('historique de « JULIÉ DUPONT »')),
    ).toBe(true);

    // Undo: everything back as it was, record by record.
    const undone = await chief().post(`/api/v1/contacts/${kept}/merges/${auditId}/undo`);
    expect(undone.statusCode).toBe(200);
    expect(await snapshot([kept, dup])).toEqual(before);
    expect((await chief().get(`/api/v1/contacts/${dup}`)).statusCode).toBe(200);
    const [undoAudit] = await rows<{ summary: Record<string, unknown> }>(
      sql`select summary from audit_log where id = ${undone.json().auditId} and action = 'contact.merge_undo'`,
    );
    expect(undoAudit?.summary).toMatchObject({ mergeAuditId: auditId, duplicateId: dup });
    // Once only.
    expect((await chief().post(`/api/v1/contacts/${kept}/merges/${auditId}/undo`)).statusCode).toBe(409);
    const after2 = (await chief().get(`/api/v1/contacts/${kept}/timeline?limit=100`)).json().data;
    expect(after2.find((e: { id: string }) => e.id === `audit:${auditId}`).undoMergeAuditId).toBeNull();
  });

  it('moves the official row itself when only the duplicate is an official; an edit made since the merge survives the undo', async () => {
    const kept = await contact(person('Paul', 'Néaoutyine'));
    const dup = await contact(person('Paul', 'Neaoutyine', { jobTitle: 'Maire' }));
    const dupOfficial = await official(dup, { mandates: [{ function: 'maire', body: 'conseil_municipal' }] });
    const merged = await chief().post(`/api/v1/contacts/${kept}/merge`, {
      duplicateId: dup,
      keep: { jobTitle: 'duplicate' },
    });
    expect(merged.statusCode).toBe(200);
    const [moved] = await rows<{ contact_id: string }>(sql`select contact_id from officials where id = ${dupOfficial}`);
    expect(moved?.contact_id).toBe(kept);

    expect((await chief().patch(`/api/v1/contacts/${kept}`, { jobTitle: 'Maire honoraire' })).statusCode).toBe(200);
    const undone = await chief().post(`/api/v1/contacts/${kept}/merges/${merged.json().auditId}/undo`);
    expect(undone.statusCode).toBe(200);
    const [back] = await rows<{ contact_id: string }>(sql`select contact_id from officials where id = ${dupOfficial}`);
    expect(back?.contact_id).toBe(dup);
    expect((await chief().get(`/api/v1/contacts/${kept}`)).json().jobTitle).toBe('Maire honoraire');
  });

  it('rejects bad input and writes nothing', async () => {
    const a = await contact(person('Anne', 'Bad'));
    const b = await contact({ kind: 'organisation', name: 'Bad SARL' });
    const before = [
      await countRows(t.app, 'audit_log'),
      await countRows(t.app, 'contacts where deleted_at is not null'),
    ];
    const self = await chief().post(`/api/v1/contacts/${a}/merge`, { duplicateId: a });
    expect(self.statusCode).toBe(400);
    expect(paths(self)).toEqual(['duplicateId']);
    const kinds = await chief().post(`/api/v1/contacts/${a}/merge`, { duplicateId: b });
    expect(kinds.statusCode).toBe(400);
    expect(paths(kinds)).toEqual(['duplicateId']);
    const bad = await chief().post(`/api/v1/contacts/${a}/merge`, {
      duplicateId: 'x',
      keep: { jobTitle: 'both' },
      z: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(paths(bad)).toEqual(expect.arrayContaining(['duplicateId', 'keep.jobTitle', 'z']));
    expect((await chief().post(`/api/v1/contacts/${a}/merges/nope/undo`)).statusCode).toBe(400);
    expect((await chief().get(`/api/v1/contacts/${a}/timeline?limit=0`)).statusCode).toBe(400);
    expect((await chief().get(`/api/v1/contacts/${a}/timeline?cursor=%25`)).statusCode).toBe(400);
    expect([
      await countRows(t.app, 'audit_log'),
      await countRows(t.app, 'contacts where deleted_at is not null'),
    ]).toEqual(before);
  });

  it('refuses an anonymised contact on either side (409), nothing written', async () => {
    const live = await contact(person('Rose', 'Anon'));
    const erased = await contact(person('Rose', 'Anon'));
    await t.app.ctx.db.execute(sql`update contacts set anonymised_at = now() where id = ${erased}`);
    const audits = await countRows(t.app, 'audit_log');
    const into = await chief().post(`/api/v1/contacts/${live}/merge`, { duplicateId: erased });
    expect(into.statusCode).toBe(409);
    expect(paths(into)).toEqual(['duplicateId']);
    expect((await chief().post(`/api/v1/contacts/${erased}/merge`, { duplicateId: live })).statusCode).toBe(409);
    expect(await countRows(t.app, 'audit_log')).toBe(audits);
    const [row] = await rows<{ merged_into_id: string | null }>(
      sql`select merged_into_id from contacts where id = ${erased}`,
    );
    expect(row?.merged_into_id).toBeNull();
  });

  it('is for the roles that may delete contacts (an advisor gets 403); a contact the actor may not see is 404', async () => {
    const a = await contact(person('Luc', 'Perm'));
    const b = await contact(person('Luc', 'Perm'));
    expect((await api('advisor').post(`/api/v1/contacts/${a}/merge`, { duplicateId: b })).statusCode).toBe(403);
    expect((await api('secretariat').post(`/api/v1/contacts/${a}/merge`, { duplicateId: b })).statusCode).toBe(403);
    const secret = await contact(person('Luc', 'Perm', { confidentiality: 'confidential' }));
    // The cabinet head may merge, but does not see a confidential contact.
    expect((await api('cabinet_head').post(`/api/v1/contacts/${a}/merge`, { duplicateId: secret })).statusCode).toBe(
      404,
    );
    expect((await api('cabinet_head').post(`/api/v1/contacts/${secret}/merge`, { duplicateId: a })).statusCode).toBe(
      404,
    );
    const merged = await api('cabinet_head').post(`/api/v1/contacts/${a}/merge`, { duplicateId: b });
    expect(merged.statusCode).toBe(200);
    expect((await api('advisor').post(`/api/v1/contacts/${a}/merges/${merged.json().auditId}/undo`)).statusCode).toBe(
      403,
    );
    expect((await api('group_staff').get(`/api/v1/contacts/${a}/timeline`)).statusCode).toBe(404);
    expect((await api('advisor').get(`/api/v1/contacts/${secret}/timeline`)).statusCode).toBe(404);
  });

  it('stays inside the organisation', async () => {
    const mine = await contact(person('Eva', 'Cross'));
    const theirs = await contact(person('Eva', 'Cross'), otherCookie);
    expect((await chief().post(`/api/v1/contacts/${mine}/merge`, { duplicateId: theirs })).statusCode).toBe(404);
    expect(
      (await as(t.app, otherCookie).post(`/api/v1/contacts/${mine}/merge`, { duplicateId: theirs })).statusCode,
    ).toBe(404);
    const dup = await contact(person('Eva', 'Cross'));
    const merged = await chief().post(`/api/v1/contacts/${mine}/merge`, { duplicateId: dup });
    expect(
      (await as(t.app, otherCookie).post(`/api/v1/contacts/${mine}/merges/${merged.json().auditId}/undo`)).statusCode,
    ).toBe(404);
    expect((await as(t.app, otherCookie).get(`/api/v1/contacts/${mine}/timeline`)).statusCode).toBe(404);
  });
});
