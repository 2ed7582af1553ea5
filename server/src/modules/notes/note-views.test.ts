import { ROLES, type TRole } from '@dircab/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';

let t: TestApp;
let org: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
const titles = async (role: TRole, query: string) =>
  ((await api(role).get(`/api/v1/notes?${query}`)).json().data as { title: string }[]).map((n) => n.title).sort();

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  const write = async (role: TRole, title: string, addressee: TRole) => {
    const res = await api(role).post('/api/v1/notes', {
      kind: 'briefing',
      title,
      addresseeId: org.users[addressee].id,
      confidentiality: 'normal',
    });
    expect(res.statusCode).toBe(201);
  };
  await write('advisor', 'Note du conseiller au maire', 'executive');
  await write('chief_of_staff', 'Note du directeur à l’adjoint', 'official');
  await write('cabinet_head', 'Note de la cheffe au maire', 'executive');
});
afterAll(() => t.close());

describe('the notes list views', () => {
  it('mine lists the notes the actor wrote or is named on; addressed, the ones addressed to them', async () => {
    expect(await titles('advisor', 'view=mine')).toEqual(['Note du conseiller au maire']);
    expect(await titles('advisor', 'view=all')).toHaveLength(3);
    expect(await titles('executive', 'view=addressed')).toEqual([
      'Note de la cheffe au maire',
      'Note du conseiller au maire',
    ]);
    // The director wrote one note, addressed to the deputy: none is addressed to him.
    expect(await titles('chief_of_staff', 'view=mine')).toEqual(['Note du directeur à l’adjoint']);
    expect(await titles('chief_of_staff', 'view=addressed')).toEqual([]);
  });

  it('refuses an unknown view with problem+json naming the field', async () => {
    const res = await api('advisor').get('/api/v1/notes?view=everything');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.json())).toContain('view');
  });
});
