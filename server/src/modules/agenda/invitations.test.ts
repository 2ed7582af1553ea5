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
} from '../../../test/test-app';
import { declareOfficial } from './agenda-fixtures';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
let otherCookie: string;
let mayorId: string;
let deputyId: string;
let organiserId: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  mayorId = await declareOfficial(t.app, cookies.chief_of_staff, {
    lastName: 'Tavernier',
    firstName: 'Agnès',
    userId: org.users.executive.id,
    mandate: 'maire',
  });
  deputyId = await declareOfficial(t.app, cookies.chief_of_staff, {
    lastName: 'Wéa',
    firstName: 'Hélène',
    userId: org.users.official.id,
  });
  const organiser = await api('secretariat').post('/api/v1/contacts', {
    kind: 'organisation',
    name: 'Association des parents d’élèves de Plum',
    addresses: [{ line1: '12 rue des Flamboyants', postcode: '98809', city: 'Mont-Dore' }],
    phones: [{ number: '+687 43 12 34' }],
  });
  expect(organiser.statusCode, organiser.body).toBe(201);
  organiserId = organiser.json().id;
});
afterAll(() => t.close());

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

const invitation = (over: Record<string, unknown> = {}) => ({
  title: 'Kermesse de l’école de Plum',
  organiserContactId: organiserId,
  start: '2026-12-12T09:00:00+11:00',
  end: '2026-12-12T12:00:00+11:00',
  place: { label: 'École de Plum', address: 'Route de Plum' },
  answerBy: '2099-12-01',
  kind: 'ceremony',
  ...over,
});

