import { ROLES, type TEvent, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
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
import { declareOfficial } from './agenda-fixtures';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
let otherCookie: string;
let mayorId: string;
let deputyId: string;
let secondDeputyId: string;
let otherOfficialId: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  mayorId = await declareOfficial(t.app, cookies.chief_of_staff, {
    lastName: 'Tavernier',
    userId: org.users.executive.id,
    mandate: 'maire',
  });
  deputyId = await declareOfficial(t.app, cookies.chief_of_staff, { lastName: 'Wéa', userId: org.users.official.id });
  secondDeputyId = await declareOfficial(t.app, cookies.chief_of_staff, { lastName: 'Nakamura' });
  otherOfficialId = await declareOfficial(t.app, otherCookie, { lastName: 'Ailleurs', mandate: 'maire' });
});
afterAll(() => t.close());

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

const meeting = (over: Record<string, unknown> = {}) => ({
  title: 'Réunion de quartier à Boulari',
  start: '2026-11-25T18:00:00+11:00',
  end: '2026-11-25T19:30:00+11:00',
  officialIds: [deputyId],
  kind: 'meeting',
  visibility: 'public',
  place: { label: 'Maison de quartier de Boulari', address: 'Route de Boulari' },
  reminders: [30],
  ...over,
});

async function create(body: Record<string, unknown>, role: TRole = 'secretariat'): Promise<TEvent> {
  const res = await api(role).post('/api/v1/events', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function week(role: TRole, from: string, to: string, officialIds?: string[]): Promise<TEvent[]> {
  const q = officialIds ? `&officialIds=${officialIds.join(',')}` : '';
  const res = await api(role).get(`/api/v1/events?from=${from}&to=${to}${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data;
}

describe('events', () => {
  it('are created in the organisation’s zone, read, listed by period and official, changed and audited', async () => {
    const event = await create(meeting());
    expect(event).toMatchObject({
      title: 'Réunion de quartier à Boulari',
      busy: false,
      kind: 'meeting',
      allDay: false,
      // 18:00 in Nouméa (UTC+11) is 07:00 UTC.
      start: '2026-11-25T07:00:00.000Z',
      end: '2026-11-25T08:30:00.000Z',
      timeZone: 'Pacific/Noumea',
      officialIds: [deputyId],
      reminders: [30],
      place: { label: 'Maison de quartier de Boulari', address: 'Route de Boulari', lat: null, lon: null },
      policies: { update: true, delete: true, move: true, brief: true },
    });
    const got = await api('advisor').get(`/api/v1/events/${event.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json().policies).toMatchObject({ update: false, delete: false });

    expect((await week('advisor', '2026-11-23', '2026-11-29', [deputyId])).map((e) => e.id)).toContain(event.id);
    expect((await week('advisor', '2026-11-23', '2026-11-29', [mayorId])).map((e) => e.id)).not.toContain(event.id);
    expect((await week('advisor', '2026-11-23', '2026-11-29')).map((e) => e.id)).toContain(event.id);
    // The period is read in Nouméa: 25 November 18:00 there is not on the 24th nor the 26th.
    expect(await week('advisor', '2026-11-26', '2026-11-26', [deputyId])).toEqual([]);

    const patched = await api('secretariat').patch(`/api/v1/events/${event.id}`, {
      title: 'Réunion de quartier (reportée d’une heure)',
      end: '2026-11-25T20:30:00+11:00',
      officialIds: [deputyId, secondDeputyId],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      end: '2026-11-25T09:30:00.000Z',
      officialIds: expect.arrayContaining([deputyId, secondDeputyId]),
    });
    expect((await week('advisor', '2026-11-25', '2026-11-25', [secondDeputyId])).map((e) => e.id)).toContain(event.id);

    const actions = await queryRows<{ action: string }>(
      t.app.ctx.db,
      sql`select action from audit_log where record_id = ${event.id} order by at, id`,
    );
    expect(actions.map((a) => a.action)).toEqual(['agenda.event.create', 'agenda.event.update']);
  });

  it('takes all-day events by their days', async () => {
    const event = await create({
      title: 'Congrès des maires',
      allDay: true,
      startDate: '2026-11-30',
      endDate: '2026-12-01',
      officialIds: [mayorId],
      kind: 'trip',
      visibility: 'public',
    });
    expect(event).toMatchObject({
      allDay: true,
      startDate: '2026-11-30',
      endDate: '2026-12-01',
      start: '2026-11-29T13:00:00.000Z',
      end: '2026-12-01T13:00:00.000Z',
    });
    expect((await week('secretariat', '2026-12-01', '2026-12-01', [mayorId])).map((e) => e.id)).toContain(event.id);
  });

  it('refuses bad input with French problems on the fields, writing nothing', async () => {
    const before = await countRows(t.app, 'agenda_events');
    const audits = await countRows(t.app, 'audit_log');
    const cases: [Record<string, unknown>, string][] = [
      [meeting({ end: '2026-11-25T17:00:00+11:00' }), 'end'],
      [meeting({ start: '2026-11-25T18:00:00' }), 'start'],
      [meeting({ officialIds: ['01900000-0000-7000-8000-000000000000'] }), 'officialIds.0'],
      [meeting({ officialIds: [otherOfficialId] }), 'officialIds.0'],
      [meeting({ recurrence: { rrule: 'FREQ=SOMETIMES' } }), 'recurrence.rrule'],
      [meeting({ recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=XX' } }), 'recurrence.rrule'],
      [meeting({ recurrence: { rrule: 'not a rule' } }), 'recurrence.rrule'],
      [meeting({ kind: 'party' }), 'kind'],
      [meeting({ timeZone: 'Mars/Olympus' }), 'timeZone'],
      [meeting({ attendees: { contactIds: ['01900000-0000-7000-8000-000000000000'] } }), 'attendees.contactIds.0'],
      [meeting({ allDay: true }), 'start'],
    ];
    for (const [body, path] of cases) {
      const res = await api('secretariat').post('/api/v1/events', body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(paths(res), res.body).toContain(path);
    }
    const rule = await api('secretariat').post('/api/v1/events', meeting({ recurrence: { rrule: 'FREQ=SOMETIMES' } }));
    expect(rule.json().errors[0].message).toMatch(/Fréquence/);
    const event = await create(meeting());
    const badPatch = await api('secretariat').patch(`/api/v1/events/${event.id}`, { end: '2026-11-25T17:00:00+11:00' });
    expect(badPatch.statusCode).toBe(400);
    expect(paths(badPatch)).toContain('end');
    const badMove = await api('secretariat').post(`/api/v1/events/${event.id}/move`, { startDate: '2026-11-26' });
    expect(badMove.statusCode).toBe(400);
    const badPeriod = await api('secretariat').get('/api/v1/events?from=2026-01-01&to=2026-12-31');
    expect(badPeriod.statusCode).toBe(400);
    expect(paths(badPeriod)).toContain('to');
    expect(await countRows(t.app, 'agenda_events')).toBe(before + 1);
    expect(await countRows(t.app, 'audit_log')).toBe(audits + 1);
  });

  it('shows a private event as busy to those who may not see it, in full to the official and the diary keepers', async () => {
    const event = await create(
      meeting({ title: 'Rendez-vous médical', visibility: 'private', officialIds: [mayorId], place: null }),
    );
    for (const role of ['executive', 'chief_of_staff', 'cabinet_head', 'secretariat'] as const) {
      const got = (await api(role).get(`/api/v1/events/${event.id}`)).json();
      expect(got, role).toMatchObject({ busy: false, title: 'Rendez-vous médical' });
    }
    for (const role of ['advisor', 'communication', 'services', 'official'] as const) {
      const got = await api(role).get(`/api/v1/events/${event.id}`);
      expect(got.statusCode, role).toBe(200);
      expect(got.json(), role).toMatchObject({
        busy: true,
        title: 'Occupé',
        kind: null,
        description: null,
        place: null,
        attendees: null,
        start: event.start,
        end: event.end,
      });
      expect(JSON.stringify(got.json())).not.toMatch(/médical/);
      const listed = (await week(role, '2026-11-25', '2026-11-25', [mayorId])).find((e) => e.id === event.id);
      expect(listed, role).toMatchObject({ busy: true, title: 'Occupé' });
    }
    // The deputy sees their own private event; the mayor's only as busy, and cannot change it (404).
    const own = await create(
      meeting({ title: 'Dentiste', visibility: 'private', officialIds: [deputyId] }),
      'official',
    );
    expect((await api('official').get(`/api/v1/events/${own.id}`)).json()).toMatchObject({
      busy: false,
      title: 'Dentiste',
    });
    expect((await api('advisor').get(`/api/v1/events/${own.id}`)).json()).toMatchObject({ busy: true });
    expect((await api('official').patch(`/api/v1/events/${event.id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await api('official').delete(`/api/v1/events/${event.id}`)).statusCode).toBe(404);
  });

  it('lets an official plan only their own agenda, and keeps group staff and the admin out', async () => {
    const before = await countRows(t.app, 'agenda_events');
    expect((await api('official').post('/api/v1/events', meeting({ officialIds: [mayorId] }))).statusCode).toBe(403);
    expect((await api('advisor').post('/api/v1/events', meeting())).statusCode).toBe(403);
    const mayors = await create(meeting({ officialIds: [mayorId], visibility: 'internal' }));
    expect((await api('official').patch(`/api/v1/events/${mayors.id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await api('official').get(`/api/v1/events/${mayors.id}`)).json()).toMatchObject({ busy: false });
    expect((await api('services').get(`/api/v1/events/${mayors.id}`)).json()).toMatchObject({ busy: true });
    for (const role of ['group_staff', 'admin'] as const) {
      expect((await api(role).get('/api/v1/events?from=2026-11-23&to=2026-11-29')).statusCode, role).toBe(403);
      expect((await api(role).get(`/api/v1/events/${mayors.id}`)).statusCode, role).toBe(
        role === 'group_staff' ? 404 : 403,
      );
      expect((await api(role).post('/api/v1/events', meeting())).statusCode, role).toBe(403);
    }
    expect(await countRows(t.app, 'agenda_events')).toBe(before + 1);
  });

  it('never shows another organisation’s events (404), nor lets it act on them', async () => {
    const event = await create(meeting());
    const foreign = as(t.app, otherCookie);
    expect((await foreign.get(`/api/v1/events/${event.id}`)).statusCode).toBe(404);
    expect((await foreign.patch(`/api/v1/events/${event.id}`, { title: 'x' })).statusCode).toBe(404);
    expect(
      (await foreign.post(`/api/v1/events/${event.id}/move`, { start: '2026-11-26T10:00:00+11:00' })).statusCode,
    ).toBe(404);
    expect((await foreign.delete(`/api/v1/events/${event.id}`)).statusCode).toBe(404);
    const list = await foreign.get(`/api/v1/events?from=2026-11-23&to=2026-11-29&officialIds=${deputyId}`);
    expect(list.json().data).toEqual([]);
    expect(
      (await foreign.get(`/api/v1/events/conflicts?officialId=${deputyId}&from=2026-11-23&to=2026-11-29`)).statusCode,
    ).toBe(404);
    // Nor may one organisation put an event on another's official.
    const planted = await foreign.post('/api/v1/events', meeting());
    expect(planted.statusCode).toBe(400);
    expect(paths(planted)).toContain('officialIds.0');
  });

  it('reports overlapping events of one official, and too little time to travel between two places', async () => {
    const from = '2026-12-07';
    const a = await create(
      meeting({
        title: 'A',
        start: '2026-12-07T09:00:00+11:00',
        end: '2026-12-07T10:00:00+11:00',
        officialIds: [secondDeputyId],
      }),
    );
    const b = await create(
      meeting({
        title: 'B',
        start: '2026-12-07T09:30:00+11:00',
        end: '2026-12-07T10:30:00+11:00',
        officialIds: [secondDeputyId],
        place: { label: 'Mairie' },
      }),
    );
    const c = await create(
      meeting({
        title: 'C',
        start: '2026-12-07T10:40:00+11:00',
        end: '2026-12-07T11:00:00+11:00',
        officialIds: [secondDeputyId],
        place: { label: 'École de Plum' },
      }),
    );
    const list = await week('cabinet_head', from, from, [secondDeputyId]);
    const byId = new Map(list.map((e) => [e.id, e]));
    expect(byId.get(a.id)?.conflicts?.overlaps).toEqual([b.id]);
    expect(byId.get(b.id)?.conflicts?.overlaps).toEqual([a.id]);
    expect(byId.get(b.id)?.conflicts?.travel).toEqual([{ eventId: c.id, minutes: 10 }]);
    expect(byId.get(c.id)?.conflicts).toEqual({ overlaps: [], travel: [{ eventId: b.id, minutes: 10 }] });
    const conflicts = await api('cabinet_head').get(
      `/api/v1/events/conflicts?officialId=${secondDeputyId}&from=${from}&to=${from}`,
    );
    expect(conflicts.statusCode).toBe(200);
    expect(conflicts.json().data).toEqual([
      expect.objectContaining({ kind: 'overlap', eventIds: [a.id, b.id] }),
      expect.objectContaining({ kind: 'travel', eventIds: [b.id, c.id], minutes: 10 }),
    ]);
    // The travel time is a setting: at 5 minutes, 10 are enough.
    expect((await api('cabinet_head').put('/api/v1/agenda/settings', { travelMinutes: 5 })).json()).toEqual({
      travelMinutes: 5,
    });
    expect(
      (
        await api('cabinet_head').get(`/api/v1/events/conflicts?officialId=${secondDeputyId}&from=${from}&to=${from}`)
      ).json().data,
    ).toHaveLength(1);
    expect((await api('cabinet_head').put('/api/v1/agenda/settings', { travelMinutes: -1 })).statusCode).toBe(400);
    expect((await api('advisor').put('/api/v1/agenda/settings', { travelMinutes: 10 })).statusCode).toBe(403);
    await api('cabinet_head').put('/api/v1/agenda/settings', { travelMinutes: 30 });
  });

  it('moves an event keeping its duration and returns the previous times for an undo', async () => {
    const event = await create(meeting({ officialIds: [secondDeputyId] }));
    const moved = await api('secretariat').post(`/api/v1/events/${event.id}/move`, {
      start: '2026-11-26T09:00:00+11:00',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      event: { start: '2026-11-25T22:00:00.000Z', end: '2026-11-25T23:30:00.000Z' },
      previous: { start: event.start, end: event.end },
    });
    const undone = await api('secretariat').post(`/api/v1/events/${event.id}/move`, {
      start: moved.json().previous.start,
    });
    expect(undone.json().event).toMatchObject({ start: event.start, end: event.end });
    expect((await api('advisor').post(`/api/v1/events/${event.id}/move`, { start: event.start })).statusCode).toBe(403);
  });

  it('expands a weekly series in the period, without its EXDATE, with a moved and a cancelled occurrence', async () => {
    const series = await create(
      meeting({
        title: 'Permanence du mercredi',
        kind: 'office_hours',
        start: '2026-12-02T08:00:00+11:00',
        end: '2026-12-02T11:00:00+11:00',
        officialIds: [deputyId],
        place: { label: 'Mairie annexe de Plum' },
        recurrence: { rrule: 'RRULE:FREQ=WEEKLY;BYDAY=WE', exdates: ['2026-12-16'] },
      }),
    );
    expect(series.recurrence).toEqual({ rrule: 'FREQ=WEEKLY;BYDAY=WE', exdates: ['2026-12-15T21:00:00.000Z'] });
    const occurrences = async () =>
      (await week('advisor', '2026-12-01', '2026-12-31', [deputyId])).filter(
        (e) => e.seriesId === series.id || e.id === series.id,
      );
    expect((await occurrences()).map((e) => e.start)).toEqual([
      '2026-12-01T21:00:00.000Z',
      '2026-12-08T21:00:00.000Z',
      '2026-12-22T21:00:00.000Z',
      '2026-12-29T21:00:00.000Z',
    ]);
    const moved = await api('secretariat').post(`/api/v1/events/${series.id}/move`, {
      start: '2026-12-10T08:00:00+11:00',
      occurrence: '2026-12-09',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().event).toMatchObject({ seriesId: series.id, recurrenceId: '2026-12-08T21:00:00.000Z' });
    const cancelled = await api('secretariat').delete(
      `/api/v1/events/${series.id}?occurrence=2026-12-22T21:00:00.000Z`,
    );
    expect(cancelled.statusCode, cancelled.body).toBe(204);
    expect((await occurrences()).map((e) => e.start)).toEqual([
      '2026-12-01T21:00:00.000Z',
      '2026-12-09T21:00:00.000Z',
      '2026-12-29T21:00:00.000Z',
    ]);
    const notAnOccurrence = await api('secretariat').post(`/api/v1/events/${series.id}/move`, {
      start: '2026-12-10T08:00:00+11:00',
      occurrence: '2026-12-10',
    });
    expect(notAnOccurrence.statusCode).toBe(400);
    expect(paths(notAnOccurrence)).toContain('occurrence');
  });

  it('cancels an occurrence changed before, whether named by its own id or by the series', async () => {
    const series = await create(
      meeting({
        title: 'Tournée des écoles',
        start: '2027-02-01T08:00:00+11:00',
        end: '2027-02-01T09:00:00+11:00',
        officialIds: [secondDeputyId],
        recurrence: { rrule: 'FREQ=WEEKLY;COUNT=4' },
      }),
    );
    const starts = async () =>
      (await week('advisor', '2027-01-31', '2027-03-01', [secondDeputyId]))
        .filter((e) => e.seriesId === series.id)
        .map((e) => e.start);
    const change = async (occurrence: string, body: Record<string, unknown>) => {
      const res = await api('secretariat').patch(`/api/v1/events/${series.id}?occurrence=${occurrence}`, body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as TEvent;
    };
    // Edited, then deleted by its own id, no occurrence: it stays cancelled, the original does not come back.
    const retitled = await change('2027-02-01', { title: 'Tournée des écoles (Dumbéa)' });
    expect((await api('advisor').delete(`/api/v1/events/${retitled.id}`)).statusCode).toBe(403);
    expect((await api('secretariat').delete(`/api/v1/events/${retitled.id}`)).statusCode).toBe(204);
    // Moved a day later, then deleted by its own id naming its current day.
    const moved = await change('2027-02-08', { start: '2027-02-09T08:00:00+11:00', end: '2027-02-09T09:00:00+11:00' });
    const wrongDay = await api('secretariat').delete(`/api/v1/events/${moved.id}?occurrence=2027-02-20`);
    expect(wrongDay.statusCode).toBe(400);
    expect(paths(wrongDay)).toContain('occurrence');
    expect((await api('secretariat').delete(`/api/v1/events/${moved.id}?occurrence=2027-02-09`)).statusCode).toBe(204);
    // Moved, then cancelled through the series naming where it now stands.
    await change('2027-02-15', { start: '2027-02-17T10:00:00+11:00', end: '2027-02-17T11:00:00+11:00' });
    const throughSeries = await api('secretariat').delete(
      `/api/v1/events/${series.id}?occurrence=2027-02-16T23:00:00.000Z`,
    );
    expect(throughSeries.statusCode, throughSeries.body).toBe(204);
    expect(await starts()).toEqual(['2027-02-21T21:00:00.000Z']);
    const foreign = await as(t.app, otherCookie).delete(`/api/v1/events/${moved.id}?occurrence=2027-02-09`);
    expect(foreign.statusCode).toBe(404);
    const audited = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select count(*)::int as n from audit_log where action = 'agenda.event.cancel_occurrence' and record_id = ${series.id}`,
    );
    expect(audited[0]?.n).toBe(3);
  });

  it('edits one occurrence, switches an event to all-day and pages through a busy period', async () => {
    const series = await create(
      meeting({
        title: 'Point hebdomadaire',
        start: '2027-01-04T08:00:00+11:00',
        end: '2027-01-04T09:00:00+11:00',
        officialIds: [secondDeputyId],
        recurrence: { rrule: 'FREQ=WEEKLY;COUNT=4' },
      }),
    );
    const edited = await api('secretariat').patch(`/api/v1/events/${series.id}?occurrence=2027-01-11`, {
      title: 'Point hebdomadaire (en visio)',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ seriesId: series.id, recurrence: null, start: '2027-01-10T21:00:00.000Z' });
    const refused = await api('secretariat').patch(`/api/v1/events/${series.id}?occurrence=2027-01-11`, {
      recurrence: { rrule: 'FREQ=DAILY' },
    });
    expect(refused.statusCode).toBe(400);
    const titles = (await week('advisor', '2027-01-03', '2027-01-31', [secondDeputyId])).map((e) => e.title);
    expect(titles).toEqual([
      'Point hebdomadaire',
      'Point hebdomadaire (en visio)',
      'Point hebdomadaire',
      'Point hebdomadaire',
    ]);

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const q = `/api/v1/events?from=2027-01-03&to=2027-01-31&officialIds=${secondDeputyId}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await api('advisor').get(q);
      expect(res.statusCode, res.body).toBe(200);
      pages.push(...res.json().data.map((e: TEvent) => e.start));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(pages).toHaveLength(4);
    expect(new Set(pages).size).toBe(4);

    const single = await create(
      meeting({ officialIds: [secondDeputyId], start: '2027-01-20T08:00:00+11:00', end: '2027-01-20T09:00:00+11:00' }),
    );
    const allDay = await api('secretariat').patch(`/api/v1/events/${single.id}`, {
      allDay: true,
      startDate: '2027-01-20',
      endDate: '2027-01-21',
    });
    expect(allDay.statusCode, allDay.body).toBe(200);
    expect(allDay.json()).toMatchObject({
      allDay: true,
      startDate: '2027-01-20',
      endDate: '2027-01-21',
      start: '2027-01-19T13:00:00.000Z',
    });
    const halfSwitch = await api('secretariat').patch(`/api/v1/events/${single.id}`, { allDay: false });
    expect(halfSwitch.statusCode).toBe(400);
    expect(paths(halfSwitch)).toContain('start');
  });

  it('deletes an event', async () => {
    const event = await create(meeting());
    expect((await api('advisor').delete(`/api/v1/events/${event.id}`)).statusCode).toBe(403);
    expect((await api('secretariat').delete(`/api/v1/events/${event.id}`)).statusCode).toBe(204);
    expect((await api('secretariat').get(`/api/v1/events/${event.id}`)).statusCode).toBe(404);
  });

  it('prints the week’s public events as a document, never the internal or private ones', async () => {
    await create(
      meeting({ title: 'Fête des associations', start: '2026-11-28T09:00:00+11:00', end: '2026-11-28T12:00:00+11:00' }),
    );
    await create(
      meeting({
        title: 'Point budgétaire confidentiel',
        visibility: 'internal',
        start: '2026-11-27T09:00:00+11:00',
        end: '2026-11-27T10:00:00+11:00',
      }),
    );
    const docx = await api('communication').get('/api/v1/events/weekly-agenda?from=2026-11-23&format=docx');
    expect(docx.statusCode, docx.body.slice(0, 200)).toBe(200);
    expect(docx.headers['content-type']).toMatch(/wordprocessingml/);
    const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] as Uint8Array);
    expect(xml).toContain('Agenda de la semaine');
    expect(xml).toContain('Fête des associations');
    expect(xml).toContain('18:00');
    expect(xml).not.toContain('Point budgétaire');
    expect(xml).not.toContain('médical');
    const pdf = await api('communication').get('/api/v1/events/weekly-agenda?from=2026-11-23');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect((await api('communication').get('/api/v1/events/weekly-agenda')).statusCode).toBe(400);
    expect((await api('group_staff').get('/api/v1/events/weekly-agenda?from=2026-11-23')).statusCode).toBe(403);
  });

  it('reads an official’s week through the (org, official, start) index, whatever the years behind it', async () => {
    const { db } = t.app.ctx;
    // Five thousand past meetings on the deputy's agenda, an hour apart (before any period read here).
    await db.execute(sql`insert into agenda_events (id, org_id, title, kind, visibility, starts_at, ends_at, time_zone)
      select gen_random_uuid(), ${org.orgId}, 'Ancien rendez-vous ' || g, 'meeting', 'internal',
        timestamptz '2026-09-01' - make_interval(hours => g), timestamptz '2026-09-01' - make_interval(hours => g) + interval '1 hour',
        'Pacific/Noumea'
      from generate_series(1, 5000) g`);
    await db.execute(sql`insert into agenda_event_officials (org_id, event_id, official_id, starts_at, ends_at, recurring)
      select org_id, id, ${deputyId}::uuid, starts_at, ends_at, false from agenda_events where title like 'Ancien rendez-vous %'`);
    await db.execute(sql`analyze agenda_event_officials`);
    // The list's own condition (find-events.ts): the period, bounded back by the longest event.
    const plan = await queryRows<{ 'QUERY PLAN': unknown }>(
      db,
      sql`explain (analyze, format json) select event_id from agenda_event_officials eo where eo.org_id = ${org.orgId}
        and eo.official_id = any(array[${deputyId}::uuid])
        and ((not eo.recurring and eo.starts_at >= timestamptz '2026-11-23' - interval '31 days'
              and eo.starts_at < '2026-11-30' and eo.ends_at > '2026-11-23') or (eo.recurring and eo.starts_at < '2026-11-30'))`,
    );
    const raw = plan[0]?.['QUERY PLAN'];
    const nodes: Record<string, unknown>[] = [];
    const walk = (n: Record<string, unknown>) => {
      nodes.push(n);
      for (const child of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk(((typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: Record<string, unknown> }[])[0]?.Plan ?? {});
    const read = nodes
      .filter(
        (n) =>
          n['Relation Name'] === 'agenda_event_officials' ||
          String(n['Index Name'] ?? '').startsWith('agenda_event_officials'),
      )
      .reduce((sum, n) => sum + Number(n['Actual Rows'] ?? 0) + Number(n['Rows Removed by Filter'] ?? 0), 0);
    expect(nodes.some((n) => String(n['Index Name'] ?? '').startsWith('agenda_event_officials_'))).toBe(true);
    // The week's few rows, not the 5,000 behind them.
    expect(read).toBeLessThan(200);
    const week = await api('secretariat').get(`/api/v1/events?from=2026-11-23&to=2026-11-29&officialIds=${deputyId}`);
    expect(week.json().data.some((e: { title: string }) => e.title.startsWith('Ancien'))).toBe(false);
  }, 120_000);
});
