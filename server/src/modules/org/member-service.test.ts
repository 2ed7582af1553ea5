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

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let admin: ReturnType<typeof as>;
let service: string;
let foreignService: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app, ['admin', 'chief_of_staff', 'services', 'advisor']);
  other = await createTestOrg(t.app, ['admin', 'chief_of_staff']);
  admin = as(t.app, await signIn(t.app, org.users.admin));
  const cos = as(t.app, await signIn(t.app, org.users.chief_of_staff));
  service = (await cos.post('/api/v1/services', { name: 'Services techniques', topics: ['voirie'] })).json().id;
  const otherCos = as(t.app, await signIn(t.app, other.users.chief_of_staff));
  foreignService = (await otherCos.post('/api/v1/services', { name: 'Services techniques' })).json().id;
});
afterAll(() => t.close());

describe('a member’s service', () => {
  it('is set on creation and changed or cleared by the admin, audited', async () => {
    const created = await admin.post('/api/v1/members', {
      name: 'Agent voirie',
      email: `agent.${org.orgId.slice(0, 8)}@test.example`,
      role: 'services',
      serviceId: service,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().serviceId).toBe(service);
    const userId = created.json().userId;
    expect((await admin.get(`/api/v1/members/${userId}`)).json().serviceId).toBe(service);
    const cleared = await admin.patch(`/api/v1/members/${userId}`, { serviceId: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().serviceId).toBeNull();
    const set = await admin.patch(`/api/v1/members/${org.users.services.id}`, { serviceId: service });
    expect(set.json().serviceId).toBe(service);
  });

  it('refuses an unknown or another organisation’s service with 400 on serviceId, writing nothing', async () => {
    const members = await countRows(t.app, 'memberships');
    for (const serviceId of [foreignService, '01900000-0000-7000-8000-000000000000']) {
      const res = await admin.post('/api/v1/members', {
        name: 'Agent ailleurs',
        email: `ailleurs.${org.orgId.slice(0, 8)}@test.example`,
        role: 'services',
        serviceId,
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['serviceId']);
      const patch = await admin.patch(`/api/v1/members/${org.users.advisor.id}`, { serviceId });
      expect(patch.statusCode).toBe(400);
    }
    expect((await admin.patch(`/api/v1/members/${org.users.advisor.id}`, { serviceId: 'x' })).statusCode).toBe(400);
    expect(await countRows(t.app, 'memberships')).toBe(members);
    expect((await admin.get(`/api/v1/members/${org.users.advisor.id}`)).json().serviceId).toBeNull();
  });
});
