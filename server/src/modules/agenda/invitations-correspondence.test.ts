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
import { createItemTypes } from '../correspondence/commands/create-item-types';
import { declareOfficial } from './agenda-fixtures';

// The agenda's links to correspondence: an invitation made from an incoming letter, and the
// reply declining one registered as outgoing mail.

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
let otherCookie: string;
let organiserId: string;
let invitationTypeId: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'secretariat']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  await declareOfficial(t.app, cookies.chief_of_staff, {
    lastName: 'Tavernier',
    firstName: 'Agnès',
    userId: org.users.executive.id,
    mandate: 'maire',
  });
  const organiser = await api('secretariat').post('/api/v1/contacts', {
    kind: 'organisation',
    name: 'Comité des fêtes de Boulari',
    emails: [{ email: 'contact@fetes-boulari.nc' }],
    addresses: [{ line1: '3 rue du Marché', postcode: '98809', city: 'Mont-Dore' }],
  });
  expect(organiser.statusCode, organiser.body).toBe(201);
  organiserId = organiser.json().id;
  // The organisation's standard item types, « Invitation » among them (as the demo seeds them).
  const types = await createItemTypes(t.app.ctx.db, org.orgId);
  invitationTypeId = types.find((type) => type.code === 'invitation')?.id ?? '';
  expect(invitationTypeId).not.toBe('');
});
afterAll(() => t.close());

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

async function registerLetter(role: TRole, over: Record<string, unknown> = {}) {
  const res = await api(role).post('/api/v1/correspondence', {
    direction: 'in',
    channel: 'postal',
    typeId: invitationTypeId,
    subject: 'Invitation à la fête du marché de Boulari',
    receivedAt: '2026-11-20T10:00:00+11:00',
    sender: { name: 'Comité des fêtes de Boulari', email: 'contact@fetes-boulari.nc' },
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; senderContactId: string; registrationNumber: string };
}

const when = {
  start: '2026-12-19T17:00:00+11:00',
  end: '2026-12-19T20:00:00+11:00',
  answerBy: '2099-12-10',
};

describe('an invitation created from an incoming letter', () => {
  it('takes the letter’s subject, writer and received day, once per letter', async () => {
    const letter = await registerLetter('secretariat');
    expect(letter.senderContactId).toBe(organiserId);
    const res = await api('secretariat').post('/api/v1/invitations', { correspondenceItemId: letter.id, ...when });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      title: 'Invitation à la fête du marché de Boulari',
      organiserContactId: organiserId,
      organiserName: 'Comité des fêtes de Boulari',
      receivedOn: '2026-11-20',
      correspondenceItemId: letter.id,
      status: 'pending',
    });
    const listed = await api('secretariat').get(`/api/v1/invitations?correspondenceItemId=${letter.id}`);
    expect(listed.json().data.map((i: { id: string }) => i.id)).toEqual([res.json().id]);
    // What the form gives wins over the letter.
    const second = await registerLetter('secretariat', { subject: 'Courrier du comité' });
    const typed = await api('secretariat').post('/api/v1/invitations', {
      correspondenceItemId: second.id,
      title: 'Fête du marché',
      organiserName: 'M. Jean Kaloi, président du comité',
      receivedOn: '2026-11-21',
      ...when,
    });
    expect(typed.json()).toMatchObject({
      title: 'Fête du marché',
      organiserContactId: null,
      organiserName: 'M. Jean Kaloi, président du comité',
      receivedOn: '2026-11-21',
    });
    // A second invitation from the same letter is refused, and writes nothing.
    const before = await countRows(t.app, 'agenda_invitations');
    const again = await api('chief_of_staff').post('/api/v1/invitations', { correspondenceItemId: letter.id, ...when });
    expect(again.statusCode, again.body).toBe(409);
    expect(await countRows(t.app, 'agenda_invitations')).toBe(before);
  });

  it('refuses bad input with French problems on the fields, writing nothing', async () => {
    const before = await countRows(t.app, 'agenda_invitations');
    const outgoing = await registerLetter('secretariat', { direction: 'out', subject: 'Réponse au comité' });
    const cases: [Record<string, unknown>, string][] = [
      [{ correspondenceItemId: outgoing.id, ...when }, 'correspondenceItemId'],
      [{ organiserName: 'Comité', ...when }, 'title'],
      [{ correspondenceItemId: 'pas-un-id', ...when }, 'correspondenceItemId'],
      [{ correspondenceItemId: outgoing.id, ...when, receivedOn: 'hier' }, 'receivedOn'],
      [{ correspondenceItemId: outgoing.id, ...when, end: '2026-12-19T16:00:00+11:00' }, 'end'],
    ];
    for (const [body, path] of cases) {
      const res = await api('secretariat').post('/api/v1/invitations', body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(paths(res), res.body).toContain(path);
    }
    expect((await api('secretariat').get('/api/v1/invitations?correspondenceItemId=pas-un-id')).statusCode).toBe(400);
    expect(await countRows(t.app, 'agenda_invitations')).toBe(before);
  });

  it('follows the letter’s access rules: 404 for one who may not see it, 403 for roles that do not answer', async () => {
    // A confidential letter the chief of staff keeps to themself: the chef de cabinet may not see it.
    const secret = await registerLetter('chief_of_staff', { confidentiality: 'confidential', subject: 'Dîner privé' });
    expect((await api('cabinet_head').get(`/api/v1/correspondence/${secret.id}`)).statusCode).toBe(404);
    const hidden = await api('cabinet_head').post('/api/v1/invitations', { correspondenceItemId: secret.id, ...when });
    expect(hidden.statusCode, hidden.body).toBe(404);
    const unknown = await api('secretariat').post('/api/v1/invitations', {
      correspondenceItemId: '01900000-0000-7000-8000-000000000000',
      ...when,
    });
    expect(unknown.statusCode).toBe(404);
    const letter = await registerLetter('secretariat', { subject: 'Vernissage à Plum' });
    for (const role of ['advisor', 'official', 'services', 'communication'] as const) {
      const res = await api(role).post('/api/v1/invitations', { correspondenceItemId: letter.id, ...when });
      expect(res.statusCode, role).toBe(403);
    }
    const allowed = await api('chief_of_staff').post('/api/v1/invitations', {
      correspondenceItemId: secret.id,
      ...when,
    });
    expect(allowed.statusCode, allowed.body).toBe(201);
  });

  it('never reaches another organisation’s letter (404)', async () => {
    const letter = await registerLetter('secretariat', { subject: 'Inauguration du plateau sportif' });
    const foreign = as(t.app, otherCookie);
    const res = await foreign.post('/api/v1/invitations', { correspondenceItemId: letter.id, ...when });
    expect(res.statusCode, res.body).toBe(404);
    expect((await foreign.get(`/api/v1/invitations?correspondenceItemId=${letter.id}`)).json().data).toEqual([]);
  });
});

