import { ROLES, type TRole } from '@dircab/contracts';
import { sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice, hasLibreOffice, pdfToText } from '../../../../test/libreoffice';
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
import { extractPdfText } from '../../../platform/documents/extract-pdf-text';
import { type SmtpPeer, startSmtpPeer } from '../../../platform/mailer/smtp-test-peer';
import { createItemTypes } from '../commands/create-item-types';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let smtp: SmtpPeer;
let types: Record<string, string>;
const cookies = {} as Record<TRole, string>;
let otherChief: string;
const api = (role: TRole) => as(t.app, cookies[role]);
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

const LETTERHEAD = {
  organisationName: 'Ville du Mont-Dore',
  addressLines: ['Hôtel de ville', '12 route de Boulari', '98809 Le Mont-Dore'],
  phone: '41 00 00',
  email: 'mairie@mont-dore.example',
  website: 'www.mont-dore.example',
  place: 'Le Mont-Dore',
  secretariatName: 'Secrétariat du cabinet de la Maire',
  secretariatEmail: 'secretariat@mont-dore.example',
  secretariatPhone: '41 00 10',
  executiveName: 'Hélène Boyer',
  executiveTitle: 'La Maire',
  appealCourt: 'le tribunal administratif de Nouméa',
};

/** 08:30 on 23 September 2026 in Nouméa (UTC+11) is still the 22nd in UTC. */
const RECEIVED_AT = '2026-09-22T21:30:00.000Z';

