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

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
const api = (role: TRole) => as(t.app, cookies[role]);
const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

async function contact(body: Record<string, unknown>, role: TRole = 'chief_of_staff'): Promise<string> {
  const res = await api(role).post('/api/v1/contacts', body);
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
const personBody = (firstName: string, lastName: string, over: Record<string, unknown> = {}) => ({
  kind: 'person',
  firstName,
  lastName,
  ...over,
});
const orgBody = (name: string, over: Record<string, unknown> = {}) => ({ kind: 'organisation', name, ...over });

let julie: string;
let asso: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  julie = await contact(personBody('Julie', 'Dupont'));
  asso = await contact(orgBody('Association des Flamboyants'));
});
afterAll(() => t.close());

describe('contact relations', () => {
  it('are read from both sides, updated, removed, and audited on the contact', async () => {
    const created = await api('advisor').post(`/api/v1/contacts/${julie}/relations`, {
      otherContactId: asso,
      kind: 'works_for',
      label: 'Trésorière',
      startDate: '2024-01-01',
    });
    expect(created.statusCode).toBe(201);
    const rel = created.json();
    expect(rel).toMatchObject({
      kind: 'works_for',
      direction: 'outgoing',
      other: { id: asso, displayName: 'Association des Flamboyants', kind: 'organisation' },
      label: 'Trésorière',
      startDate: '2024-01-01',
      endDate: null,
      policies: { update: true, delete: true },
    });

    // The association's page reads it the other way round (« emploie Julie »).
    const fromAsso = (await api('services').get(`/api/v1/contacts/${asso}/relations`)).json();
    expect(fromAsso.data).toEqual([
      expect.objectContaining({ id: rel.id, direction: 'incoming', other: expect.objectContaining({ id: julie }) }),
    ]);
    expect(fromAsso.data[0].policies).toEqual({ update: false, delete: false });

    const patched = await api('advisor').patch(`/api/v1/contacts/${asso}/relations/${rel.id}`, {
      endDate: '2025-06-30',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ direction: 'incoming', endDate: '2025-06-30', label: 'Trésorière' });

    expect((await api('advisor').delete(`/api/v1/contacts/${julie}/relations/${rel.id}`)).statusCode).toBe(204);
    expect((await api('advisor').get(`/api/v1/contacts/${julie}/relations`)).json().data).toEqual([]);
    const audit = await queryRows<{ action: string; record_id: string }>(
      t.app.ctx.db,
      sql`select action, record_id from audit_log where summary->>'relationId' = ${rel.id} order by id`,
    );
    expect(audit).toEqual([
      { action: 'relation.create', record_id: julie },
      { action: 'relation.update', record_id: asso },
      { action: 'relation.delete', record_id: julie },
    ]);
  });

  it('refuse a relation to itself, a duplicate (also the reverse of a symmetric one), and bad input; nothing written', async () => {
    const paul = await contact(personBody('Paul', 'Martin'));
    const marie = await contact(personBody('Marie', 'Martin'));
    expect(
      (await api('advisor').post(`/api/v1/contacts/${paul}/relations`, { otherContactId: marie, kind: 'spouse_of' }))
        .statusCode,
    ).toBe(201);
    const before = [await countRows(t.app, 'contact_relations'), await countRows(t.app, 'audit_log')];

    const self = await api('advisor').post(`/api/v1/contacts/${paul}/relations`, {
      otherContactId: paul,
      kind: 'member_of',
    });
    expect(self.statusCode).toBe(400);
    expect(paths(self)).toEqual(['otherContactId']);

    const again = await api('advisor').post(`/api/v1/contacts/${marie}/relations`, {
      otherContactId: paul,
      kind: 'spouse_of',
    });
    expect(again.statusCode).toBe(409);

    const bad = await api('advisor').post(`/api/v1/contacts/${paul}/relations`, {
      otherContactId: 'nope',
      kind: 'friend_of',
      startDate: '2025-02-01',
      endDate: '2024-01-01',
      colour: 'red',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(paths(bad)).toEqual(expect.arrayContaining(['otherContactId', 'kind', 'colour']));
    expect(bad.json().errors[0].message).toMatch(/[a-zé]/i);

    const reversed = await api('advisor').post(`/api/v1/contacts/${paul}/relations`, {
      otherContactId: marie,
      kind: 'parent_of',
      startDate: '2025-02-01',
      endDate: '2024-01-01',
    });
    expect(reversed.statusCode).toBe(400);
    expect(paths(reversed)).toEqual(['endDate']);

    const otherWithoutLabel = await api('advisor').post(`/api/v1/contacts/${paul}/relations`, {
      otherContactId: marie,
      kind: 'other',
    });
    expect(otherWithoutLabel.statusCode).toBe(400);
    expect(paths(otherWithoutLabel)).toEqual(['label']);

    const unknown = await api('advisor').post(`/api/v1/contacts/${paul}/relations`, {
      otherContactId: other.orgId,
      kind: 'member_of',
    });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toEqual(['otherContactId']);

    expect((await api('advisor').patch(`/api/v1/contacts/${paul}/relations/nope`, { label: 'x' })).statusCode).toBe(
      400,
    );
    expect((await api('advisor').get(`/api/v1/contacts/${paul}/relations?limit=0`)).statusCode).toBe(400);
    expect([await countRows(t.app, 'contact_relations'), await countRows(t.app, 'audit_log')]).toEqual(before);
  });

  it('show only when the actor may see both contacts; a contact not visible answers 404', async () => {
    const secret = await contact(personBody('Henri', 'Secret', { confidentiality: 'confidential' }));
    const rel = await api('chief_of_staff').post(`/api/v1/contacts/${asso}/relations`, {
      otherContactId: secret,
      kind: 'chairs',
      direction: 'incoming',
    });
    expect(rel.statusCode).toBe(201);
    expect(rel.json().direction).toBe('incoming');

    const chiefSees = (await api('chief_of_staff').get(`/api/v1/contacts/${asso}/relations`)).json().data;
    expect(chiefSees.map((r: { id: string }) => r.id)).toContain(rel.json().id);
    const advisorSees = (await api('advisor').get(`/api/v1/contacts/${asso}/relations`)).json().data;
    expect(advisorSees.map((r: { id: string }) => r.id)).not.toContain(rel.json().id);

    expect((await api('advisor').get(`/api/v1/contacts/${secret}/relations`)).statusCode).toBe(404);
    expect(
      (await api('advisor').patch(`/api/v1/contacts/${asso}/relations/${rel.json().id}`, { label: 'x' })).statusCode,
    ).toBe(404);
    expect((await api('advisor').delete(`/api/v1/contacts/${asso}/relations/${rel.json().id}`)).statusCode).toBe(404);
  });

  it('are kept by the cabinet roles only (403 otherwise, 404 for group staff) and stay inside the organisation', async () => {
    for (const role of ['services', 'official', 'admin', 'group_staff'] as const) {
      const res = await api(role).post(`/api/v1/contacts/${julie}/relations`, {
        otherContactId: asso,
        kind: 'member_of',
      });
      expect(res.statusCode).toBe(role === 'group_staff' ? 404 : 403);
    }
    expect((await api('group_staff').get(`/api/v1/contacts/${julie}/relations`)).statusCode).toBe(404);

    const theirs = await as(t.app, otherCookie).post('/api/v1/contacts', personBody('Autre', 'Personne'));
    const theirId = theirs.json().id;
    expect((await api('chief_of_staff').get(`/api/v1/contacts/${theirId}/relations`)).statusCode).toBe(404);
    expect(
      (
        await api('chief_of_staff').post(`/api/v1/contacts/${theirId}/relations`, {
          otherContactId: julie,
          kind: 'member_of',
        })
      ).statusCode,
    ).toBe(404);
    // Their contact cannot be the other end either.
    const cross = await api('chief_of_staff').post(`/api/v1/contacts/${julie}/relations`, {
      otherContactId: theirId,
      kind: 'member_of',
    });
    expect(cross.statusCode).toBe(400);
    const mine = await api('chief_of_staff').post(`/api/v1/contacts/${julie}/relations`, {
      otherContactId: asso,
      kind: 'member_of',
    });
    expect(
      (await as(t.app, otherCookie).delete(`/api/v1/contacts/${julie}/relations/${mine.json().id}`)).statusCode,
    ).toBe(404);
  });

  it('page by cursor', async () => {
    const hub = await contact(orgBody('Comité des fêtes'));
    for (const name of ['Ana', 'Bea', 'Cyd']) {
      const p = await contact(personBody(name, 'Membre'));
      await api('advisor').post(`/api/v1/contacts/${hub}/relations`, {
        otherContactId: p,
        kind: 'member_of',
        direction: 'incoming',
      });
    }
    const first = (await api('advisor').get(`/api/v1/contacts/${hub}/relations?limit=2`)).json();
    expect(first.data).toHaveLength(2);
    const second = (
      await api('advisor').get(`/api/v1/contacts/${hub}/relations?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.data, ...second.data].map((r: { id: string }) => r.id)).size).toBe(3);
  });
});
