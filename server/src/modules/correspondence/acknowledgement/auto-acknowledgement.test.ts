import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../../test/test-app';
import { queryRows } from '../../../platform/db/client';
import { type SmtpPeer, startSmtpPeer } from '../../../platform/mailer/smtp-test-peer';
import { createItemTypes } from '../commands/create-item-types';
import { postForm } from '../inbound/test-support';

const HTML_ONLY = readFileSync(new URL('../inbound/fixtures/html-only.eml', import.meta.url));

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let smtp: SmtpPeer;
let types: Record<string, string>;
let secretariat: string;
let chief: string;
let otherChief: string;
const FORMATS = { incomingFormat: '{year}-A-{seq:6}', outgoingFormat: '{year}-D-{seq:6}' };

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp();
  org = await createTestOrg(t.app, ['secretariat', 'chief_of_staff', 'advisor']);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  secretariat = await signIn(t.app, org.users.secretariat);
  chief = await signIn(t.app, org.users.chief_of_staff);
  otherChief = await signIn(t.app, other.users.chief_of_staff);
  types = Object.fromEntries((await createItemTypes(t.app.ctx.db, org.orgId)).map((x) => [x.code, x.id]));
  const mail = await as(t.app, chief).put('/api/v1/settings/mail', {
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    fromAddress: 'cabinet@mont-dore.example',
    fromName: 'Cabinet de la Maire',
  });
  expect(mail.statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function register(over: Record<string, unknown> = {}) {
  const res = await as(t.app, secretariat).post('/api/v1/correspondence', {
    direction: 'in',
    channel: 'email',
    typeId: types.demande,
    subject: 'Éclairage public rue des Cocotiers',
    body: 'Le lampadaire devant le numéro 12 est éteint depuis une semaine.',
    sender: { name: 'Mme Armelle Tein', email: 'armelle.tein@example.nc' },
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; registrationNumber: string };
}

/** The acknowledgement mail jobs of an item (keyed by the item: one at most). */
async function ackJobs(itemId: string) {
  return queryRows<{ id: string; payload: { to: string; subject: string; inReplyTo?: string } }>(
    t.app.ctx.db,
    sql`select id, payload from jobs where kind = 'mail.send' and idempotency_key = ${`correspondence.acknowledgement:${itemId}`}`,
  );
}

async function acks(itemId: string) {
  return queryRows<{ channel: string; recipient: string | null; automatic: boolean; email_job_id: string | null }>(
    t.app.ctx.db,
    sql`select channel, recipient, automatic, email_job_id from correspondence_acknowledgements where item_id = ${itemId}`,
  );
}

describe('automatic acknowledgement at registration (CRPA L.112-11)', () => {
  it('queues exactly one acknowledgement mail for an email request, recorded and audited, sent once by the runner', async () => {
    const item = await register();
    const jobs = await ackJobs(item.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload.to).toBe('armelle.tein@example.nc');
    expect(await acks(item.id)).toEqual([
      { channel: 'email', recipient: 'armelle.tein@example.nc', automatic: true, email_job_id: jobs[0]?.id },
    ]);
    const audits = await queryRows<{ summary: { after: { automatic: boolean } } }>(
      t.app.ctx.db,
      sql`select summary from audit_log where record_id = ${item.id} and action = 'correspondence.acknowledge'`,
    );
    expect(audits.map((a) => a.summary.after.automatic)).toEqual([true]);
    // The item's acknowledgements say it was automatic, and where the email stands.
    const list = await as(t.app, secretariat).get(`/api/v1/correspondence/${item.id}/acknowledgements`);
    expect(list.json().data).toMatchObject([{ channel: 'email', automatic: true, emailStatus: 'pending' }]);

    await t.app.ctx.jobs.runDue();
    await t.app.ctx.jobs.runDue();
    const mails = smtp.messages.filter((m) => m.subject?.includes(item.registrationNumber));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.attachments[0]?.filename).toBe(`accuse-reception-${item.registrationNumber}.pdf`);
    expect(mails[0]?.text).toContain(item.registrationNumber);
    expect(mails[0]?.to && 'text' in mails[0].to ? mails[0].to.text : '').toContain('armelle.tein@example.nc');
  });

  it('sends none for a postal letter, a phone call, a type that calls for none, or a writer without address', async () => {
    const postal = await register({ channel: 'postal' });
    const phone = await register({ channel: 'phone' });
    const plain = await register({ typeId: types.courrier });
    const untyped = await register({ typeId: undefined });
    const noAddress = await register({ sender: { name: 'M. Paul Wéa' } });
    for (const item of [postal, phone, plain, untyped, noAddress]) {
      expect(await ackJobs(item.id), item.registrationNumber).toHaveLength(0);
      expect(await acks(item.id), item.registrationNumber).toHaveLength(0);
    }
    // A social message whose writer gave an address is a digital request too.
    const social = await register({ channel: 'social' });
    expect(await ackJobs(social.id)).toHaveLength(1);
  });

  it('sends none when the organisation turns it off, and again once it is back on', async () => {
    const settings = await as(t.app, chief).get('/api/v1/correspondence/settings');
    expect(settings.json()).toMatchObject({ autoAcknowledge: true });
    const off = await as(t.app, chief).put('/api/v1/correspondence/settings', { ...FORMATS, autoAcknowledge: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().autoAcknowledge).toBe(false);
    // A PUT of the formats alone keeps the choice.
    const formatsOnly = await as(t.app, chief).put('/api/v1/correspondence/settings', FORMATS);
    expect(formatsOnly.json().autoAcknowledge).toBe(false);
    const item = await register();
    expect(await ackJobs(item.id)).toHaveLength(0);
    expect(await acks(item.id)).toHaveLength(0);
    // The other organisation keeps its own default.
    expect((await as(t.app, otherChief).get('/api/v1/correspondence/settings')).json().autoAcknowledge).toBe(true);

    await as(t.app, chief).put('/api/v1/correspondence/settings', { ...FORMATS, autoAcknowledge: true });
    const again = await register();
    expect(await ackJobs(again.id)).toHaveLength(1);
  });

  it('refuses a setting that is not a boolean, writing nothing; only the settings managers may change it', async () => {
    const bad = await as(t.app, chief).put('/api/v1/correspondence/settings', { ...FORMATS, autoAcknowledge: 'non' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['autoAcknowledge']);
    const advisor = await signIn(t.app, org.users.advisor);
    const denied = await as(t.app, advisor).put('/api/v1/correspondence/settings', {
      ...FORMATS,
      autoAcknowledge: false,
    });
    expect(denied.statusCode).toBe(403);
    expect((await as(t.app, chief).get('/api/v1/correspondence/settings')).json().autoAcknowledge).toBe(true);
  });

  it('acknowledges an .eml once, in the writer’s thread, however many times the message is uploaded', async () => {
    const upload = () =>
      postForm(t.app, secretariat, '/api/v1/correspondence/eml', { typeId: types.reclamation as string }, [
        { name: 'message.eml', content: HTML_ONLY, type: 'message/rfc822' },
      ]);
    const first = await upload();
    expect(first.statusCode, first.body).toBe(201);
    const second = await upload();
    expect(second.statusCode).toBe(200);
    expect(second.json().duplicate).toBe(true);
    const itemId = first.json().itemId as string;
    const jobs = await ackJobs(itemId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload.inReplyTo).toBe('<CAH7-html-only-0042@mail.example.com>');
    expect(await acks(itemId)).toHaveLength(1);

    await t.app.ctx.jobs.runDue();
    const mails = smtp.messages.filter((m) => m.subject?.includes(first.json().registrationNumber));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.inReplyTo).toBe('<CAH7-html-only-0042@mail.example.com>');
    expect(mails[0]?.references).toContain('<CAH7-html-only-0042@mail.example.com>');
  });

  it('acknowledges a request from the public web form once its type is chosen in the form’s settings', async () => {
    const [{ slug } = { slug: '' }] = await queryRows<{ slug: string }>(
      t.app.ctx.db,
      sql`select slug from organisations where id = ${org.orgId}`,
    );
    const submit = (subject: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/public/requests/${slug}`,
        remoteAddress: '198.51.100.77',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({
          name: 'Yvette Wamytan',
          email: 'yvette.wamytan@example.nc',
          subject,
          message: 'Bonjour, je souhaite réserver la salle polyvalente de Boulari pour une fête de quartier.',
          consent: true,
        }),
      });
    const itemOf = async (subject: string) =>
      (
        await queryRows<{ id: string }>(
          t.app.ctx.db,
          sql`select id from correspondence_items where subject = ${subject}`,
        )
      )[0]?.id ?? '';
    // Without a type, the form's request calls for nothing the software can tell.
    expect((await submit('Salle polyvalente, sans type')).statusCode).toBe(202);
    expect(await ackJobs(await itemOf('Salle polyvalente, sans type'))).toHaveLength(0);

    const set = await as(t.app, chief).put('/api/v1/correspondence/public-form', {
      allowedOrigins: [],
      typeId: types.demande,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await submit('Salle polyvalente, typée')).statusCode).toBe(202);
    const jobs = await ackJobs(await itemOf('Salle polyvalente, typée'));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload.to).toBe('yvette.wamytan@example.nc');
  });
});
