import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, countRows, createTestApp, signIn, type TestApp } from '../../test/test-app';
import { COMMUNE_PROFILE } from './profiles';
import { SeededRandom } from './random';

const password = 'demo-password-for-tests';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ demo: true, demoPassword: password });
});
afterAll(() => t.close());

describe('demo organisation', () => {
  it('signs in the ten demo accounts, each with its role in Mont-Dore', async () => {
    const logins = [
      'maire',
      'dircab',
      'chefcab',
      'conseiller',
      'secretariat',
      'communication',
      'adjoint',
      'dgs',
      'groupe',
      'admin',
    ];
    const roles: string[] = [];
    for (const login of logins) {
      const cookie = await signIn(t.app, { email: `${login}@mont-dore.example`, password });
      const me = (await as(t.app, cookie).get('/api/v1/me')).json();
      expect(me.organisation).toMatchObject({
        name: 'Ville du Mont-Dore (démonstration)',
        officialCode: '98817',
        timeZone: 'Pacific/Noumea',
        currency: 'XPF',
      });
      roles.push(me.role);
    }
    expect(new Set(roles).size).toBe(10);
  });

  it('makes the mayor a member of the CCAS too, where she can switch', async () => {
    const cookie = await signIn(t.app, { email: 'maire@mont-dore.example', password });
    const me = (await as(t.app, cookie).get('/api/v1/me')).json();
    const names = me.memberships.map((m: { organisation: { name: string } }) => m.organisation.name);
    expect(names).toEqual(['Ville du Mont-Dore (démonstration)', 'CCAS du Mont-Dore (démonstration)']);
    const ccas = me.memberships[1].organisation;
    expect(ccas.kind).toBe('ccas');
    await as(t.app, cookie).put('/api/v1/me/organisation', { orgId: ccas.id });
    expect((await as(t.app, cookie).get('/api/v1/me')).json().organisation.id).toBe(ccas.id);
  });

  it('seeds the directory: the neighbourhoods, the services and contacts, one confidential for the director of cabinet', async () => {
    const dircab = as(t.app, await signIn(t.app, { email: 'dircab@mont-dore.example', password }));
    const conseiller = as(t.app, await signIn(t.app, { email: 'conseiller@mont-dore.example', password }));
    const territories = (await dircab.get('/api/v1/territories?limit=200')).json().data;
    expect(territories.map((x: { name: string }) => x.name)).toEqual(COMMUNE_PROFILE.territories);
    const services = (await dircab.get('/api/v1/services')).json().data;
    expect(services.map((x: { name: string }) => x.name)).toContain('Action sociale');
    expect((await dircab.get('/api/v1/contacts?limit=200')).json().data.length).toBeGreaterThanOrEqual(40);
    expect((await dircab.get('/api/v1/contacts?q=Sarramea')).json().data).toHaveLength(1);
    expect((await conseiller.get('/api/v1/contacts?q=Sarramea')).json().data).toHaveLength(0);
  });

  it('seeds the council: groupe@ sees only its opposition group, the cabinet the mayor and deputies with groups', async () => {
    const groupe = as(t.app, await signIn(t.app, { email: 'groupe@mont-dore.example', password }));
    const theirs = (await groupe.get('/api/v1/officials?limit=100')).json().data as {
      displayName: string;
      politicalGroup: { name: string; side: string } | null;
    }[];
    expect(theirs.map((o) => o.displayName).sort()).toEqual(['Alexis Perrin', 'Gérard Bouquet', 'Nadège Wamo']);
    expect(theirs.every((o) => o.politicalGroup?.name === 'Mont-Dore Autrement')).toBe(true);
    expect(theirs[0]?.politicalGroup?.side).toBe('opposition');
    const groups = (await groupe.get('/api/v1/political-groups')).json().data;
    expect(groups.map((g: { name: string }) => g.name)).toEqual(['Mont-Dore Autrement']);

    const conseiller = as(t.app, await signIn(t.app, { email: 'conseiller@mont-dore.example', password }));
    const all = (await conseiller.get('/api/v1/officials?limit=100')).json().data as {
      displayName: string;
      userId: string | null;
      mandates: { function: string }[];
      politicalGroup: { name: string } | null;
    }[];
    expect(all).toHaveLength(13);
    const mayor = all.find((o) => o.mandates.some((m) => m.function === 'maire'));
    expect(mayor).toMatchObject({ displayName: 'Hélène Boyer', politicalGroup: { name: 'Unis pour le Mont-Dore' } });
    expect(mayor?.userId).not.toBeNull();
    const deputies = all.filter((o) => o.mandates.some((m) => m.function === 'adjoint'));
    expect(deputies).toHaveLength(6);
    expect(deputies.every((o) => o.politicalGroup?.name === 'Unis pour le Mont-Dore')).toBe(true);

    // The list follows the council's order: the six deputies by rank, 1 to 6.
    const dircab = as(t.app, await signIn(t.app, { email: 'dircab@mont-dore.example', password }));
    const adjoints = (await dircab.get('/api/v1/officials?function=adjoint')).json().data as {
      displayName: string;
      portfolios: string[];
      mandates: { rank: number | null }[];
    }[];
    expect(adjoints.map((o) => o.mandates[0]?.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    const first = adjoints.find((o) => o.mandates[0]?.rank === 1);
    expect(first).toMatchObject({ displayName: 'Paul Néhoué', portfolios: ['travaux', 'voirie', 'urbanisme'] });
  });

  it('does not seed twice', async () => {
    const { seedDemoIfEmpty } = await import('./seed-demo');
    await seedDemoIfEmpty(t.app.ctx, t.app.log);
    expect(await countRows(t.app, 'organisations')).toBe(1 + COMMUNE_PROFILE.others.length);
  });
});

describe('département profile', () => {
  it('seeds a département in Europe/Paris with euros', async () => {
    const dep = await createTestApp({ demo: true, demoProfile: 'departement', demoPassword: password });
    try {
      const cookie = await signIn(dep.app, { email: 'president@meuse.example', password });
      const me = (await as(dep.app, cookie).get('/api/v1/me')).json();
      expect(me.organisation).toMatchObject({
        kind: 'departement',
        timeZone: 'Europe/Paris',
        currency: 'EUR',
        officialCode: '55',
      });
      expect(me.role).toBe('executive');
      const officials = (await as(dep.app, cookie).get('/api/v1/officials?limit=100')).json().data as {
        displayName: string;
        userId: string | null;
        mandates: { function: string; rank: number | null }[];
        portfolios: string[];
      }[];
      const president = officials.find((o) => o.mandates.some((m) => m.function === 'president'));
      expect(president).toMatchObject({ displayName: 'Bernard Aubry', userId: me.user.id });
      const vps = officials.filter((o) => o.mandates.some((m) => m.function === 'vice_president'));
      expect(vps.length).toBeGreaterThanOrEqual(3);
      expect(vps.every((o) => o.portfolios.length > 0)).toBe(true);
      const groupe = as(dep.app, await signIn(dep.app, { email: 'groupe@meuse.example', password }));
      const groups = (await groupe.get('/api/v1/political-groups')).json().data;
      expect(groups).toMatchObject([{ name: 'Meuse en commun', officialCount: 2 }]);
    } finally {
      await dep.close();
    }
  });
});

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed, and another for another seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.int(0, 1000));
    expect(Array.from({ length: 20 }, () => b.int(0, 1000))).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.int(0, 1000))).not.toEqual(seqA);
    expect(seqA.every((n) => n >= 0 && n <= 1000)).toBe(true);
  });
});
