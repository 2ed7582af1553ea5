import { ANONYMISED_NAME } from '@dircab/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../../test/test-app';

// The 360° timeline after an anonymisation: merge and dismissal entries keep the other
// contact's name in their audit row; once that person is erased the timeline shows
// « Contact anonymisé » instead, on every contact's page.

let t: TestApp;
let org: TestOrg;
let chief: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app, ['chief_of_staff']);
  chief = as(t.app, await signIn(t.app, org.users.chief_of_staff));
});
afterAll(() => t.close());

type Item = { title: string; summary: string | null; undoMergeAuditId?: string | null };

async function person(firstName: string, lastName: string, email: string): Promise<string> {
  const res = await chief.post('/api/v1/contacts', { kind: 'person', firstName, lastName, emails: [{ email }] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function timeline(id: string): Promise<Item[]> {
  const res = await chief.get(`/api/v1/contacts/${id}/timeline?limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data;
}

async function erase(id: string) {
  const res = await chief.post(`/api/v1/contacts/${id}/erase`, { reason: 'Demande écrite' });
  expect(res.statusCode, res.body).toBe(204);
}

async function merge(kept: string, duplicateId: string): Promise<string> {
  const res = await chief.post(`/api/v1/contacts/${kept}/merge`, { duplicateId, keep: {} });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().auditId;
}

describe('timeline of contacts whose merged or dismissed duplicate was erased', () => {
  it('merge A←B, undo, erase B: A’s merge and undo entries no longer name B; B’s own timeline names no one', async () => {
    const a = await person('Jean', 'Wamytan', 'jean.wamytan@example.nc');
    const b = await person('Jean', 'Wamytane', 'j.wamytane@example.nc');
    const auditId = await merge(a, b);
    const merged = await timeline(a);
    expect(merged.find((i) => i.title === 'Doublon fusionné dans cette fiche')?.summary).toContain('Wamytane');
    expect((await chief.post(`/api/v1/contacts/${a}/merges/${auditId}/undo`, {})).statusCode).toBe(200);
    expect(JSON.stringify(await timeline(a))).toContain('Wamytane');

    await erase(b);
    const after = await timeline(a);
    expect(JSON.stringify(after)).not.toContain('Wamytane');
    expect(after.find((i) => i.title === 'Doublon fusionné dans cette fiche')?.summary).toBe(`« ${ANONYMISED_NAME} »`);
    expect(after.find((i) => i.title === 'Fusion annulée')?.summary).toBe(`« ${ANONYMISED_NAME} »`);
    // The kept contact's own history is still there (it was not erased).
    expect(after.map((i) => i.title)).toEqual(['Fusion annulée', 'Doublon fusionné dans cette fiche', 'Fiche créée']);

    const own = await timeline(b);
    expect(JSON.stringify(own)).not.toMatch(/Wamytane|example\.nc/);
    expect(own[0]?.title).toBe('Données effacées à la demande de la personne');
  });

  it('merge A←B, erase A: both are anonymised, and A’s timeline shows neither name nor B’s history', async () => {
    const a = await person('Marie', 'Goa', 'marie.goa@example.nc');
    const b = await person('Marie', 'Goah', 'm.goah@example.nc');
    await merge(a, b);
    const before = await timeline(a);
    expect(JSON.stringify(before)).toContain('Goah');
    await erase(a);
    const after = await timeline(a);
    expect(JSON.stringify(after)).not.toMatch(/Goah?\b|example\.nc/);
    const mergeEntry = after.find((i) => i.title === 'Doublon fusionné dans cette fiche');
    expect(mergeEntry).toMatchObject({ summary: `« ${ANONYMISED_NAME} »`, undoMergeAuditId: null });
    // B left the merge when anonymised: its history is no longer read into A's timeline.
    expect(after.some((i) => i.summary?.includes('fusionnée dans cette fiche'))).toBe(false);
  });

  it('a dismissed duplicate that is erased is no longer named on the other contact’s timeline', async () => {
    const a = await person('Paul', 'Tjibaou', 'paul.tjibaou@example.nc');
    const c = await person('Paul', 'Tjibaou-Néa', 'p.tjibaou@example.nc');
    const dismissed = await chief.post(`/api/v1/contacts/${a}/duplicates/dismiss`, { duplicateId: c });
    expect(dismissed.statusCode, dismissed.body).toBeLessThan(300);
    expect((await timeline(a)).find((i) => i.title === 'Doublon écarté')?.summary).toContain('Tjibaou-Néa');
    await erase(c);
    const after = await timeline(a);
    expect(after.find((i) => i.title === 'Doublon écarté')?.summary).toBe(`« ${ANONYMISED_NAME} »`);
    expect(JSON.stringify(after)).not.toContain('Tjibaou-Néa');
  });
});