describe('declining an invitation', () => {
  it('registers the reply letter as outgoing mail to the organiser, which the letter then carries', async () => {
    const created = await api('secretariat').post('/api/v1/invitations', {
      title: 'Loto de la paroisse',
      organiserContactId: organiserId,
      ...when,
    });
    const outgoingBefore = await countRows(t.app, "correspondence_items where direction = 'out'");
    const res = await api('secretariat').post(`/api/v1/invitations/${created.json().id}/decline`, {
      reason: 'Le Maire préside le conseil municipal ce soir-là.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const replyItemId = res.json().replyItemId;
    expect(replyItemId).toEqual(expect.any(String));
    expect(await countRows(t.app, "correspondence_items where direction = 'out'")).toBe(outgoingBefore + 1);
    const item = await api('secretariat').get(`/api/v1/correspondence/${replyItemId}`);
    expect(item.statusCode, item.body).toBe(200);
    expect(item.json()).toMatchObject({
      direction: 'out',
      registrationNumber: expect.stringMatching(/^\d{4}-D-\d+$/),
      senderContactId: organiserId,
      subject: 'Votre invitation : « Loto de la paroisse »',
      sender: { name: 'Comité des fêtes de Boulari', email: 'contact@fetes-boulari.nc' },
    });
    expect(item.json().body).toContain('Le Maire préside le conseil municipal ce soir-là.');
    expect(item.json().body).not.toMatch(/<p>|&#39;|&amp;/);
    const audit = await countRows(
      t.app,
      `audit_log where action = 'correspondence.register' and record_id = '${replyItemId}'`,
    );
    expect(audit).toBe(1);
    // The letter prints with its number in the register.
    const letter = await api('secretariat').get(`/api/v1/invitations/${created.json().id}/decline-letter?format=docx`);
    expect(letter.statusCode).toBe(200);
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(new Uint8Array(letter.rawPayload))['word/document.xml'] as Uint8Array);
    expect(xml).toContain(item.json().registrationNumber);
    // Another organisation reaches neither the invitation's reply nor its letter.
    const foreign = as(t.app, otherCookie);
    expect((await foreign.get(`/api/v1/correspondence/${replyItemId}`)).statusCode).toBe(404);
    expect((await foreign.post(`/api/v1/invitations/${created.json().id}/decline`, {})).statusCode).toBe(404);
  });

  it('registers nothing when the answer is refused', async () => {
    const created = await api('secretariat').post('/api/v1/invitations', {
      title: 'Tournoi de pétanque',
      organiserName: 'Club de pétanque de Yahoué',
      ...when,
    });
    const id = created.json().id;
    const items = await countRows(t.app, 'correspondence_items');
    expect((await api('advisor').post(`/api/v1/invitations/${id}/decline`, {})).statusCode).toBe(403);
    expect(
      (await api('secretariat').post(`/api/v1/invitations/${id}/decline`, { reason: 'x'.repeat(2001) })).statusCode,
    ).toBe(400);
    expect(await countRows(t.app, 'correspondence_items')).toBe(items);
    const declined = await api('secretariat').post(`/api/v1/invitations/${id}/decline`, {});
    expect(declined.statusCode, declined.body).toBe(200);
    // A writer known only by name gets a directory card from the registration, as any letter's.
    const item = await api('secretariat').get(`/api/v1/correspondence/${declined.json().replyItemId}`);
    expect(item.json().sender.name).toBe('Club de pétanque de Yahoué');
    expect((await api('secretariat').post(`/api/v1/invitations/${id}/decline`, {})).statusCode).toBe(409);
    expect(await countRows(t.app, 'correspondence_items')).toBe(items + 1);
  });
});

describe('the reply declining an invitation', () => {
  const replyOf = async (itemId: string) => {
    const res = await api('secretariat').get(`/api/v1/correspondence/${itemId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { status: string; inReplyToId: string | null };
  };
  const sends = (itemId: string) =>
    countRows(t.app, `audit_log where action = 'correspondence.send' and record_id = '${itemId}'`);

  it('answers the invitation letter, and is sent once the secretariat prints it', async () => {
    const letter = await registerLetter('secretariat', { subject: 'Invitation au gala de la jeunesse' });
    const created = await api('secretariat').post('/api/v1/invitations', { correspondenceItemId: letter.id, ...when });
    const declined = await api('secretariat').post(`/api/v1/invitations/${created.json().id}/decline`, {});
    expect(declined.statusCode, declined.body).toBe(200);
    const replyItemId: string = declined.json().replyItemId;
    expect(await replyOf(replyItemId)).toMatchObject({ inReplyToId: letter.id, status: 'registered' });
    // Neither a bad format, another organisation nor an advisor reading the letter sends it.
    const letterUrl = `/api/v1/invitations/${created.json().id}/decline-letter`;
    const badFormat = await api('secretariat').get(`${letterUrl}?format=xls`);
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.headers['content-type']).toMatch(/problem\+json/);
    expect((await as(t.app, otherCookie).get(`${letterUrl}?format=pdf`)).statusCode).toBe(404);
    expect((await replyOf(replyItemId)).status).toBe('registered');
    const read = await api('advisor').get(`/api/v1/invitations/${created.json().id}/decline-letter?format=pdf`);
    expect(read.statusCode).toBe(200);
    expect((await replyOf(replyItemId)).status).toBe('registered');
    const printed = await api('secretariat').get(`/api/v1/invitations/${created.json().id}/decline-letter?format=pdf`);
    expect(printed.statusCode).toBe(200);
    expect((await replyOf(replyItemId)).status).toBe('sent');
    await api('secretariat').get(`/api/v1/invitations/${created.json().id}/decline-letter?format=odt`);
    expect(await sends(replyItemId)).toBe(1);
  });

  it('is marked sent by the secretariat, once, and by no one else', async () => {
    const created = await api('secretariat').post('/api/v1/invitations', {
      title: 'Kermesse de l’école de Plum',
      organiserContactId: organiserId,
      ...when,
    });
    const id = created.json().id;
    // Not declined yet: there is no reply to send.
    const pending = await api('secretariat').post(`/api/v1/invitations/${id}/reply-sent`);
    expect(pending.statusCode).toBe(409);
    expect(pending.headers['content-type']).toMatch(/problem\+json/);
    const declined = await api('secretariat').post(`/api/v1/invitations/${id}/decline`, {});
    const replyItemId: string = declined.json().replyItemId;
    // An invitation typed in directly answers no letter.
    expect((await replyOf(replyItemId)).inReplyToId).toBeNull();
    const audits = await countRows(t.app, 'audit_log');
    expect((await api('secretariat').post('/api/v1/invitations/pas-un-id/reply-sent')).statusCode).toBe(400);
    expect((await api('advisor').post(`/api/v1/invitations/${id}/reply-sent`)).statusCode).toBe(403);
    expect((await api('services').post(`/api/v1/invitations/${id}/reply-sent`)).statusCode).toBe(403);
    expect((await as(t.app, otherCookie).post(`/api/v1/invitations/${id}/reply-sent`)).statusCode).toBe(404);
    expect(await countRows(t.app, 'audit_log')).toBe(audits);
    expect((await replyOf(replyItemId)).status).toBe('registered');
    const sent = await api('secretariat').post(`/api/v1/invitations/${id}/reply-sent`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ id, status: 'declined', replyItemId });
    expect((await replyOf(replyItemId)).status).toBe('sent');
    expect((await api('chief_of_staff').post(`/api/v1/invitations/${id}/reply-sent`)).statusCode).toBe(200);
    expect(await sends(replyItemId)).toBe(1);
  });
});
