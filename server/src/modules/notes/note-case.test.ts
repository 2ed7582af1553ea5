import { ROLES, type TRole } from '@dircab/contracts';
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

// Issue 6: « Rédiger une note » from a case creates the note with its `caseId`; the note then
// shows in the case's timeline, its title only to those who may read the note.

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
type Entry = { title: string; detail: string | null; url: string | null };

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
});
afterAll(() => t.close());

const aNote = (over: Record<string, unknown>) => ({
  kind: 'briefing',
  title: 'Point sur la desserte de Plum',
  addresseeId: org.users.executive.id,
  confidentiality: 'normal',
  ...over,
});

async function aCase(role: TRole, over: Record<string, unknown> = {}) {
  const res = await api(role).post('/api/v1/cases', {
    kind: 'project',
    title: 'Desserte en bus de Plum',
    confidentiality: 'normal',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const timeline = async (role: TRole, caseId: string) => {
  const res = await api(role).get(`/api/v1/cases/${caseId}/timeline?limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as Entry[];
};

describe('a note written from a case', () => {
  it('shows in the case’s timeline, linked to the note; a confidential one without its title to those not named', async () => {
    const caseId = await aCase('advisor');
    const open = await api('advisor').post('/api/v1/notes', aNote({ caseId }));
    expect(open.statusCode, open.body).toBe(201);
    expect(open.json().caseId).toBe(caseId);
    const secret = await api('chief_of_staff').post(
      '/api/v1/notes',
      aNote({ caseId, title: 'Position confidentielle sur Plum', confidentiality: 'confidential', members: [] }),
    );
    // A confidential note names someone: the author is not enough for the form's rule.
    expect(secret.statusCode).toBe(400);
    const named = await api('chief_of_staff').post(
      '/api/v1/notes',
      aNote({
        caseId,
        title: 'Position confidentielle sur Plum',
        confidentiality: 'confidential',
        members: [org.users.cabinet_head.id],
      }),
    );
    expect(named.statusCode, named.body).toBe(201);

    const forHead = await timeline('cabinet_head', caseId);
    expect(forHead).toContainEqual(
      expect.objectContaining({ detail: 'Point sur la desserte de Plum', url: `/notes/${open.json().id}` }),
    );
    expect(forHead).toContainEqual(
      expect.objectContaining({ detail: 'Position confidentielle sur Plum', url: `/notes/${named.json().id}` }),
    );
    const forAdviser = await timeline('advisor', caseId);
    expect(forAdviser).toContainEqual(expect.objectContaining({ url: `/notes/${open.json().id}` }));
    expect(JSON.stringify(forAdviser)).not.toContain('Position confidentielle');
    expect(JSON.stringify(forAdviser)).not.toContain(named.json().id);
  });

  it('refuses a case of another organisation or one the writer may not link to, naming caseId and writing nothing', async () => {
    const foreignCase = await as(t.app, await signIn(t.app, other.users.chief_of_staff)).post('/api/v1/cases', {
      kind: 'project',
      title: 'Dossier d’une autre commune',
      confidentiality: 'normal',
    });
    expect(foreignCase.statusCode).toBe(201);
    const hidden = await aCase('chief_of_staff', {
      title: 'Dossier confidentiel',
      confidentiality: 'confidential',
      members: [org.users.cabinet_head.id],
    });
    const before = [await countRows(t.app, 'notes'), await countRows(t.app, 'audit_log')];
    for (const caseId of [foreignCase.json().id, hidden, '0190a000-0000-7000-8000-00000000dead']) {
      const res = await api('advisor').post('/api/v1/notes', aNote({ caseId }));
      expect(res.statusCode, caseId).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((res.json().errors as { path: string }[]).map((e) => e.path)).toEqual(['caseId']);
    }
    const bad = await api('advisor').post('/api/v1/notes', aNote({ caseId: 'dossier-12' }));
    expect(bad.statusCode).toBe(400);
    expect([await countRows(t.app, 'notes'), await countRows(t.app, 'audit_log')]).toEqual(before);
  });
});
