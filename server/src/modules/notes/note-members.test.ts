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

// Issue 6: the people and the confidentiality of an existing note change from its page (PATCH);
// a person taken off a confidential note loses it at once, and the trail says who changed what
// and who read it.

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

async function confidentialNote(title: string, members: string[]) {
  const res = await api('chief_of_staff').post('/api/v1/notes', {
    kind: 'briefing',
    title,
    addresseeId: org.users.executive.id,
    bodyHtml: '<p>Le bailleur social refuse le relogement.</p>',
    confidentiality: 'confidential',
    members,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; members: string[] };
}

const audit = (id: string, action: string) =>
  queryRows<{ actor: string; summary: Record<string, unknown> }>(
    t.app.ctx.db,
    sql`select actor_id::text as actor, summary from audit_log where record_id = ${id} and action = ${action} order by id`,
  );

const listed = async (role: TRole) =>
  ((await api(role).get('/api/v1/notes?limit=200')).json().data as { id: string }[]).map((n) => n.id);

const searched = async (role: TRole, q: string) =>
  (
    (await api(role).get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`)).json().groups as {
      kind: string;
      hits: { recordId: string }[];
    }[]
  )
    .filter((g) => g.kind === 'note')
    .flatMap((g) => g.hits.map((h) => h.recordId));

describe('PATCH /api/v1/notes/:id: members and confidentiality', () => {
  it('a member taken off a confidential note gets 404 at once, and leaves its list and search; the change and the reads are audited', async () => {
    const note = await confidentialNote('Relogement famille Wahnyamalla', [org.users.advisor.id]);
    expect((await api('advisor').get(`/api/v1/notes/${note.id}`)).statusCode).toBe(200);
    expect(await listed('advisor')).toContain(note.id);
    expect(await searched('advisor', 'Wahnyamalla')).toContain(note.id);

    const res = await api('chief_of_staff').patch(`/api/v1/notes/${note.id}`, { members: [org.users.cabinet_head.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().members).toContain(org.users.cabinet_head.id);
    expect(res.json().members).not.toContain(org.users.advisor.id);
    // The author and the addressee always stay named.
    expect(res.json().members).toEqual(expect.arrayContaining([org.users.chief_of_staff.id, org.users.executive.id]));

    expect((await api('advisor').get(`/api/v1/notes/${note.id}`)).statusCode).toBe(404);
    expect((await api('advisor').get(`/api/v1/notes/${note.id}/versions`)).statusCode).toBe(404);
    expect((await api('advisor').get(`/api/v1/notes/${note.id}/export?format=pdf`)).statusCode).toBe(404);
    expect(await listed('advisor')).not.toContain(note.id);
    expect(await searched('advisor', 'Wahnyamalla')).not.toContain(note.id);
    expect((await api('cabinet_head').get(`/api/v1/notes/${note.id}`)).statusCode).toBe(200);

    const [change] = await audit(note.id, 'note.update');
    expect(change?.actor).toBe(org.users.chief_of_staff.id);
    const members = change?.summary.members as { before: string[]; after: string[] };
    expect(members.before).toContain(org.users.advisor.id);
    expect(members.after).not.toContain(org.users.advisor.id);
    expect(members.after).toContain(org.users.cabinet_head.id);
    // Every read of the confidential note: the adviser's (before removal) and the cabinet head's.
    const reads = await audit(note.id, 'note.view');
    expect(reads.map((r) => r.actor)).toEqual([org.users.advisor.id, org.users.cabinet_head.id]);
  });

  it('lowers and raises the confidentiality, each change audited with before and after', async () => {
    const note = await confidentialNote('Arbitrage budgétaire CCAS', [org.users.cabinet_head.id]);
    expect((await api('communication').get(`/api/v1/notes/${note.id}`)).statusCode).toBe(404);
    const lowered = await api('chief_of_staff').patch(`/api/v1/notes/${note.id}`, { confidentiality: 'restricted' });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect((await api('communication').get(`/api/v1/notes/${note.id}`)).statusCode).toBe(200);
    const raised = await api('chief_of_staff').patch(`/api/v1/notes/${note.id}`, { confidentiality: 'confidential' });
    expect(raised.statusCode, raised.body).toBe(200);
    expect((await api('communication').get(`/api/v1/notes/${note.id}`)).statusCode).toBe(404);
    const levels = (await audit(note.id, 'note.update')).map((r) => r.summary.confidentiality);
    expect(levels).toEqual([
      { before: 'confidential', after: 'restricted' },
      { before: 'restricted', after: 'confidential' },
    ]);
  });

  it('refuses bad members with the field path and writes nothing', async () => {
    const note = await confidentialNote('Médiation quartier Tuband', [org.users.advisor.id]);
    const before = [await countRows(t.app, 'audit_log')];
    for (const [body, path] of [
      [{ members: [] }, 'members'],
      [{ confidentiality: 'confidential', members: [] }, 'members'],
      [{ members: [other.users.chief_of_staff.id] }, 'members.0'],
      [{ members: [org.users.group_staff.id] }, 'members.0'],
      [{ members: ['pas-un-id'] }, 'members.0'],
      [{ confidentiality: 'secret' }, 'confidentiality'],
    ] as const) {
      const res = await api('chief_of_staff').patch(`/api/v1/notes/${note.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        (res.json().errors as { path: string }[]).map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expect([await countRows(t.app, 'audit_log')]).toEqual(before);
    const still = await api('advisor').get(`/api/v1/notes/${note.id}`);
    expect(still.json().members).toContain(org.users.advisor.id);
  });

  it('only those who may edit change the people: 404 to the unnamed, 403 to a named non-editor or once transmitted, 404 across organisations', async () => {
    const note = await confidentialNote('Négociation foncière Païta', [org.users.communication.id]);
    const change = { members: [org.users.advisor.id] };
    expect((await api('advisor').patch(`/api/v1/notes/${note.id}`, change)).statusCode).toBe(404);
    expect((await api('communication').patch(`/api/v1/notes/${note.id}`, change)).statusCode).toBe(403);
    expect((await api('services').patch(`/api/v1/notes/${note.id}`, change)).statusCode).toBe(403);
    const foreign = as(t.app, await signIn(t.app, other.users.chief_of_staff));
    expect((await foreign.patch(`/api/v1/notes/${note.id}`, change)).statusCode).toBe(404);
    for (const action of ['submit', 'validate', 'transmit'] as const) {
      expect((await api('chief_of_staff').post(`/api/v1/notes/${note.id}/transitions`, { action })).statusCode).toBe(
        200,
      );
    }
    const late = await api('chief_of_staff').patch(`/api/v1/notes/${note.id}`, change);
    expect(late.statusCode).toBe(403);
    expect((await api('advisor').get(`/api/v1/notes/${note.id}`)).statusCode).toBe(404);
  });
});