async function invite(over: Record<string, unknown> = {}) {
  const res = await api('secretariat').post('/api/v1/invitations', invitation(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('invitations', () => {
  it('are recorded, listed by status (overdue by their day) and read', async () => {
    const pending = await invite();
    expect(pending).toMatchObject({
      status: 'pending',
      overdue: false,
      organiserName: 'Association des parents d’élèves de Plum',
      start: '2026-12-11T22:00:00.000Z',
      policies: { accept: true, delegate: true, decline: true, letter: false },
    });
    const late = await invite({
      title: 'Vœux de la CCI',
      answerBy: '2020-01-10',
      organiserContactId: null,
      organiserName: 'CCI',
    });
    expect(late.overdue).toBe(true);
    const overdue = await api('advisor').get('/api/v1/invitations?status=overdue');
    expect(overdue.json().data.map((i: { id: string }) => i.id)).toEqual([late.id]);
    const all = await api('advisor').get('/api/v1/invitations?status=pending&limit=1');
    expect(all.json().data).toHaveLength(1);
    const next = await api('advisor').get(`/api/v1/invitations?status=pending&limit=1&cursor=${all.json().nextCursor}`);
    expect(next.json().data).toHaveLength(1);
    expect((await api('advisor').get(`/api/v1/invitations/${pending.id}`)).json().policies).toMatchObject({
      accept: false,
    });
  });

  it('accept puts the event on the mayor’s agenda', async () => {
    const inv = await invite({ title: 'Assemblée générale du club de football' });
    const res = await api('cabinet_head').post(`/api/v1/invitations/${inv.id}/accept`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', eventId: expect.any(String) });
    const event = (await api('secretariat').get(`/api/v1/events/${res.json().eventId}`)).json();
    expect(event).toMatchObject({
      title: 'Assemblée générale du club de football',
      officialIds: [mayorId],
      invitationId: inv.id,
      representing: null,
      visibility: 'public',
      start: inv.start,
      attendees: { contactIds: [organiserId] },
    });
    const again = await api('cabinet_head').post(`/api/v1/invitations/${inv.id}/accept`, {});
    expect(again.statusCode).toBe(409);
  });

  it('delegate puts the event on the deputy’s agenda as a representation of the mayor, and the report counts it', async () => {
    const inv = await invite();
    const res = await api('secretariat').post(`/api/v1/invitations/${inv.id}/delegate`, { officialId: deputyId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'delegated', delegatedOfficialId: deputyId });
    const eventId = res.json().eventId;
    // The deputy sees it on her agenda, marked « représente le Maire ».
    const week = await api('official').get(`/api/v1/events?from=2026-12-12&to=2026-12-12&officialIds=${deputyId}`);
    const event = week.json().data.find((e: { id: string }) => e.id === eventId);
    expect(event).toMatchObject({
      officialIds: [deputyId],
      representing: { officialId: mayorId, label: 'représente le Maire' },
    });
    const report = await api('chief_of_staff').get(
      '/api/v1/invitations/representation-report?from=2026-12-01&to=2026-12-31',
    );
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().data).toEqual([
      expect.objectContaining({
        officialId: deputyId,
        officialName: 'Hélène Wéa',
        representedOfficialId: mayorId,
        representedName: 'Agnès Tavernier',
        count: 1,
        events: [expect.objectContaining({ eventId })],
      }),
    ]);
    // The brief of the outing: prepared by the secretariat, validated by the cabinet, read by the deputy.
    const draft = await api('secretariat').put(`/api/v1/events/${eventId}/brief`, {
      talkingPoints: '<p>Remercier les parents bénévoles.</p>',
      driver: 'M. Kaouma',
      gift: 'Livres pour la bibliothèque',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({
      status: 'draft',
      driver: 'M. Kaouma',
      policies: { update: true, validate: false },
    });
    expect((await api('secretariat').post(`/api/v1/events/${eventId}/brief/validate`)).statusCode).toBe(403);
    const validated = await api('cabinet_head').post(`/api/v1/events/${eventId}/brief/validate`);
    expect(validated.statusCode, validated.body).toBe(200);
    expect(validated.json()).toMatchObject({ status: 'validated', validatedBy: org.users.cabinet_head.id });
    expect((await api('cabinet_head').post(`/api/v1/events/${eventId}/brief/validate`)).statusCode).toBe(409);
    const read = await api('official').get(`/api/v1/events/${eventId}/brief`);
    expect(read.json()).toMatchObject({
      status: 'validated',
      talkingPoints: '<p>Remercier les parents bénévoles.</p>',
    });
    const assembled = await api('official').get(`/api/v1/events/${eventId}/brief/assembled`);
    expect(assembled.statusCode, assembled.body).toBe(200);
    expect(assembled.json()).toMatchObject({
      event: { id: eventId, representing: { label: 'représente le Maire' } },
      brief: { status: 'validated' },
      officials: [{ kind: 'official', id: deputyId, displayName: 'Hélène Wéa' }],
      attendees: [
        {
          kind: 'contact',
          id: organiserId,
          displayName: 'Association des parents d’élèves de Plum',
          phone: expect.any(String),
        },
      ],
    });
    const pdf = await api('official').get(`/api/v1/events/${eventId}/brief/assembled?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    // Editing a validated brief sends it back to draft.
    const edited = await api('secretariat').put(`/api/v1/events/${eventId}/brief`, {
      protocolRemarks: '<p>Pas de discours.</p>',
    });
    expect(edited.json()).toMatchObject({ status: 'draft', validatedAt: null, driver: 'M. Kaouma' });
  });

  it('decline produces the reply letter in DOCX, ODT and PDF', async () => {
    const inv = await invite({ title: 'Gala de boxe' });
    const pendingLetter = await api('secretariat').get(`/api/v1/invitations/${inv.id}/decline-letter`);
    expect(pendingLetter.statusCode).toBe(409);
    const res = await api('chief_of_staff').post(`/api/v1/invitations/${inv.id}/decline`, {
      reason: 'Le conseil municipal siège ce jour-là.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'declined',
      eventId: null,
      declineReason: 'Le conseil municipal siège ce jour-là.',
      policies: { letter: true },
    });
    for (const [format, magic, type] of [
      ['docx', 'PK', /wordprocessingml/],
      ['odt', 'PK', /opendocument\.text/],
      ['pdf', '%PDF', /application\/pdf/],
    ] as const) {
      const letter = await api('secretariat').get(`/api/v1/invitations/${inv.id}/decline-letter?format=${format}`);
      expect(letter.statusCode, `${format}: ${letter.body.slice(0, 200)}`).toBe(200);
      expect(letter.headers['content-type']).toMatch(type);
      expect(letter.rawPayload.subarray(0, magic.length).toString()).toBe(magic);
    }
    expect((await api('secretariat').get(`/api/v1/invitations/${inv.id}/decline-letter?format=rtf`)).statusCode).toBe(
      400,
    );
  });

  it('refuses bad input with French problems on the fields, writing nothing', async () => {
    const before = await countRows(t.app, 'agenda_invitations');
    const events = await countRows(t.app, 'agenda_events');
    const cases: [Record<string, unknown>, string][] = [
      [invitation({ end: '2026-12-12T08:00:00+11:00' }), 'end'],
      [invitation({ organiserContactId: '01900000-0000-7000-8000-000000000000' }), 'organiserContactId'],
      [invitation({ organiserContactId: null }), 'organiserName'],
      [invitation({ answerBy: 'demain' }), 'answerBy'],
    ];
    for (const [body, path] of cases) {
      const res = await api('secretariat').post('/api/v1/invitations', body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(paths(res)).toContain(path);
    }
    const inv = await invite();
    const unknown = await api('secretariat').post(`/api/v1/invitations/${inv.id}/delegate`, {
      officialId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toContain('officialId');
    const toMayor = await api('secretariat').post(`/api/v1/invitations/${inv.id}/delegate`, { officialId: mayorId });
    expect(toMayor.statusCode).toBe(400);
    const badBrief = await api('secretariat').put(`/api/v1/events/01900000-0000-7000-8000-000000000000/brief`, {});
    expect(badBrief.statusCode).toBe(400);
    expect(await countRows(t.app, 'agenda_invitations')).toBe(before + 1);
    expect(await countRows(t.app, 'agenda_events')).toBe(events);
    expect((await api('secretariat').get(`/api/v1/invitations/${inv.id}`)).json().status).toBe('pending');
  });

  it('keeps roles to theirs: advisors read, officials and group staff do not reach invitations', async () => {
    const inv = await invite();
    expect((await api('advisor').get(`/api/v1/invitations/${inv.id}`)).statusCode).toBe(200);
    expect((await api('advisor').post(`/api/v1/invitations/${inv.id}/accept`, {})).statusCode).toBe(403);
    expect((await api('advisor').post('/api/v1/invitations', invitation())).statusCode).toBe(403);
    for (const role of ['official', 'services', 'communication', 'group_staff', 'admin'] as const) {
      expect((await api(role).get('/api/v1/invitations')).statusCode, role).toBe(403);
      expect((await api(role).post(`/api/v1/invitations/${inv.id}/decline`, {})).statusCode, role).toBe(
        role === 'group_staff' ? 404 : 403,
      );
    }
    // A private event's brief is not the advisor's to read (a busy slot).
    const priv = await api('secretariat').post('/api/v1/events', {
      title: 'Rendez-vous privé',
      start: '2026-12-14T09:00:00+11:00',
      end: '2026-12-14T10:00:00+11:00',
      officialIds: [mayorId],
      kind: 'private_block',
      visibility: 'private',
    });
    expect((await api('advisor').get(`/api/v1/events/${priv.json().id}/brief`)).statusCode).toBe(404);
    expect((await api('advisor').get(`/api/v1/events/${priv.json().id}/brief/assembled`)).statusCode).toBe(404);
    expect((await api('advisor').put(`/api/v1/events/${priv.json().id}/brief`, { gift: 'x' })).statusCode).toBe(403);
  });

  it('never shows another organisation’s invitations or briefs (404)', async () => {
    const inv = await invite();
    const accepted = await api('secretariat').post(`/api/v1/invitations/${inv.id}/accept`, {});
    const eventId = accepted.json().eventId;
    const foreign = as(t.app, otherCookie);
    expect((await foreign.get(`/api/v1/invitations/${inv.id}`)).statusCode).toBe(404);
    for (const action of ['accept', 'decline']) {
      expect((await foreign.post(`/api/v1/invitations/${inv.id}/${action}`, {})).statusCode).toBe(404);
    }
    expect((await foreign.post(`/api/v1/invitations/${inv.id}/delegate`, { officialId: deputyId })).statusCode).toBe(
      404,
    );
    expect((await foreign.get(`/api/v1/invitations/${inv.id}/decline-letter`)).statusCode).toBe(404);
    expect((await foreign.get('/api/v1/invitations')).json().data).toEqual([]);
    expect(
      (await foreign.get('/api/v1/invitations/representation-report?from=2026-12-01&to=2026-12-31')).json().data,
    ).toEqual([]);
    expect((await foreign.get(`/api/v1/events/${eventId}/brief`)).statusCode).toBe(404);
    expect((await foreign.put(`/api/v1/events/${eventId}/brief`, { gift: 'x' })).statusCode).toBe(404);
    expect((await foreign.post(`/api/v1/events/${eventId}/brief/validate`)).statusCode).toBe(404);
    expect((await foreign.get(`/api/v1/events/${eventId}/brief/assembled`)).statusCode).toBe(404);
  });

  it('follows the directory: a merge moves attendees and organisers, the export shows them, an erasure removes them', async () => {
    const person = async (lastName: string) => {
      const res = await api('chief_of_staff').post('/api/v1/contacts', { kind: 'person', firstName: 'Jean', lastName });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const duplicate = await person('Poédi');
    const kept = await person('Poedi');
    const event = await api('secretariat').post('/api/v1/events', {
      title: 'Rencontre avec un administré',
      start: '2026-12-15T09:00:00+11:00',
      end: '2026-12-15T09:30:00+11:00',
      officialIds: [deputyId],
      kind: 'meeting',
      visibility: 'internal',
      attendees: { contactIds: [duplicate] },
    });
    expect(event.statusCode, event.body).toBe(201);
    const inv = await invite({ organiserContactId: duplicate, title: 'Mariage coutumier' });
    const mergeOnce = async () => {
      const res = await api('chief_of_staff').post(`/api/v1/contacts/${kept}/merge`, { duplicateId: duplicate });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    // A merge undone puts the attendee and the organiser back on the duplicate.
    const first = await mergeOnce();
    expect(first.moved).toMatchObject({ agenda_attendees: 1, agenda_invitations: 1 });
    const undone = await api('chief_of_staff').post(`/api/v1/contacts/${kept}/merges/${first.auditId}/undo`);
    expect(undone.statusCode, undone.body).toBeLessThan(300);
    expect((await api('secretariat').get(`/api/v1/events/${event.json().id}`)).json().attendees.contactIds).toEqual([
      duplicate,
    ]);
    expect((await api('secretariat').get(`/api/v1/invitations/${inv.id}`)).json().organiserContactId).toBe(duplicate);
    await mergeOnce();
    expect((await api('secretariat').get(`/api/v1/events/${event.json().id}`)).json().attendees.contactIds).toEqual([
      kept,
    ]);
    expect((await api('secretariat').get(`/api/v1/invitations/${inv.id}`)).json().organiserContactId).toBe(kept);
    const timeline = await api('secretariat').get(`/api/v1/contacts/${kept}/timeline`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    expect(timeline.json().data.map((e: { title: string }) => e.title)).toContain(
      'Agenda : « Rencontre avec un administré »',
    );
    // Services see internal events as busy slots: not on the contact's page either.
    const services = await api('services').get(`/api/v1/contacts/${kept}/timeline`);
    if (services.statusCode === 200) {
      expect(JSON.stringify(services.json())).not.toContain('Rencontre avec un administré');
    }
    const assembled = await api('secretariat').get(`/api/v1/events/${event.json().id}/brief/assembled`);
    expect(assembled.json().attendees[0].history.map((h: { title: string }) => h.title)).toContain(
      'Agenda : « Rencontre avec un administré »',
    );
    const exported = await api('chief_of_staff').get(`/api/v1/contacts/${kept}/export`);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(JSON.stringify(exported.json())).toContain('Rencontre avec un administré');
    const erased = await api('chief_of_staff').post(`/api/v1/contacts/${kept}/erase`, {
      reason: 'Demande écrite du 20 novembre',
    });
    expect(erased.statusCode, erased.body).toBeLessThan(300);
    expect((await api('secretariat').get(`/api/v1/events/${event.json().id}`)).json().attendees.contactIds).toEqual([]);
    expect((await api('secretariat').get(`/api/v1/invitations/${inv.id}`)).json()).toMatchObject({
      organiserContactId: null,
      organiserName: 'Contact anonymisé',
    });
  });
});
