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
import { queryRows } from '../db/client';
import { jobs } from '../jobs/jobs.schema';
import { enqueueMail } from './mail-job';
import { sendMail } from './send-mail';
import { type SmtpPeer, startSmtpPeer } from './smtp-test-peer';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let smtp: SmtpPeer;
const cookies = {} as Record<TRole, string>;
let otherChief: string;
const api = (role: TRole) => as(t.app, cookies[role]);

const settings = (over: Record<string, unknown> = {}) => ({
  host: '127.0.0.1',
  port: smtp.port,
  security: 'none',
  user: 'cabinet',
  password: 'mot-de-passe-secret',
  fromAddress: 'cabinet@mont-dore.example',
  fromName: 'Cabinet du maire',
  replyTo: 'secretariat@mont-dore.example',
  ...over,
});

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherChief = await signIn(t.app, other.users.chief_of_staff);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('mail settings', () => {
  it('says nothing is configured, then keeps the settings without ever returning the password', async () => {
    const empty = await api('admin').get('/api/v1/settings/mail');
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ configured: false, passwordSet: false, host: null });

    const put = await api('chief_of_staff').put('/api/v1/settings/mail', settings());
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ configured: true, host: '127.0.0.1', user: 'cabinet', passwordSet: true });
    expect(put.body).not.toContain('mot-de-passe-secret');

    const [row] = await queryRows<{ password_encrypted: string }>(
      t.app.ctx.db,
      sql`select password_encrypted from mail_settings where org_id = ${org.orgId}`,
    );
    expect(row?.password_encrypted).toMatch(/^v1\./);
    expect(row?.password_encrypted).not.toContain('mot-de-passe');
    const audit = await queryRows<{ summary: string }>(
      t.app.ctx.db,
      sql`select summary::text as summary from audit_log where action = 'mail.settings.update' and org_id = ${org.orgId}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.summary).not.toContain('mot-de-passe');

    // Without a password field the stored one stays; another organisation sees none of it.
    const kept = await api('admin').put('/api/v1/settings/mail', {
      ...settings(),
      password: undefined,
      fromName: 'Cabinet',
    });
    expect(kept.json()).toMatchObject({ passwordSet: true, fromName: 'Cabinet' });
    const theirs = await as(t.app, otherChief).get('/api/v1/settings/mail');
    expect(theirs.json()).toMatchObject({ configured: false });
  });

  it('refuses bad settings with the fields named, writing nothing', async () => {
    const before = await countRows(t.app, 'mail_settings');
    const audits = await countRows(t.app, 'audit_log');
    const res = await as(t.app, otherChief).put('/api/v1/settings/mail', {
      ...settings(),
      host: 'smtp://x y',
      port: 70000,
      fromAddress: 'pas une adresse',
      extra: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['host', 'port', 'fromAddress']));
    expect(await countRows(t.app, 'mail_settings')).toBe(before);
    expect(await countRows(t.app, 'audit_log')).toBe(audits);
  });

  it('is for the admin and the director of cabinet only', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin' && r !== 'chief_of_staff')) {
      expect((await api(role).get('/api/v1/settings/mail')).statusCode, role).toBe(403);
      expect((await api(role).put('/api/v1/settings/mail', settings())).statusCode, role).toBe(403);
      expect((await api(role).post('/api/v1/settings/mail/test')).statusCode, role).toBe(403);
    }
  });

  it('sends a test message to the caller through the server, signed in with the stored password', async () => {
    const res = await api('admin').post('/api/v1/settings/mail/test');
    expect(res.statusCode).toBe(200);
    expect(res.json().sentTo).toBe(org.users.admin.email);
    const mail = smtp.messages.at(-1);
    expect(mail?.subject).toBe('Dircab : courriel d’essai');
    expect(mail?.from?.value[0]).toMatchObject({ address: 'cabinet@mont-dore.example', name: 'Cabinet' });
    expect(mail?.replyTo?.text).toContain('secretariat@mont-dore.example');
    expect(smtp.logins.at(-1)).toEqual({ username: 'cabinet', password: 'mot-de-passe-secret' });
  });

  it('answers 409 when nothing is configured, and 502 with the reason when the server does not answer', async () => {
    expect((await as(t.app, otherChief).post('/api/v1/settings/mail/test')).statusCode).toBe(409);
    await as(t.app, otherChief).put('/api/v1/settings/mail', settings({ port: 1, user: null, password: null }));
    const res = await as(t.app, otherChief).post('/api/v1/settings/mail/test');
    expect(res.statusCode).toBe(502);
    expect(res.json().detail).toMatch(/Le serveur d’envoi/);
  });
});

describe('sendMail and the mail.send job', () => {
  it('sends text, html and an attachment', async () => {
    const pdf = Buffer.from('%PDF-1.4 essai');
    const { messageId } = await sendMail(t.app.ctx.db, org.orgId, {
      to: 'helene.wea@example.nc',
      cc: ['copie@example.nc'],
      subject: 'Accusé de réception « éclairage »',
      text: 'Madame, nous avons bien reçu votre demande.',
      html: '<p>Madame, nous avons bien reçu votre demande.</p>',
      attachments: [{ filename: 'accuse.pdf', content: pdf, contentType: 'application/pdf' }],
      inReplyTo: '<original@example.nc>',
    });
    const mail = smtp.messages.find(
      (m) => m.messageId === messageId.replace(/^<|>$/g, '') || m.messageId === messageId,
    );
    expect(mail).toBeDefined();
    expect(mail?.subject).toBe('Accusé de réception « éclairage »');
    expect(mail?.text).toContain('nous avons bien reçu');
    expect(mail?.html).toContain('<p>Madame');
    expect(mail?.inReplyTo).toBe('<original@example.nc>');
    expect(mail?.attachments[0]).toMatchObject({ filename: 'accuse.pdf', contentType: 'application/pdf' });
    expect(mail?.attachments[0]?.content.equals(pdf)).toBe(true);
  });

  it('throws a clear error when the organisation has no mail server', async () => {
    const bare = await createTestOrg(t.app, ['admin']);
    await expect(sendMail(t.app.ctx.db, bare.orgId, { to: 'a@example.nc', subject: 's', text: 't' })).rejects.toThrow(
      /Aucun serveur d’envoi/,
    );
  });

  it('keeps a job for an organisation without a mail server pending, with the reason, for a later attempt', async () => {
    const bare = await createTestOrg(t.app, ['admin']);
    const jobId = await t.app.ctx.db.transaction((tx) =>
      enqueueMail(tx, bare.orgId, { to: 'a@example.nc', subject: 'Sans serveur', text: 't' }),
    );
    await t.app.ctx.jobs.runDue();
    const [job] = await t.app.ctx.db.select().from(jobs).where(sql`${jobs.id} = ${jobId}`);
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job?.lastError).toMatch(/Aucun serveur d’envoi/);
  });

  it('sends an enqueued message when the runner runs it, with a Message-ID stable across attempts', async () => {
    const jobId = await t.app.ctx.db.transaction((tx) =>
      enqueueMail(tx, org.orgId, {
        to: 'jean.dupont@example.nc',
        subject: 'Par la file',
        text: 'Bonjour',
        attachments: [{ filename: 'a.txt', content: Buffer.from('pièce jointe'), contentType: 'text/plain' }],
      }),
    );
    expect(jobId).toBeTruthy();
    await t.app.ctx.jobs.runDue();
    const [job] = await t.app.ctx.db.select().from(jobs).where(sql`${jobs.id} = ${jobId}`);
    expect(job?.status).toBe('done');
    const mail = smtp.messages.find((m) => m.subject === 'Par la file');
    expect(mail?.messageId).toBe(`<job-${jobId}@mont-dore.example>`);
    expect(mail?.attachments[0]?.content.toString()).toBe('pièce jointe');
  });
});
