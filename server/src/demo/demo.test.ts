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