async function register(over: Record<string, unknown> = {}, role: TRole = 'secretariat') {
  const res = await api(role).post('/api/v1/correspondence', {
    direction: 'in',
    channel: 'email',
    typeId: types.demande,
    subject: 'Éclairage public « rue des Cocotiers »',
    body: 'Le lampadaire devant le numéro 12 est éteint.',
    receivedAt: RECEIVED_AT,
    sender: {
      name: 'Mme Armelle Tein',
      email: 'armelle.tein@example.nc',
      address: '12 rue des Cocotiers, 98809 Le Mont-Dore',
    },
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; registrationNumber: string; dueDate: string; implicitDecisionDate: string };
}

async function ackPdfText(id: string): Promise<string> {
  const res = await api('secretariat').get(`/api/v1/correspondence/${id}/acknowledgement?format=pdf`);
  expect(res.statusCode, res.body).toBe(200);
  return oneLine(extractPdfText(res.rawPayload));
}

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'secretariat']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherChief = await signIn(t.app, other.users.chief_of_staff);
  types = Object.fromEntries((await createItemTypes(t.app.ctx.db, org.orgId)).map((x) => [x.code, x.id]));
  await createItemTypes(t.app.ctx.db, other.orgId);
  const mail = await api('chief_of_staff').put('/api/v1/settings/mail', {
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    fromAddress: 'cabinet@mont-dore.example',
    fromName: 'Cabinet de la Maire',
  });
  expect(mail.statusCode).toBe(200);
  expect((await api('chief_of_staff').put('/api/v1/correspondence/letterhead', LETTERHEAD)).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('acknowledgement of an email request (CRPA L.112-3, R.112-5)', () => {
  it('states the received date, the service and the implicit acceptance two months later, in Nouméa time', async () => {
    const item = await register();
    expect(item.implicitDecisionDate).toBe('2026-11-23');
    const text = await ackPdfText(item.id);
    expect(text).toContain('Ville du Mont-Dore');
    expect(text).toContain(`Accusé de réception de votre demande n° ${item.registrationNumber}`);
    expect(text).toContain('reçue le 23 septembre 2026');
    expect(text).toContain('Secrétariat du cabinet de la Maire');
    expect(text).toContain('courriel : secretariat@mont-dore.example, téléphone : 41 00 10');
    expect(text).toContain('décision implicite d’acceptation le 23 novembre 2026');
    expect(text).toContain('attestation');
    expect(text).not.toContain('recours gracieux');
    expect(text).toContain('Mme Armelle Tein');
    expect(text).toContain('98809 Le Mont-Dore');
    expect(text).toContain('Hélène Boyer');
    expect(text).not.toContain('{{');
  });

  it('answers each format with its media type and a named file', async () => {
    const item = await register();
    const expected = {
      pdf: 'application/pdf',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      odt: 'application/vnd.oasis.opendocument.text',
    };
    for (const [format, type] of Object.entries(expected)) {
      const res = await api('chief_of_staff').get(`/api/v1/correspondence/${item.id}/acknowledgement?format=${format}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(type);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="accuse-reception-${item.registrationNumber}.${format}"`,
      );
    }
    const docx = await api('secretariat').get(`/api/v1/correspondence/${item.id}/acknowledgement?format=docx`);
    const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] as Uint8Array);
    expect(xml).toContain('23 novembre 2026');
    expect(xml).toContain('« Éclairage public « rue des Cocotiers » »');
  });

  it('names the appeal routes and the right to the reasons when silence is a rejection', async () => {
    const item = await register({ typeId: types.demande_subvention, subject: 'Subvention pour la fête de quartier' });
    const text = await ackPdfText(item.id);
    expect(text).toContain('décision implicite de rejet le 23 novembre 2026');
    expect(text).toContain('recours gracieux auprès de la Maire');
    expect(text).toContain('recours contentieux devant le tribunal administratif de Nouméa');
    expect(text).toContain('L.232-4');
    expect(text).not.toContain('attestation');
  });

  it('says nothing of an implicit decision for a complaint', async () => {
    const item = await register({ typeId: types.reclamation, subject: 'Bruit du chantier' });
    const text = await ackPdfText(item.id);
    expect(text).toContain('reçue le 23 septembre 2026');
    expect(text).not.toContain('décision implicite');
  });

  it('names the lead service once the item is routed to one', async () => {
    const item = await register();
    const [service] = await queryRows<{ id: string }>(
      t.app.ctx.db,
      sql`insert into services (id, org_id, name, email, phone) values (gen_random_uuid(), ${org.orgId}, 'Direction des services techniques', 'dst@mont-dore.example', '41 00 50') returning id`,
    );
    await t.app.ctx.db.execute(
      sql`update correspondence_items set lead_service_id = ${service?.id} where id = ${item.id}`,
    );
    const text = await ackPdfText(item.id);
    expect(text).toContain('Direction des services techniques');
    expect(text).toContain('courriel : dst@mont-dore.example, téléphone : 41 00 50');
    expect(text).toContain('Affaire suivie par : Direction des services techniques');
  });

  it('sends it by email, the letter attached as PDF, through a mail.send job, and records it', async () => {
    const item = await register();
    // Registered from an email: the acknowledgement answers that message.
    await t.app.ctx.db.execute(
      sql`insert into correspondence_email_messages (org_id, message_id, item_id) values (${org.orgId}, 'demande-123@example.nc', ${item.id})`,
    );
    const res = await api('secretariat').post(`/api/v1/correspondence/${item.id}/acknowledgement/send`, {});
    expect(res.statusCode, res.body).toBe(201);
    const ack = res.json();
    expect(ack).toMatchObject({
      itemId: item.id,
      channel: 'email',
      recipient: 'armelle.tein@example.nc',
      emailStatus: 'pending',
    });
    expect(ack.emailJobId).toBeTruthy();
    // Registration acknowledged it automatically already; this one is sent again by hand.
    const audits = await queryRows<{ automatic: boolean }>(
      t.app.ctx.db,
      sql`select (summary->'after'->>'automatic')::boolean as automatic from audit_log where record_id = ${item.id} and action = 'correspondence.acknowledge' order by id`,
    );
    expect(audits.map((a) => a.automatic)).toEqual([true, false]);
    expect(ack.automatic).toBe(false);

    await t.app.ctx.jobs.runDue();
    const mails = smtp.messages.filter((m) => m.subject?.includes(item.registrationNumber));
    expect(mails).toHaveLength(2);
    // The manual one answers the writer's message (stored after registration here).
    const mail = mails.find((m) => m.inReplyTo);
    expect(mail).toBeDefined();
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toContain('armelle.tein@example.nc');
    expect(mail?.text).toContain('reçue le 23 septembre 2026');
    expect(mail?.text).toContain('Secrétariat du cabinet de la Maire');
    expect(mail?.inReplyTo).toBe('<demande-123@example.nc>');
    expect(mail?.text).toContain('23 novembre 2026');
    expect(mail?.html).toContain('<strong>23 novembre 2026</strong>');
    const attachment = mail?.attachments[0];
    expect(attachment?.filename).toBe(`accuse-reception-${item.registrationNumber}.pdf`);
    expect(oneLine(extractPdfText(attachment?.content as Buffer))).toContain('reçue le 23 septembre 2026');

    // The item's acknowledgements tell where the email stands.
    const again = await api('secretariat').post(`/api/v1/correspondence/${item.id}/acknowledgement/send`, {
      channel: 'letter',
    });
    expect(again.json()).toMatchObject({ emailStatus: null });
    const list = await api('advisor').get(`/api/v1/correspondence/${item.id}/acknowledgements?limit=1`);
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toMatchObject([{ channel: 'letter', emailStatus: null }]);
    const next = await api('advisor').get(
      `/api/v1/correspondence/${item.id}/acknowledgements?limit=1&cursor=${list.json().nextCursor}`,
    );
    expect(next.json()).toMatchObject({ data: [{ id: ack.id, channel: 'email', emailStatus: 'done' }] });
    const last = await api('advisor').get(
      `/api/v1/correspondence/${item.id}/acknowledgements?limit=1&cursor=${next.json().nextCursor}`,
    );
    expect(last.json()).toMatchObject({
      data: [{ channel: 'email', automatic: true, emailStatus: 'done' }],
      nextCursor: null,
    });
    expect(next.json().data[0].policies).toEqual({ send: true });
  });

  it('records a printed letter handed over, with no email', async () => {
    const item = await register({
      channel: 'postal',
      sender: { name: 'M. Paul Wéa', address: 'BP 12, 98809 Le Mont-Dore' },
    });
    const jobs = await countRows(t.app, 'jobs');
    const res = await api('secretariat').post(`/api/v1/correspondence/${item.id}/acknowledgement/send`, {
      channel: 'letter',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'letter', recipient: null, emailJobId: null });
    expect(await countRows(t.app, 'jobs')).toBe(jobs);
    // A phone call is acknowledged by letter unless told otherwise.
    const call = await register({ channel: 'phone', sender: { name: 'M. Paul Wéa', email: 'paul.wea@example.nc' } });
    const byDefault = await api('secretariat').post(`/api/v1/correspondence/${call.id}/acknowledgement/send`, {});
    expect(byDefault.json()).toMatchObject({ channel: 'letter', emailJobId: null });
    expect(await countRows(t.app, 'jobs')).toBe(jobs);
  });

  it.runIf(hasLibreOffice)(
    'opens in LibreOffice as DOCX and as ODT',
    async () => {
      const item = await register();
      for (const format of ['docx', 'odt'] as const) {
        const res = await api('secretariat').get(`/api/v1/correspondence/${item.id}/acknowledgement?format=${format}`);
        const pdf = await convertWithLibreOffice(res.rawPayload, format);
        expect(pdf?.subarray(0, 5).toString(), format).toBe('%PDF-');
        const text = await pdfToText(pdf as Buffer);
        if (text !== null) {
          expect(oneLine(text), format).toContain(item.registrationNumber);
          expect(oneLine(text), format).toContain('23 novembre 2026');
        }
      }
    },
    120_000,
  );
});

