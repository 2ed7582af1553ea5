import { ROLES, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  BASE_URL,
  countRows,
  createTestApp,
  createTestOrg,
  signIn,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app';
import { declareOfficial } from './agenda-fixtures';

let t: TestApp;
let org: TestOrg;
let paris: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
let parisCookie: string;
let mayorId: string;
let deputyId: string;
let parisOfficialId: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  paris = await createTestOrg(t.app, ['secretariat', 'chief_of_staff']);
  // A département in metropolitan France: same code, another zone (and summer time).
  await t.app.ctx.db.execute(sql`update organisations set time_zone = 'Europe/Paris' where id = ${paris.orgId}`);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  parisCookie = await signIn(t.app, paris.users.secretariat);
  mayorId = await declareOfficial(t.app, cookies.chief_of_staff, {
    lastName: 'Tavernier',
    userId: org.users.executive.id,
    mandate: 'maire',
  });
  deputyId = await declareOfficial(t.app, cookies.chief_of_staff, { lastName: 'Wéa', userId: org.users.official.id });
  parisOfficialId = await declareOfficial(t.app, await signIn(t.app, paris.users.chief_of_staff), {
    lastName: 'Lorrain',
    mandate: 'president',
  });
});
afterAll(() => t.close());

async function createEvent(cookie: string, body: Record<string, unknown>) {
  const res = await as(t.app, cookie).post('/api/v1/events', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function subscribe(cookie: string, officialId: string | null): Promise<string> {
  const res = await as(t.app, cookie).post('/api/v1/calendars', { officialId });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().url).toMatch(new RegExp(`^${BASE_URL}/api/v1/calendars/[A-Za-z0-9_-]{43}\\.ics$`));
  return res.json().url.slice(BASE_URL.length);
}

/** The feed as a calendar client reads it: no session, only the secret address. */
async function readFeed(path: string) {
  const res = await t.app.inject({ method: 'GET', url: path });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/calendar/);
  const calendar = new ICAL.Component(ICAL.parse(res.body));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { text: res.body, events };
}

const at = (time: ICAL.Time) => ({
  local: `${time.year}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')} ${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`,
  zone: time.zone?.tzid,
  utc: time.toJSDate().toISOString(),
});

