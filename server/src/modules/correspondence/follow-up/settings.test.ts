import { ROLES, type TRole } from '@dircab/contracts';
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
import { workingCalendarOf } from '../../../platform/calendar/organisation-calendar';
import { addWorkingDays } from '../../../platform/calendar/working-days';
import { createItemTypes } from '../commands/create-item-types';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let types: Record<string, string>;
const cookies = {} as Record<TRole, string>;
let otherChief: string;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'secretariat']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherChief = await signIn(t.app, other.users.chief_of_staff);
  const made = await createItemTypes(t.app.ctx.db, org.orgId);
  types = Object.fromEntries(made.map((x) => [x.code, x.id]));
});
afterAll(() => t.close());

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);
const auditCount = (action: string) => countRows(t.app, `audit_log where action = '${action}'`);

describe('item types', () => {
  const newType = {
    code: 'signalement',
    label: 'Signalement voirie',
    acknowledgementDue: true,
    processingWorkingDays: 8,
  };

  it('lets a manager create, change and delete an unused item type, audited', async () => {
    const created = await api('chief_of_staff').post('/api/v1/correspondence/types', newType);
    expect(created.statusCode).toBe(201);
    const type = created.json();
    expect(type).toMatchObject({
      ...newType,
      implicitDecisionRule: null,
      implicitDecisionMonths: 2,
      policies: { update: true, delete: true },
    });
    const list = await api('secretariat').get('/api/v1/correspondence/types?limit=200');
    expect(list.json().data.map((x: { code: string }) => x.code)).toContain('signalement');

    const changed = await api('admin').patch(`/api/v1/correspondence/types/${type.id}`, {
      label: 'Signalement (voirie, éclairage)',
      implicitDecisionRule: 'rejection',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      label: 'Signalement (voirie, éclairage)',
      implicitDecisionRule: 'rejection',
    });

    const deleted = await api('executive').delete(`/api/v1/correspondence/types/${type.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(await auditCount('correspondence.type_create')).toBe(1);
    expect(await auditCount('correspondence.type_update')).toBe(1);
    expect(await auditCount('correspondence.type_delete')).toBe(1);
  });

  it('refuses to delete a type items use (409, in French) and a taken code (409)', async () => {
    const item = await api('secretariat').post('/api/v1/correspondence', {
      direction: 'in',
      channel: 'postal',
      subject: 'Invitation à la kermesse',
      sender: { name: 'École de Boulari' },
      typeId: types.invitation,
    });
    expect(item.statusCode).toBe(201);
    const before = await countRows(t.app, 'correspondence_item_types');
    const refused = await api('chief_of_staff').delete(`/api/v1/correspondence/types/${types.invitation}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/utilisé par des courriers/);
    expect(await countRows(t.app, 'correspondence_item_types')).toBe(before);

    const taken = await api('chief_of_staff').post('/api/v1/correspondence/types', { code: 'demande', label: 'Autre' });
    expect(taken.statusCode).toBe(409);
    expect(paths(taken)).toEqual(['code']);
    const renamed = await api('chief_of_staff').patch(`/api/v1/correspondence/types/${types.courrier}`, {
      code: 'invitation',
    });
    expect(renamed.statusCode).toBe(409);
    expect(await countRows(t.app, 'correspondence_item_types')).toBe(before);
  });

  it('answers bad input with the fields and writes nothing', async () => {
    const before = await countRows(t.app, 'correspondence_item_types');
    const bad = await api('chief_of_staff').post('/api/v1/correspondence/types', {
      code: 'Avec Espaces',
      label: '',
      processingWorkingDays: -1,
      implicitDecisionRule: 'peut-être',
      extra: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(paths(bad)).toEqual(
      expect.arrayContaining(['code', 'label', 'processingWorkingDays', 'implicitDecisionRule']),
    );
    const empty = await api('chief_of_staff').patch(`/api/v1/correspondence/types/${types.courrier}`, {});
    expect(empty.statusCode).toBe(400);
    const months = await api('chief_of_staff').patch(`/api/v1/correspondence/types/${types.courrier}`, {
      implicitDecisionMonths: 0,
    });
    expect(paths(months)).toEqual(['implicitDecisionMonths']);
    expect(await countRows(t.app, 'correspondence_item_types')).toBe(before);
    expect(await auditCount('correspondence.type_update')).toBe(1);
  });

  it('keeps the other roles out (403) and another organisation’s types out of reach (404)', async () => {
    for (const role of ['secretariat', 'cabinet_head', 'advisor', 'services', 'official', 'group_staff'] as const) {
      const res = await api(role).post('/api/v1/correspondence/types', { code: `x_${role}`, label: 'X' });
      expect(res.statusCode).toBe(403);
      expect((await api(role).delete(`/api/v1/correspondence/types/${types.courrier}`)).statusCode).toBe(
        role === 'group_staff' ? 404 : 403,
      );
    }
    const before = await countRows(t.app, 'correspondence_item_types');
    const patch = await as(t.app, otherChief).patch(`/api/v1/correspondence/types/${types.courrier}`, {
      label: 'Pris',
    });
    expect(patch.statusCode).toBe(404);
    const del = await as(t.app, otherChief).delete(`/api/v1/correspondence/types/${types.courrier}`);
    expect(del.statusCode).toBe(404);
    expect(await countRows(t.app, 'correspondence_item_types')).toBe(before);
  });
});

describe('holiday calendar', () => {
  it('derives New Caledonia from the time zone until saved, and lists a year’s days off', async () => {
    const res = await api('chief_of_staff').get('/api/v1/settings/holidays?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ country: 'NC', region: null, closedDays: [], source: 'default', year: 2026 });
    expect(body.days).toContainEqual({ date: '2026-09-24', name: 'Fête de la Citoyenneté', kind: 'public' });
    expect(body.days.map((d: { date: string }) => d.date)).not.toContain('2026-05-24');
    expect((await api('admin').get('/api/v1/settings/holidays')).json().days).toBeUndefined();
  });

  it('saves the town’s own closed days, which due dates then skip', async () => {
    // The town's day every 15 October, and a one-off closing on Friday 2 October 2026.
    const put = await api('admin').put('/api/v1/settings/holidays', {
      country: 'NC',
      closedDays: [
        { date: '2025-10-15', label: 'Fête de la commune', everyYear: true },
        { date: '2026-10-02', label: 'Pont' },
      ],
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ country: 'NC', source: 'saved' });
    const year = (await api('chief_of_staff').get('/api/v1/settings/holidays?year=2027')).json();
    expect(year.days).toContainEqual({ date: '2027-10-15', name: 'Fête de la commune', kind: 'closed' });
    expect(year.days.map((d: { date: string }) => d.date)).not.toContain('2027-10-02');
    expect(await auditCount('settings.holidays_update')).toBe(1);

    const calendar = await workingCalendarOf(t.app.ctx.db, org.orgId);
    // Wednesday 30 September 2026, 08:00 in Nouméa: 1 working day → Thursday 1st; 2 → Monday 5th
    // (Friday 2nd closed); from Wednesday 14 October, 1 → Friday 16th (the 15th closed).
    expect(addWorkingDays(new Date('2026-09-29T21:00:00Z'), 1, calendar)).toBe('2026-10-01');
    expect(addWorkingDays(new Date('2026-09-29T21:00:00Z'), 2, calendar)).toBe('2026-10-05');
    expect(addWorkingDays(new Date('2026-10-13T21:00:00Z'), 1, calendar)).toBe('2026-10-16');
    // Registration counts them: an invitation (5 working days) received on the 30th is due on
    // Thursday 8 October, not the 7th.
    const item = await api('secretariat').post('/api/v1/correspondence', {
      direction: 'in',
      channel: 'email',
      subject: 'Invitation au forum des associations',
      sender: { name: 'Association Mont-Dore Sud', email: 'asso.mds@example.nc' },
      typeId: types.invitation,
      receivedAt: '2026-09-29T21:00:00Z',
    });
    expect(item.statusCode).toBe(201);
    expect(item.json().dueDate).toBe('2026-10-08');
    // The other organisation keeps its derived calendar.
    expect((await workingCalendarOf(t.app.ctx.db, other.orgId)).closedDays ?? []).toEqual([]);
    expect((await as(t.app, otherChief).get('/api/v1/settings/holidays')).json().source).toBe('default');
  });

  it('refuses an unknown country, region or a repeated day with their paths, writing nothing', async () => {
    const before = await countRows(t.app, 'organisation_calendars');
    const country = await api('admin').put('/api/v1/settings/holidays', { country: 'ZZ' });
    expect(country.statusCode).toBe(400);
    expect(paths(country)).toEqual(['country']);
    const region = await api('admin').put('/api/v1/settings/holidays', { country: 'FR', region: 'XX' });
    expect(paths(region)).toEqual(['region']);
    const twice = await api('admin').put('/api/v1/settings/holidays', {
      country: 'FR',
      closedDays: [
        { date: '2026-06-01', label: 'A', everyYear: true },
        { date: '2027-06-01', label: 'B' },
      ],
    });
    expect(paths(twice)).toEqual(['closedDays.1.date']);
    const shape = await api('admin').put('/api/v1/settings/holidays', {
      country: 'nc',
      closedDays: [{ date: '15/10', label: '' }],
    });
    expect(paths(shape)).toEqual(expect.arrayContaining(['country', 'closedDays.0.date', 'closedDays.0.label']));
    const year = await api('admin').get('/api/v1/settings/holidays?year=deux-mille');
    expect(paths(year)).toEqual(['year']);
    expect(await countRows(t.app, 'organisation_calendars')).toBe(before);
    expect(await auditCount('settings.holidays_update')).toBe(1);
    // Metropolitan France with the Moselle's region is a known calendar.
    const moselle = await as(t.app, otherChief).put('/api/v1/settings/holidays', { country: 'FR', region: '57' });
    expect(moselle.statusCode).toBe(200);
    const days = (await as(t.app, otherChief).get('/api/v1/settings/holidays?year=2026')).json().days;
    expect(days.map((d: { date: string }) => d.date)).toContain('2026-12-26');
  });

  it('is the admin’s and the director of cabinet’s only (403)', async () => {
    for (const role of ['executive', 'cabinet_head', 'secretariat', 'services', 'group_staff'] as const) {
      expect((await api(role).get('/api/v1/settings/holidays')).statusCode).toBe(403);
      expect((await api(role).put('/api/v1/settings/holidays', { country: 'FR' })).statusCode).toBe(403);
    }
  });
});

describe('saved views', () => {
  it('keeps each user’s named filters on the server, theirs alone', async () => {
    const made = await api('secretariat').post('/api/v1/correspondence/views', {
      name: 'Courriels en attente',
      filters: { channel: 'email', status: 'registered' },
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      name: 'Courriels en attente',
      filters: { channel: 'email', status: 'registered' },
      policies: { delete: true },
    });
    await api('secretariat').post('/api/v1/correspondence/views', { name: 'Boulari', filters: { q: 'Boulari' } });
    const list = await api('secretariat').get('/api/v1/correspondence/views?limit=1');
    expect(list.json().data.map((v: { name: string }) => v.name)).toEqual(['Courriels en attente']);
    const next = await api('secretariat').get(`/api/v1/correspondence/views?limit=1&cursor=${list.json().nextCursor}`);
    expect(next.json().data.map((v: { name: string }) => v.name)).toEqual(['Boulari']);
    expect((await api('advisor').get('/api/v1/correspondence/views')).json().data).toEqual([]);

    const same = await api('secretariat').post('/api/v1/correspondence/views', { name: 'Boulari', filters: {} });
    expect(same.statusCode).toBe(409);
    expect(paths(same)).toEqual(['name']);
    // Another user may use the same name.
    expect(
      (await api('advisor').post('/api/v1/correspondence/views', { name: 'Boulari', filters: {} })).statusCode,
    ).toBe(201);

    const id = made.json().id;
    expect((await api('advisor').delete(`/api/v1/correspondence/views/${id}`)).statusCode).toBe(404);
    expect((await as(t.app, otherChief).delete(`/api/v1/correspondence/views/${id}`)).statusCode).toBe(404);
    expect((await api('secretariat').delete(`/api/v1/correspondence/views/${id}`)).statusCode).toBe(204);
    expect((await api('secretariat').delete(`/api/v1/correspondence/views/${id}`)).statusCode).toBe(404);
  });

  it('refuses filters the inbox does not know, writing nothing', async () => {
    const before = await countRows(t.app, 'correspondence_saved_views');
    const bad = await api('secretariat').post('/api/v1/correspondence/views', {
      name: ' ',
      filters: { channel: 'pigeon', from: '2026-13-01', colour: 'bleu' },
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['name', 'filters.channel', 'filters.from']));
    const page = await api('secretariat').post('/api/v1/correspondence/views', {
      name: 'Page',
      filters: { limit: 10 },
    });
    expect(page.statusCode).toBe(400);
    expect(await countRows(t.app, 'correspondence_saved_views')).toBe(before);
    expect((await api('secretariat').get('/api/v1/correspondence/views?cursor=abc')).statusCode).toBe(400);
  });

  it('is for those who have an inbox (group staff and the admin get 403)', async () => {
    for (const role of ['group_staff', 'admin'] as const) {
      expect((await api(role).get('/api/v1/correspondence/views')).statusCode).toBe(403);
      expect((await api(role).post('/api/v1/correspondence/views', { name: 'X', filters: {} })).statusCode).toBe(403);
    }
    expect((await api('services').post('/api/v1/correspondence/views', { name: 'X', filters: {} })).statusCode).toBe(
      201,
    );
  });
});
