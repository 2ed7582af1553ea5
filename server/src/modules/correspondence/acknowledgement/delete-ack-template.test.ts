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
} from '../../../../test/test-app';
import { queryRows } from '../../../platform/db/client';
import { ensureDefaultTemplate } from './commands/ensure-default-template';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let defaultId: string;
const cookies = {} as Record<TRole, string>;
let otherChief: string;
const api = (role: TRole) => as(t.app, cookies[role]);

type Template = { id: string; name: string; isDefault: boolean; policies: Record<string, boolean> };

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherChief = await signIn(t.app, other.users.chief_of_staff);
  defaultId = (await ensureDefaultTemplate(t.app.ctx.db, org.orgId)).id;
});
afterAll(() => t.close());

async function createTemplate(name: string, role: TRole = 'cabinet_head'): Promise<Template> {
  const res = await api(role).post('/api/v1/correspondence/ack-templates', {
    name,
    subject: 'Votre demande {{item.number}}',
    bodyHtml: '<p>Reçue le {{item.receivedDate}}.</p>',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function templateIds(role: TRole = 'chief_of_staff'): Promise<string[]> {
  const list = await api(role).get('/api/v1/correspondence/ack-templates?limit=100');
  return (list.json().data as Template[]).map((x) => x.id);
}

describe('DELETE /api/v1/correspondence/ack-templates/:id', () => {
  it('deletes a template that is not the default, audited, and tells the web which one may go', async () => {
    const spare = await createTemplate('Accusé pour les pétitions');
    expect(spare.policies).toEqual({ update: true, delete: true });
    const list = (await api('chief_of_staff').get('/api/v1/correspondence/ack-templates')).json().data as Template[];
    expect(list.find((x) => x.id === defaultId)?.policies).toEqual({ update: true, delete: false });

    const res = await api('chief_of_staff').delete(`/api/v1/correspondence/ack-templates/${spare.id}`);
    expect(res.statusCode, res.body).toBe(204);
    expect(await templateIds()).not.toContain(spare.id);
    const audit = await queryRows<{ action: string; summary: unknown }>(
      t.app.ctx.db,
      sql`select action, summary from audit_log where record_id = ${spare.id} order by at, id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'correspondence.ack_template.create',
      'correspondence.ack_template.delete',
    ]);
    expect(JSON.stringify(audit[1]?.summary)).toContain('Accusé pour les pétitions');
    // Gone means gone: a second delete finds nothing.
    expect((await api('chief_of_staff').delete(`/api/v1/correspondence/ack-templates/${spare.id}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses to delete the default template (409, in French), writing nothing', async () => {
    const before = await countRows(t.app, 'correspondence_ack_templates');
    const audits = await countRows(t.app, 'audit_log');
    const res = await api('admin').delete(`/api/v1/correspondence/ack-templates/${defaultId}`);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().detail).toContain('modèle par défaut');
    expect(await countRows(t.app, 'correspondence_ack_templates')).toBe(before);
    expect(await countRows(t.app, 'audit_log')).toBe(audits);
  });

  it('lets the old default go once another template is the default', async () => {
    const replacement = await createTemplate('Nouveau modèle par défaut');
    const made = await api('chief_of_staff').patch(`/api/v1/correspondence/ack-templates/${replacement.id}`, {
      isDefault: true,
    });
    expect(made.statusCode).toBe(200);
    expect((await api('chief_of_staff').delete(`/api/v1/correspondence/ack-templates/${defaultId}`)).statusCode).toBe(
      204,
    );
    expect(
      (await api('chief_of_staff').delete(`/api/v1/correspondence/ack-templates/${replacement.id}`)).statusCode,
    ).toBe(409);
    defaultId = replacement.id;
  });

  it('answers 400 on an id that is not a uuid', async () => {
    const res = await api('chief_of_staff').delete('/api/v1/correspondence/ack-templates/pas-un-id');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['id']);
  });

  it('lets only the heads of the cabinet and the admin delete (403, 404 for group staff); another organisation gets 404', async () => {
    const spare = await createTemplate('Modèle à garder');
    for (const role of ROLES.filter((r) => !['executive', 'chief_of_staff', 'cabinet_head', 'admin'].includes(r))) {
      const res = await api(role).delete(`/api/v1/correspondence/ack-templates/${spare.id}`);
      // Group staff are not told correspondence exists at all (404); the others are refused (403).
      expect(res.statusCode, role).toBe(role === 'group_staff' ? 404 : 403);
    }
    const theirs = await as(t.app, otherChief).delete(`/api/v1/correspondence/ack-templates/${spare.id}`);
    expect(theirs.statusCode).toBe(404);
    expect(await templateIds()).toContain(spare.id);
  });
});
