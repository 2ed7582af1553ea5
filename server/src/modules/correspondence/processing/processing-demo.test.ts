import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type TestApp } from '../../../../test/test-app';

const password = 'demo-password-for-tests';
let t: TestApp;
const login = async (who: string) => as(t.app, await signIn(t.app, { email: `${who}@mont-dore.example`, password }));

beforeAll(async () => {
  t = await createTestApp({ demo: true, demoPassword: password });
});
afterAll(() => t.close());

describe('correspondence circuit demo (Mont-Dore)', () => {
  it('routes some items, puts one reply in the director’s visa queue and one in the mayor’s signature book', async () => {
    const dircab = await login('dircab');
    const all = (await dircab.get('/api/v1/correspondence?limit=50')).json().data as {
      subject: string;
      status: string;
    }[];
    const statuses = all.map((i) => i.status).sort();
    expect(statuses.filter((s) => s === 'routed')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'in_review')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'to_sign')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'registered')).toHaveLength(7);
    expect((await dircab.get('/api/v1/correspondence/queues')).json().to_review).toBe(1);

    const maire = await login('maire');
    const book = (await maire.get('/api/v1/correspondence/signature-book')).json().data;
    expect(book).toHaveLength(1);
    expect(book[0]).toMatchObject({ subject: expect.stringContaining('fête de quartier'), policies: { sign: true } });

    // A registered item whose topic a service handles is routed in one click from its page.
    const registered = all.find((i) => i.subject.startsWith('Pétition pour un ralentisseur')) as unknown as {
      id: string;
    };
    const page = (await dircab.get(`/api/v1/correspondence/${registered.id}`)).json();
    expect(page.suggestion.assignments[0]).toMatchObject({ label: 'Services techniques', mode: 'action' });
  });

  it('shows the DGS what is routed to her service, and the first deputy the items of his portfolio', async () => {
    const dgs = await login('dgs');
    const mine = (await dgs.get('/api/v1/correspondence?limit=50')).json().data as { subject: string }[];
    expect(mine.map((i) => i.subject).sort()).toEqual([
      'Information du haut-commissariat sur la campagne de prévention cyclonique',
      'Remerciements pour l’organisation de la fête de quartier',
    ]);
    const adjoint = await login('adjoint');
    const portfolio = (await adjoint.get('/api/v1/correspondence?limit=50')).json().data as { subject: string }[];
    expect(portfolio.map((i) => i.subject).sort()).toEqual([
      'Nids-de-poule route de Plum après les fortes pluies',
      'Pétition pour un ralentisseur rue des Flamboyants',
    ]);
    const groupe = await login('groupe');
    expect((await groupe.get('/api/v1/correspondence')).statusCode).toBe(403);
  });
});
