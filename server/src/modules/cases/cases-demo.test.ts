import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type TestApp } from '../../../test/test-app';

const password = 'demo-password-for-tests';
let t: TestApp;
const login = async (name: string) => as(t.app, await signIn(t.app, { email: `${name}@mont-dore.example`, password }));

beforeAll(async () => {
  t = await createTestApp({ demo: true, demoPassword: password });
});
afterAll(() => t.close());

describe('cases demo (Mont-Dore)', () => {
  it('seeds a confidential escalated case the mayor sees and the adviser does not, an intervention, a request with its letter, and tasks', async () => {
    const maire = await login('maire');
    const conseiller = await login('conseiller');
    const cases = (await maire.get('/api/v1/cases?limit=50')).json().data as {
      id: string;
      kind: string;
      title: string;
      confidentiality: string;
      status: string;
      escalation: unknown;
      intervention: { outcome: string } | null;
    }[];
    expect(cases).toHaveLength(4);
    const secret = cases.find((c) => c.confidentiality === 'confidential');
    expect(secret).toMatchObject({ kind: 'sensitive_matter', escalation: expect.anything() });
    expect(cases.find((c) => c.kind === 'intervention')?.intervention?.outcome).toBe('favourable');
    expect(cases.filter((c) => c.status === 'closed')).toHaveLength(1);

    expect((await conseiller.get(`/api/v1/cases/${secret?.id}`)).statusCode).toBe(404);
    const seenByAdviser = (await conseiller.get('/api/v1/cases?limit=50')).json().data.map((c: { id: string }) => c.id);
    expect(seenByAdviser).toHaveLength(3);

    const alerts = (await maire.get('/api/v1/alerts')).json().data as { kind: string; priority: string }[];
    expect(alerts.filter((a) => a.kind === 'case.escalated')).toHaveLength(2);
    expect(alerts.filter((a) => a.kind === 'task.overdue').length).toBeGreaterThanOrEqual(2);
    expect(alerts[0]?.priority).toBe('critical');

    const request = cases.find((c) => c.kind === 'constituent_request');
    const timeline = (await maire.get(`/api/v1/cases/${request?.id}/timeline`)).json().data as { action: string }[];
    expect(timeline.map((e) => e.action)).toEqual(expect.arrayContaining(['correspondence', 'contact', 'case.create']));

    const dgs = await login('dgs');
    expect((await dgs.get('/api/v1/tasks?view=all')).statusCode).toBe(200);
    const mine = (await conseiller.get('/api/v1/tasks?view=mine')).json().data;
    expect(mine).toHaveLength(2);
  });
});