const now = new Date();
const day = (offsetDays: number) => new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('calendar feeds', () => {
  it('give an event at 18:00 in Nouméa as 18:00 Pacific/Noumea, 07:00 UTC, read by ical.js', async () => {
    const d = day(10);
    await createEvent(cookies.secretariat, {
      title: 'Inauguration du plateau sportif',
      start: `${d}T18:00:00+11:00`,
      end: `${d}T19:00:00+11:00`,
      officialIds: [deputyId],
      kind: 'ceremony',
      visibility: 'public',
      place: { label: 'Plateau de Yahoué', lat: -22.23, lon: 166.48 },
      reminders: [60],
    });
    const feed = await readFeed(await subscribe(cookies.advisor, deputyId));
    expect(feed.text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Pacific\/Noumea/);
    const event = feed.events.find((e) => e.summary === 'Inauguration du plateau sportif');
    expect(event).toBeDefined();
    expect(at((event as ICAL.Event).startDate)).toEqual({
      local: `${d} 18:00`,
      zone: 'Pacific/Noumea',
      utc: `${d}T07:00:00.000Z`,
    });
    expect(at((event as ICAL.Event).endDate).local).toBe(`${d} 19:00`);
    expect(event?.location).toBe('Plateau de Yahoué');
    expect(feed.text).toMatch(/BEGIN:VALARM[\s\S]*TRIGGER:-PT1H/);
  });

  it('give times right in Europe/Paris, winter and summer', async () => {
    const winter = '2027-01-14';
    const summer = '2027-06-10';
    for (const [date, offset] of [
      [winter, '+01:00'],
      [summer, '+02:00'],
    ]) {
      await createEvent(parisCookie, {
        title: `Session ${date}`,
        start: `${date}T18:00:00${offset}`,
        end: `${date}T20:00:00${offset}`,
        officialIds: [parisOfficialId],
        kind: 'council_session',
        visibility: 'public',
      });
    }
    const feed = await readFeed(await subscribe(parisCookie, parisOfficialId));
    expect(feed.text).toMatch(/TZID:Europe\/Paris/);
    const byTitle = new Map(feed.events.map((e) => [e.summary, e]));
    expect(at((byTitle.get(`Session ${winter}`) as ICAL.Event).startDate)).toEqual({
      local: `${winter} 18:00`,
      zone: 'Europe/Paris',
      utc: `${winter}T17:00:00.000Z`,
    });
    expect(at((byTitle.get(`Session ${summer}`) as ICAL.Event).startDate)).toEqual({
      local: `${summer} 18:00`,
      zone: 'Europe/Paris',
      utc: `${summer}T16:00:00.000Z`,
    });
  });

  it('round-trip a weekly series with one exception and one moved occurrence', async () => {
    const first = day(3);
    const series = await createEvent(cookies.secretariat, {
      title: 'Permanence de l’adjointe',
      start: `${first}T08:00:00+11:00`,
      end: `${first}T11:00:00+11:00`,
      officialIds: [deputyId],
      kind: 'office_hours',
      visibility: 'public',
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=6', exdates: [day(3 + 14)] },
    });
    const moved = await api('secretariat').post(`/api/v1/events/${series.id}/move`, {
      occurrence: day(3 + 7),
      start: `${day(3 + 8)}T14:00:00+11:00`,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const feed = await readFeed(await subscribe(cookies.secretariat, deputyId));
    const parts = feed.events.filter((e) => e.summary === 'Permanence de l’adjointe');
    const master = parts.find((e) => !e.isRecurrenceException()) as ICAL.Event;
    const exception = parts.find((e) => e.isRecurrenceException()) as ICAL.Event;
    expect(master.isRecurring()).toBe(true);
    expect(exception.uid).toBe(master.uid);
    master.relateException(exception);
    const it = master.iterator();
    const starts: string[] = [];
    for (let next = it.next(); next; next = it.next()) {
      const details = master.getOccurrenceDetails(next);
      starts.push(at(details.startDate).local);
    }
    expect(starts).toEqual([
      `${first} 08:00`,
      `${day(3 + 8)} 14:00`,
      `${day(3 + 21)} 08:00`,
      `${day(3 + 28)} 08:00`,
      `${day(3 + 35)} 08:00`,
    ]);
    expect(at(exception.recurrenceId).local).toBe(`${day(3 + 7)} 08:00`);
  });

  it('show a private event as busy, without details, to a subscriber who may not see it', async () => {
    const d = day(5);
    await createEvent(cookies.official, {
      title: 'Rendez-vous personnel',
      description: 'Ne pas diffuser',
      start: `${d}T12:00:00+11:00`,
      end: `${d}T13:00:00+11:00`,
      officialIds: [deputyId],
      kind: 'private_block',
      visibility: 'private',
      place: { label: 'Cabinet médical' },
    });
    const advisors = await readFeed(await subscribe(cookies.advisor, deputyId));
    const busy = advisors.events.find((e) => at(e.startDate).local === `${d} 12:00`) as ICAL.Event;
    expect(busy.summary).toBe('Occupé');
    expect(busy.description).toBeNull();
    expect(busy.location).toBeNull();
    expect(busy.component.getFirstPropertyValue('class')).toBe('PRIVATE');
    expect(advisors.text).not.toMatch(/personnel|médical|diffuser/);
    // The official herself (her own feed) and the secretariat see it in full.
    const own = await readFeed(await subscribe(cookies.official, null));
    expect(own.events.map((e) => e.summary)).toContain('Rendez-vous personnel');
    const keeper = await readFeed(await subscribe(cookies.secretariat, deputyId));
    expect(keeper.events.map((e) => e.summary)).toContain('Rendez-vous personnel');
  });

  it('lists the feeds one may subscribe to, rotates and revokes them', async () => {
    const list = await api('official').get('/api/v1/calendars');
    expect(list.statusCode).toBe(200);
    const feeds = list.json().data as {
      kind: string;
      officialId: string | null;
      url: string | null;
      id: string | null;
    }[];
    expect(feeds.map((f) => f.officialId)).toEqual(expect.arrayContaining([null, mayorId, deputyId]));
    expect(feeds.every((f) => f.url === null)).toBe(true);
    // The advisor is no official: no "own" agenda to offer.
    const advisors = (await api('advisor').get('/api/v1/calendars')).json().data as { kind: string }[];
    expect(advisors.some((f) => f.kind === 'user')).toBe(false);

    const path = await subscribe(cookies.communication, mayorId);
    const id = (await api('communication').get('/api/v1/calendars'))
      .json()
      .data.find((f: { officialId: string | null }) => f.officialId === mayorId).id;
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    // Someone else's subscription is not theirs to rotate or revoke.
    expect((await api('advisor').post(`/api/v1/calendars/${id}/rotate`)).statusCode).toBe(404);
    expect((await api('advisor').delete(`/api/v1/calendars/${id}`)).statusCode).toBe(404);
    const rotated = await api('communication').post(`/api/v1/calendars/${id}/rotate`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const newPath = rotated.json().url.slice(BASE_URL.length);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(200);
    expect((await api('communication').delete(`/api/v1/calendars/${id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(404);
    // The token is stored hashed: the table never holds the address.
    const token = newPath.split('/').pop()?.replace('.ics', '') as string;
    const stored = await t.app.ctx.db.execute(
      sql`select count(*)::int as n from agenda_calendar_feeds where token_hash = ${token}`,
    );
    expect((stored as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
  });

  it('refuses bad input, other roles and other organisations', async () => {
    const before = await countRows(t.app, 'agenda_calendar_feeds');
    const unknown = await api('advisor').post('/api/v1/calendars', {
      officialId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('officialId');
    // Another organisation's official is unknown here.
    const foreign = await as(t.app, parisCookie).post('/api/v1/calendars', { officialId: deputyId });
    expect(foreign.statusCode).toBe(400);
    // The advisor has no agenda of their own.
    expect((await api('advisor').post('/api/v1/calendars', {})).statusCode).toBe(400);
    expect(await countRows(t.app, 'agenda_calendar_feeds')).toBe(before);
    for (const role of ['group_staff', 'admin'] as const) {
      expect((await api(role).get('/api/v1/calendars')).statusCode).toBe(403);
      expect((await api(role).post('/api/v1/calendars', { officialId: mayorId })).statusCode).toBe(403);
    }
    const mine = (await api('advisor').get('/api/v1/calendars')).json().data;
    expect(mine.length).toBeGreaterThan(0);
    const id = (await api('secretariat').get('/api/v1/calendars'))
      .json()
      .data.find((f: { id: string | null }) => f.id)?.id;
    expect((await as(t.app, parisCookie).post(`/api/v1/calendars/${id}/rotate`)).statusCode).toBe(404);
    expect((await as(t.app, parisCookie).delete(`/api/v1/calendars/${id}`)).statusCode).toBe(404);
    // A token that was never issued, or a malformed address.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/calendars/${'a'.repeat(43)}.ics` })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/calendars/short.ics' })).statusCode).toBe(400);
  });
});

/** A multipart form with one file, as a browser sends it. */
function multipart(content: string, filename = 'invitation.ics') {
  const boundary = '----dircab-test-boundary';
  const payload = [
    `--${boundary}`,
    `Content-Disposition: form-data; name="file"; filename="${filename}"`,
    'Content-Type: text/calendar',
    '',
    content,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function importFile(cookie: string, officialIds: string[], content: string) {
  const form = multipart(content);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/events/import?officialIds=${officialIds.join(',')}`,
    headers: { cookie, origin: BASE_URL, 'content-type': form.contentType },
    payload: form.payload,
  });
}

// An Outlook invitation: a Windows zone name defined only by the file's VTIMEZONE.
const OUTLOOK = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
  'VERSION:2.0',
  'METHOD:REQUEST',
  'BEGIN:VTIMEZONE',
  'TZID:Romance Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16011028T030000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010325T020000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:040000008200E00074C5B7101A82E008',
  'SUMMARY:Congrès des maires de France',
  'LOCATION:Porte de Versailles\\, Paris',
  'DTSTART;TZID=Romance Standard Time:20261118T140000',
  'DTEND;TZID=Romance Standard Time:20261118T160000',
  'DTSTAMP:20261101T000000Z',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:second@example.org',
  'SUMMARY:Comité de pilotage',
  'DTSTART;TZID=Pacific/Noumea:20261201T100000',
  'DTEND;TZID=Pacific/Noumea:20261201T113000',
  'RRULE:FREQ=MONTHLY;COUNT=3',
  'DTSTAMP:20261101T000000Z',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('.ics import', () => {
  it('puts an invitation file’s events on the officials’ agendas at the right instants', async () => {
    const res = await importFile(cookies.secretariat, [mayorId], OUTLOOK);
    expect(res.statusCode, res.body).toBe(201);
    const [congress, committee] = res.json().data;
    expect(congress).toMatchObject({
      title: 'Congrès des maires de France',
      // 14:00 in Paris in November (UTC+1) is 13:00 UTC.
      start: '2026-11-18T13:00:00.000Z',
      end: '2026-11-18T15:00:00.000Z',
      officialIds: [mayorId],
      visibility: 'internal',
      place: { label: 'Porte de Versailles, Paris' },
    });
    expect(committee).toMatchObject({
      start: '2026-11-30T23:00:00.000Z',
      timeZone: 'Pacific/Noumea',
      recurrence: { rrule: 'FREQ=MONTHLY;COUNT=3', exdates: [] },
    });
  });

  it('refuses a file that is no invitation, unknown officials and other roles, writing nothing', async () => {
    const before = await countRows(t.app, 'agenda_events');
    const notIcs = await importFile(cookies.secretariat, [mayorId], 'Bonjour, venez à la fête.');
    expect(notIcs.statusCode).toBe(400);
    expect(notIcs.json().errors[0].path).toBe('file');
    const noEvent = await importFile(
      cookies.secretariat,
      [mayorId],
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n',
    );
    expect(noEvent.statusCode).toBe(400);
    const badRule = await importFile(
      cookies.secretariat,
      [mayorId],
      OUTLOOK.replace('FREQ=MONTHLY;COUNT=3', 'FREQ=HOURLY'),
    );
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json().errors[0].path).toBe('recurrence.rrule');
    const unknown = await importFile(cookies.secretariat, ['01900000-0000-7000-8000-000000000000'], OUTLOOK);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('officialIds.0');
    expect((await importFile(parisCookie, [mayorId], OUTLOOK)).statusCode).toBe(400);
    expect((await importFile(cookies.advisor, [mayorId], OUTLOOK)).statusCode).toBe(403);
    expect((await importFile(cookies.group_staff, [mayorId], OUTLOOK)).statusCode).toBe(403);
    expect((await importFile(cookies.official, [mayorId], OUTLOOK)).statusCode).toBe(403);
    expect(await countRows(t.app, 'agenda_events')).toBe(before);
  });
});
