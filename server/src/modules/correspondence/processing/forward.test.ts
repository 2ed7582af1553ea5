import { readFileSync } from 'node:fs';
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
import { postForm } from '../inbound/test-support';

const HTML_ONLY = readFileSync(new URL('../inbound/fixtures/html-only.eml', import.meta.url));

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let smtp: SmtpPeer;
let haussariat: string;
const cookies = {} as Record<TRole, string>;
let otherChief: string;
const api = (role: TRole) => as(t.app, cookies[role]);
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherChief = await signIn(t.app, other.users.chief_of_staff);
  const mail = await api('chief_of_staff').put('/api/v1/settings/mail', {
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    fromAddress: 'cabinet@mont-dore.example',
    fromName: 'Cabinet de la Maire',
  });
  expect(mail.statusCode).toBe(200);
  const contact = await api('secretariat').post('/api/v1/contacts', {
    kind: 'organisation',
    name: 'Haut-commissariat de la République',
    emails: [{ email: 'courrier@nouvelle-caledonie.gouv.example' }],
    addresses: [{ line1: '1 avenue du Maréchal Foch', postcode: '98800', city: 'Nouméa' }],
  });
  expect(contact.statusCode, contact.body).toBe(201);
  haussariat = contact.json().id;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function postal(over: Record<string, unknown> = {}) {
  const res = await api('secretariat').post('/api/v1/correspondence', {
    direction: 'in',
    channel: 'postal',
    subject: 'Titre de séjour de mon épouse',
    body: 'Je sollicite votre aide pour le renouvellement du titre de séjour de mon épouse.',
    sender: { name: 'M. Paul Wéa', address: '4 rue Jules Garnier\n98809 Le Mont-Dore' },
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; registrationNumber: string };
}

async function lettersOf(itemId: string) {
  return queryRows<{
    id: string;
    registration_number: string;
    channel: string;
    status: string;
    sender_name: string;
    sender_email: string | null;
    sender_contact_id: string | null;
  }>(
    t.app.ctx.db,
    sql`select id, registration_number, channel, status, sender_name, sender_email, sender_contact_id
        from correspondence_items where in_reply_to_id = ${itemId} and direction = 'out' order by sequence`,
  );
}

async function letterText(itemId: string, to: 'writer' | 'authority', role: TRole = 'secretariat') {
  const res = await api(role).get(`/api/v1/correspondence/${itemId}/forward/letter?to=${to}&format=pdf`);
  expect(res.statusCode, res.body).toBe(200);
  return oneLine(extractPdfText(res.rawPayload));
}

describe('forwarding to the competent authority (CRPA L.114-2)', () => {
  it('registers and emails the cover letter (with the request) and the writer’s letter (in their thread)', async () => {
    const uploaded = await postForm(t.app, cookies.secretariat, '/api/v1/correspondence/eml', {}, [
      { name: 'message.eml', content: HTML_ONLY, type: 'message/rfc822' },
    ]);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const itemId = uploaded.json().itemId as string;
    const number = uploaded.json().registrationNumber as string;
    const res = await api('secretariat').post(`/api/v1/correspondence/${itemId}/forward`, {
      authority: 'Haut-commissariat de la République en Nouvelle-Calédonie',
      authorityContactId: haussariat,
      comment: 'Les horaires de chantier sur la route territoriale relèvent de vos services.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('forwarded');

    // Two D-numbered letters answer the item: to the authority first, then to the writer.
    const [toAuthority, toWriter] = await lettersOf(itemId);
    expect(toAuthority).toMatchObject({
      channel: 'email',
      status: 'sent',
      sender_name: 'Haut-commissariat de la République en Nouvelle-Calédonie',
      sender_email: 'courrier@nouvelle-caledonie.gouv.example',
      sender_contact_id: haussariat,
    });
    expect(toAuthority?.registration_number).toMatch(/^\d{4}-D-\d{6}$/);
    expect(toWriter).toMatchObject({ channel: 'email', status: 'sent', sender_email: 'jl.poedi@example.com' });

    const writerLetter = await letterText(itemId, 'writer');
    expect(writerLetter).toContain('Transmission de votre demande à l’autorité compétente');
    expect(writerLetter).toContain(`enregistré sous le numéro ${number}`);
    // (the PDF's text breaks lines after a hyphen)
    expect(writerLetter).toContain('commissariat de la République en Nouvelle-Calédonie');
    expect(writerLetter).toContain('L.114-2');
    expect(writerLetter).toContain('L.114-3');
    expect(writerLetter).toContain(`Nos réf. : ${toWriter?.registration_number}`);
    const authorityLetter = await letterText(itemId, 'authority');
    expect(authorityLetter).toContain('qui relève de votre compétence');
    expect(authorityLetter).toContain('1 avenue du Maréchal Foch');
    expect(authorityLetter).toContain('relèvent de vos services');
    expect(authorityLetter).toContain('5 heures rue des Cagous');

    const [audit] = await queryRows<{ summary: Record<string, unknown> }>(
      t.app.ctx.db,
      sql`select summary from audit_log where record_id = ${itemId} and action = 'correspondence.forward'`,
    );
    expect(audit?.summary).toMatchObject({
      authority: 'Haut-commissariat de la République en Nouvelle-Calédonie',
      authorityEmail: 'courrier@nouvelle-caledonie.gouv.example',
      legalBasis: 'CRPA L.114-2',
      writerLetter: { registrationNumber: toWriter?.registration_number, method: 'email' },
    });

    await t.app.ctx.jobs.runDue();
    const toAuthorityMail = smtp.messages.find(
      (m) => m.to && 'text' in m.to && m.to.text.includes('courrier@nouvelle-caledonie.gouv.example'),
    );
    expect(toAuthorityMail?.subject).toBe(`Transmission d’une demande relevant de votre compétence (${number})`);
    expect(toAuthorityMail?.attachments[0]?.filename).toBe(`${toAuthority?.registration_number}.pdf`);
    // The writer's own message travels with it (mail readers show a message/rfc822 part inline).
    const [job] = await queryRows<{ files: string[] }>(
      t.app.ctx.db,
      sql`select array(select a->>'filename' from jsonb_array_elements(payload->'attachments') a) as files
          from jobs where idempotency_key = ${`correspondence.forward:${toAuthority?.id}`}`,
    );
    expect(job?.files).toEqual([`${toAuthority?.registration_number}.pdf`, 'message-original.eml']);
    const toWriterMail = smtp.messages.find(
      (m) => m.to && 'text' in m.to && m.to.text.includes('jl.poedi@example.com'),
    );
    expect(toWriterMail?.subject).toBe('RE : Nuisances sonores à Robinson');
    expect(toWriterMail?.inReplyTo).toBe('<CAH7-html-only-0042@mail.example.com>');
    expect(toWriterMail?.text).toContain('L.114-2');
    expect(toWriterMail?.attachments[0]?.filename).toBe(`${toWriter?.registration_number}.pdf`);

    // Forwarded is final: a second forward is refused, nothing written.
    const letters = await countRows(t.app, 'correspondence_forwards');
    const again = await api('secretariat').post(`/api/v1/correspondence/${itemId}/forward`, {
      authority: 'Province Sud',
    });
    expect(again.statusCode).toBe(409);
    expect(await countRows(t.app, 'correspondence_forwards')).toBe(letters);
  });

  it('keeps both letters on paper when no address is known: the authority’s address block, no email', async () => {
    const item = await postal();
    const jobs = await countRows(t.app, 'jobs');
    const res = await api('secretariat').post(`/api/v1/correspondence/${item.id}/forward`, {
      authority: 'Direction de la citoyenneté et de la légalité',
      authorityAddress: '12 rue de la République\n98800 Nouméa',
    });
    expect(res.statusCode, res.body).toBe(200);
    const letters = await lettersOf(item.id);
    expect(letters.map((l) => l.channel)).toEqual(['postal', 'postal']);
    expect(await countRows(t.app, 'jobs')).toBe(jobs);
    const authority = await letterText(item.id, 'authority');
    expect(authority).toContain('Direction de la citoyenneté et de la légalité');
    expect(authority).toContain('12 rue de la République');
    expect(authority).toContain('le courrier de M. Paul Wéa (4 rue Jules Garnier, 98809 Le Mont');
    const writer = await letterText(item.id, 'writer');
    expect(writer).toContain('M. Paul Wéa');
    expect(writer).toContain('98809 Le Mont-Dore');
    expect(writer).toContain('12 rue de la République, 98800 Nouméa');
  });

  it('prints each letter as DOCX and ODT with the letterhead, and they open in LibreOffice', async () => {
    const item = await postal({ subject: 'Permis de conduire' });
    await api('secretariat').post(`/api/v1/correspondence/${item.id}/forward`, { authority: 'Province Sud' });
    const docx = await api('advisor').get(`/api/v1/correspondence/${item.id}/forward/letter?to=writer&format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toMatch(/-D-\d{6}-transmission\.docx"$/);
    const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] as Uint8Array);
    expect(xml).toContain('Province Sud');
    const odt = await api('advisor').get(`/api/v1/correspondence/${item.id}/forward/letter?to=authority&format=odt`);
    expect(odt.headers['content-type']).toContain('opendocument.text');
    if (!hasLibreOffice) return;
    for (const [file, ext] of [
      [docx.rawPayload, 'docx'],
      [odt.rawPayload, 'odt'],
    ] as const) {
      const pdf = await convertWithLibreOffice(file, ext);
      expect(pdf?.subarray(0, 5).toString(), ext).toBe('%PDF-');
      const text = await pdfToText(pdf as Buffer);
      if (text !== null) expect(oneLine(text), ext).toContain('Province Sud');
    }
  }, 120_000);
});

describe('bad input writes nothing', () => {
  it('refuses an empty authority, a bad email, an unknown or foreign directory contact, and unknown fields', async () => {
    const item = await postal();
    const theirs = await as(t.app, otherChief).post('/api/v1/contacts', {
      kind: 'organisation',
      name: 'Leur préfecture',
    });
    const before = {
      items: await countRows(t.app, 'correspondence_items'),
      forwards: await countRows(t.app, 'correspondence_forwards'),
      audits: await countRows(t.app, 'audit_log'),
      jobs: await countRows(t.app, 'jobs'),
    };
    const url = `/api/v1/correspondence/${item.id}/forward`;
    const empty = await api('secretariat').post(url, { authority: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    expect(paths(empty)).toEqual(['authority']);
    expect(paths(await api('secretariat').post(url, { authority: 'Province Sud', authorityEmail: 'x' }))).toEqual([
      'authorityEmail',
    ]);
    for (const contactId of [theirs.json().id, '01900000-0000-7000-8000-000000000000']) {
      const res = await api('secretariat').post(url, { authority: 'Préfecture', authorityContactId: contactId });
      expect(res.statusCode).toBe(400);
      expect(paths(res)).toEqual(['authorityContactId']);
    }
    expect(paths(await api('secretariat').post(url, { authority: 'Province Sud', autorite: 'x' }))).toContain(
      'autorite',
    );
    expect((await api('secretariat').get(`/api/v1/correspondence/${item.id}/forward/letter?to=maire`)).statusCode).toBe(
      400,
    );
    expect(await countRows(t.app, 'correspondence_items')).toBe(before.items);
    expect(await countRows(t.app, 'correspondence_forwards')).toBe(before.forwards);
    expect(await countRows(t.app, 'audit_log')).toBe(before.audits);
    expect(await countRows(t.app, 'jobs')).toBe(before.jobs);
    // Not forwarded: no letter to print.
    expect(
      (await api('secretariat').get(`/api/v1/correspondence/${item.id}/forward/letter?to=writer`)).statusCode,
    ).toBe(404);
  });
});

describe('who may forward and print', () => {
  it('answers 404 to who may not see the item (group staff, another organisation, a confidential item’s outsiders)', async () => {
    const secret = await postal({ confidentiality: 'confidential', subject: 'Affaire sensible' });
    const forwards = await countRows(t.app, 'correspondence_forwards');
    for (const role of ['advisor', 'services', 'official', 'group_staff'] as const) {
      const res = await api(role).post(`/api/v1/correspondence/${secret.id}/forward`, { authority: 'Province Sud' });
      expect([403, 404], role).toContain(res.statusCode);
    }
    expect(
      (await as(t.app, otherChief).post(`/api/v1/correspondence/${secret.id}/forward`, { authority: 'Province Sud' }))
        .statusCode,
    ).toBe(404);
    expect(await countRows(t.app, 'correspondence_forwards')).toBe(forwards);

    const done = await postal();
    expect(
      (await api('secretariat').post(`/api/v1/correspondence/${done.id}/forward`, { authority: 'Province Sud' }))
        .statusCode,
    ).toBe(200);
    const letter = `/api/v1/correspondence/${done.id}/forward/letter?to=writer`;
    expect((await api('advisor').get(letter)).statusCode).toBe(200);
    expect((await api('group_staff').get(letter)).statusCode).toBe(404);
    expect((await as(t.app, otherChief).get(letter)).statusCode).toBe(404);
  });
});