describe('working-day deadlines at registration', () => {
  it('skip New Caledonia’s 24 September (Fête de la citoyenneté) for an item received the day before', async () => {
    // Received Wednesday 23 September: 10 working days run from Friday 25 (the 24th is a holiday).
    const item = await register({ typeId: types.demande });
    expect(item.dueDate).toBe('2026-10-08');
  });
});

describe('bad input writes nothing', () => {
  it('refuses an unknown format, an unknown field, and an email acknowledgement without an address', async () => {
    const item = await register({ sender: { name: 'M. Sans Courriel' } });
    expect(
      (await api('secretariat').get(`/api/v1/correspondence/${item.id}/acknowledgement?format=xls`)).statusCode,
    ).toBe(400);
    expect(
      (await api('secretariat').get(`/api/v1/correspondence/${item.id}/acknowledgements?cursor=zzz`)).statusCode,
    ).toBe(400);
    const acks = await countRows(t.app, 'correspondence_acknowledgements');
    const jobs = await countRows(t.app, 'jobs');
    const audits = await countRows(t.app, 'audit_log');
    const unknown = await api('secretariat').post(`/api/v1/correspondence/${item.id}/acknowledgement/send`, {
      canal: 'email',
    });
    expect(unknown.statusCode).toBe(400);
    const noAddress = await api('secretariat').post(`/api/v1/correspondence/${item.id}/acknowledgement/send`, {});
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.headers['content-type']).toContain('application/problem+json');
    expect(noAddress.json().errors[0].path).toBe('to');
    const badAddress = await api('secretariat').post(`/api/v1/correspondence/${item.id}/acknowledgement/send`, {
      to: 'x',
    });
    expect(badAddress.statusCode).toBe(400);
    expect(await countRows(t.app, 'correspondence_acknowledgements')).toBe(acks);
    expect(await countRows(t.app, 'jobs')).toBe(jobs);
    expect(await countRows(t.app, 'audit_log')).toBe(audits);
  });

  it('answers 409 for an outgoing item, which calls for no acknowledgement', async () => {
    const out = await api('secretariat').post('/api/v1/correspondence', {
      direction: 'out',
      channel: 'postal',
      subject: 'Réponse',
      sender: { name: 'Ville du Mont-Dore' },
    });
    expect(out.statusCode).toBe(201);
    const acks = await countRows(t.app, 'correspondence_acknowledgements');
    expect((await api('secretariat').get(`/api/v1/correspondence/${out.json().id}/acknowledgement`)).statusCode).toBe(
      409,
    );
    const sent = await api('secretariat').post(`/api/v1/correspondence/${out.json().id}/acknowledgement/send`, {
      channel: 'letter',
    });
    expect(sent.statusCode).toBe(409);
    expect(await countRows(t.app, 'correspondence_acknowledgements')).toBe(acks);
  });

  it('refuses to send by email when the organisation has no mail server (409, nothing written)', async () => {
    const theirs = await as(t.app, otherChief).post('/api/v1/correspondence', {
      direction: 'in',
      channel: 'email',
      subject: 'Demande',
      sender: { name: 'Jean Kasarhérou', email: 'jean@example.nc' },
    });
    const acks = await countRows(t.app, 'correspondence_acknowledgements');
    const res = await as(t.app, otherChief).post(`/api/v1/correspondence/${theirs.json().id}/acknowledgement/send`, {});
    expect(res.statusCode).toBe(409);
    expect(await countRows(t.app, 'correspondence_acknowledgements')).toBe(acks);
  });
});

