import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type TestApp } from '../../../test/test-app';

const password = 'demo-password-for-tests';
let t: TestApp;
const login = async (name: string) => as(t.app, await signIn(t.app, { email: `${name}@mont-dore.example`, password }));

beforeAll(async () => {
  t = await createTestApp({ demo: true, demoPassword: password });
});
afterAll(() => t.close());

describe('notes demo (Mont-Dore)', () => {
  it('seeds a template, a draft waiting for two contributions, a note in the mayor’s folder and an answered one with its decision', async () => {
    const maire = await login('maire');
    const conseiller = await login('conseiller');
    const notes = (await conseiller.get('/api/v1/notes?limit=50')).json().data as { id: string; status: string }[];
    expect(notes.map((n) => n.status).sort()).toEqual(['answered', 'draft', 'transmitted']);
    const draft = notes.find((n) => n.status === 'draft');
    expect((await conseiller.get(`/api/v1/notes/${draft?.id}/contributions`)).json().data).toHaveLength(2);
    const folder = (await maire.get('/api/v1/notes/reading-folder')).json().data as { status: string }[];
    expect(folder.map((n) => n.status)).toEqual(['transmitted']);
    const alerts = (await maire.get('/api/v1/alerts')).json().data as { kind: string }[];
    expect(alerts.map((a) => a.kind)).toEqual(expect.arrayContaining(['note.to_read', 'decision.overdue']));
    const decisions = (await maire.get('/api/v1/decisions?view=overdue')).json().data as {
      progress: { total: number };
    }[];
    expect(decisions).toHaveLength(1);
    expect(decisions[0]?.progress.total).toBe(2);
    expect((await maire.get('/api/v1/notes/templates')).json().data).toHaveLength(1);
  });
});