describe('who may see and send', () => {
  it('answers 404 to those who may not see the item (group staff included) and 403 to the admin', async () => {
    const secret = await register({ confidentiality: 'confidential' }, 'chief_of_staff');
    const url = `/api/v1/correspondence/${secret.id}/acknowledgement`;
    expect((await api('chief_of_staff').get(url)).statusCode).toBe(200);
    for (const role of ['advisor', 'secretariat', 'cabinet_head', 'services', 'official'] as const) {
      expect((await api(role).get(url)).statusCode, role).toBe(404);
    }
    for (const [role, status] of [
      ['group_staff', 404],
      ['admin', 403],
    ] as const) {
      expect((await api(role).get(url)).statusCode, role).toBe(status);
      expect((await api(role).post(`${url}/send`, {})).statusCode, role).toBe(status);
    }
    expect((await api('advisor').post(`${url}/send`, {})).statusCode).toBe(404);
    expect((await api('advisor').get(`/api/v1/correspondence/${secret.id}/acknowledgements`)).statusCode).toBe(404);
    expect((await api('group_staff').get(`/api/v1/correspondence/${secret.id}/acknowledgements`)).statusCode).toBe(404);
    const normal = await register();
    expect(
      (await api('services').post(`/api/v1/correspondence/${normal.id}/acknowledgement/send`, {})).statusCode,
    ).toBe(403);
    expect(
      (await api('official').post(`/api/v1/correspondence/${normal.id}/acknowledgement/send`, {})).statusCode,
    ).toBe(403);
  });

  it('keeps items of another organisation out of reach (404)', async () => {
    const item = await register();
    expect((await as(t.app, otherChief).get(`/api/v1/correspondence/${item.id}/acknowledgement`)).statusCode).toBe(404);
    expect((await as(t.app, otherChief).get(`/api/v1/correspondence/${item.id}/acknowledgements`)).statusCode).toBe(
      404,
    );
    const acks = await countRows(t.app, 'correspondence_acknowledgements');
    expect(
      (
        await as(t.app, otherChief).post(`/api/v1/correspondence/${item.id}/acknowledgement/send`, {
          channel: 'letter',
        })
      ).statusCode,
    ).toBe(404);
    expect(await countRows(t.app, 'correspondence_acknowledgements')).toBe(acks);
  });
});

describe('templates', () => {
  it('creates the French default on first use, and lets a new default replace it', async () => {
    const list = await api('secretariat').get('/api/v1/correspondence/ack-templates');
    expect(list.statusCode).toBe(200);
    const first = list.json().data as {
      id: string;
      isDefault: boolean;
      bodyHtml: string;
      policies: Record<string, boolean>;
    }[];
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ isDefault: true, policies: { update: false } });
    expect(first[0]?.bodyHtml).toContain('{{implicitDecision.date}}');

    const created = await api('cabinet_head').post('/api/v1/correspondence/ack-templates', {
      name: 'Accusé court',
      subject: 'Votre demande {{item.number}}',
      bodyHtml:
        '<p>Reçue le {{item.receivedDate}}, suivie par {{service.name}}.</p>{{#implicitDecision}}<p>Silence : {{implicitDecision.outcome}} le {{implicitDecision.date}}.</p>{{/implicitDecision}}',
      isDefault: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().policies).toEqual({ update: true, delete: false });
    const after = (await api('chief_of_staff').get('/api/v1/correspondence/ack-templates')).json().data as {
      id: string;
      isDefault: boolean;
    }[];
    expect(after.filter((x) => x.isDefault).map((x) => x.id)).toEqual([created.json().id]);

    const item = await register();
    const text = await ackPdfText(item.id);
    expect(text).toContain(`Objet : Votre demande ${item.registrationNumber}`);
    expect(text).toContain('Silence : acceptation le 23 novembre 2026.');

    const patched = await api('chief_of_staff').patch(`/api/v1/correspondence/ack-templates/${created.json().id}`, {
      subject: 'Votre demande n° {{item.number}}',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().subject).toBe('Votre demande n° {{item.number}}');
    // The default stays until another one is named.
    const undefault = await api('chief_of_staff').patch(`/api/v1/correspondence/ack-templates/${created.json().id}`, {
      isDefault: false,
    });
    expect(undefault.statusCode).toBe(409);
    // Back to the French model for the other tests.
    await api('chief_of_staff').patch(`/api/v1/correspondence/ack-templates/${first[0]?.id}`, { isDefault: true });
  });

  it('refuses unknown merge fields, a taken name and empty changes, writing nothing', async () => {
    const before = await countRows(t.app, 'correspondence_ack_templates');
    const audits = await countRows(t.app, 'audit_log');
    const unknown = await api('chief_of_staff').post('/api/v1/correspondence/ack-templates', {
      name: 'Mauvais',
      subject: 'Objet {{item.numero}}',
      bodyHtml: '<p>{{expediteur.nom}}</p>{{#silence}}x{{/silence}}',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { path: string }) => e.path)).toEqual(['subject', 'bodyHtml']);
    expect(unknown.json().errors[1].message).toContain('{{expediteur.nom}}');
    const missing = await api('chief_of_staff').post('/api/v1/correspondence/ack-templates', { name: '', extra: true });
    expect(missing.statusCode).toBe(400);
    const taken = await api('chief_of_staff').post('/api/v1/correspondence/ack-templates', {
      name: 'ACCUSÉ DE RÉCEPTION (MODÈLE PAR DÉFAUT)',
      subject: 's',
      bodyHtml: '<p>b</p>',
    });
    expect(taken.statusCode).toBe(409);
    const [any] = (await api('chief_of_staff').get('/api/v1/correspondence/ack-templates')).json().data as {
      id: string;
    }[];
    expect((await api('chief_of_staff').patch(`/api/v1/correspondence/ack-templates/${any?.id}`, {})).statusCode).toBe(
      400,
    );
    expect(await countRows(t.app, 'correspondence_ack_templates')).toBe(before);
    expect(await countRows(t.app, 'audit_log')).toBe(audits);
  });

  it('lets only the heads of the cabinet and the admin change templates; other organisations get 404', async () => {
    const body = { name: 'Essai', subject: 's', bodyHtml: '<p>b</p>' };
    for (const role of ['secretariat', 'advisor', 'communication', 'services', 'official', 'group_staff'] as const) {
      expect((await api(role).post('/api/v1/correspondence/ack-templates', body)).statusCode, role).toBe(403);
    }
    for (const role of ['services', 'official', 'group_staff'] as const) {
      expect((await api(role).get('/api/v1/correspondence/ack-templates')).statusCode, role).toBe(403);
    }
    const [mine] = (await api('admin').get('/api/v1/correspondence/ack-templates')).json().data as { id: string }[];
    const theirs = await as(t.app, otherChief).patch(`/api/v1/correspondence/ack-templates/${mine?.id}`, {
      subject: 'x',
    });
    expect(theirs.statusCode).toBe(404);
    const list = (await as(t.app, otherChief).get('/api/v1/correspondence/ack-templates')).json().data as {
      id: string;
    }[];
    expect(list.map((x) => x.id)).not.toContain(mine?.id);
  });

  it('pages the list with a cursor', async () => {
    for (const n of [1, 2]) {
      await api('chief_of_staff').post('/api/v1/correspondence/ack-templates', {
        name: `Page ${n}`,
        subject: 's',
        bodyHtml: '<p>b</p>',
      });
    }
    const first = (await api('chief_of_staff').get('/api/v1/correspondence/ack-templates?limit=2')).json();
    expect(first.data).toHaveLength(2);
    const second = (
      await api('chief_of_staff').get(`/api/v1/correspondence/ack-templates?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.data.length).toBeGreaterThan(0);
    expect(second.data[0].id > first.data[1].id).toBe(true);
    expect((await api('chief_of_staff').get('/api/v1/correspondence/ack-templates?cursor=zzz')).statusCode).toBe(400);
  });
});

describe('letterhead', () => {
  it('is read by the cabinet, changed by its heads, and refuses bad input without writing', async () => {
    const res = await api('secretariat').get('/api/v1/correspondence/letterhead');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      place: 'Le Mont-Dore',
      appealCourt: 'le tribunal administratif de Nouméa',
      policies: { update: false },
    });
    expect((await api('secretariat').put('/api/v1/correspondence/letterhead', LETTERHEAD)).statusCode).toBe(403);
    expect((await api('group_staff').get('/api/v1/correspondence/letterhead')).statusCode).toBe(403);
    const audits = await countRows(t.app, 'audit_log');
    const bad = await api('chief_of_staff').put('/api/v1/correspondence/letterhead', {
      ...LETTERHEAD,
      email: 'x',
      place: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['email', 'place']);
    expect(await countRows(t.app, 'audit_log')).toBe(audits);
    // Another organisation has its own, made of its name until filled in.
    const theirs = (await as(t.app, otherChief).get('/api/v1/correspondence/letterhead')).json();
    expect(theirs.organisationName).toMatch(/^Commune test/);
  });
});
