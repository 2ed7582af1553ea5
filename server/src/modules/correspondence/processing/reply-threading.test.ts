import { readFileSync } from 'node:fs';
import { ROLES, type TRole } from '@dircab/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../../test/test-app';
import { type SmtpPeer, startSmtpPeer } from '../../../platform/mailer/smtp-test-peer';
import { postForm } from '../inbound/test-support';
import { answerSubject } from './reply-subject';

const HTML_ONLY = readFileSync(new URL('../inbound/fixtures/html-only.eml', import.meta.url));

let t: TestApp;
let org: TestOrg;
let smtp: SmtpPeer;
let service: string;
const cookies = {} as Record<TRole, string>;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp();
  org = await createTestOrg(t.app);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  const created = await api('chief_of_staff').post('/api/v1/services', { name: 'Police municipale', topics: [] });
  expect(created.statusCode, created.body).toBe(201);
  service = created.json().id;
  expect(
    (await api('admin').patch(`/api/v1/members/${org.users.services.id}`, { serviceId: service })).statusCode,
  ).toBe(200);
  const mail = await api('chief_of_staff').put('/api/v1/settings/mail', {
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

/** Drafted by the service, visaed by the director of cabinet, signed by the mayor. */
async function signedReply(itemId: string, subject?: string) {
  const steps = [
    await api('secretariat').post(`/api/v1/correspondence/${itemId}/route`, {
      assignments: [{ serviceId: service, mode: 'action' }],
    }),
    await api('services').post(`/api/v1/correspondence/${itemId}/accept`),
    await api('services').put(`/api/v1/correspondence/${itemId}/reply`, {
      ...(subject ? { subject } : {}),
      bodyHtml: '<p>Le chantier ne démarrera plus avant 7 heures : un arrêté a été pris.</p>',
    }),
    await api('services').post(`/api/v1/correspondence/${itemId}/submit-review`, {
      reviewerIds: [org.users.chief_of_staff.id],
    }),
    await api('chief_of_staff').post(`/api/v1/correspondence/${itemId}/review`, { decision: 'approve' }),
    await api('executive').post(`/api/v1/correspondence/${itemId}/sign`, { decision: 'approve' }),
  ];
  for (const step of steps) expect(step.statusCode, step.body).toBe(200);
}

describe('a reply sent by email to an item that came by email', () => {
  it('answers in the writer’s thread: In-Reply-To and References carry their Message-ID, « RE : » once', async () => {
    const uploaded = await postForm(t.app, cookies.secretariat, '/api/v1/correspondence/eml', {}, [
      { name: 'message.eml', content: HTML_ONLY, type: 'message/rfc822' },
    ]);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const itemId = uploaded.json().itemId as string;
    // The draft's default subject is « Re : <the writer's subject> »: the email says it once.
    await signedReply(itemId);
    const sent = await api('services').post(`/api/v1/correspondence/${itemId}/send`, { method: 'email' });
    expect(sent.statusCode, sent.body).toBe(200);
    await t.app.ctx.jobs.runDue();
    const mail = smtp.messages.find((m) => m.to && 'text' in m.to && m.to.text.includes('jl.poedi@example.com'));
    expect(mail).toBeDefined();
    expect(mail?.inReplyTo).toBe('<CAH7-html-only-0042@mail.example.com>');
    expect(mail?.references).toBe('<CAH7-html-only-0042@mail.example.com>');
    expect(mail?.headers.get('references')).toBe('<CAH7-html-only-0042@mail.example.com>');
    expect(mail?.subject).toBe('RE : Nuisances sonores à Robinson');
  });

  it('keeps the draft’s subject, unthreaded, for an item typed in by the secretariat (no message to answer)', async () => {
    const typed = await api('secretariat').post('/api/v1/correspondence', {
      direction: 'in',
      channel: 'email',
      subject: 'Chiens errants à Yahoué',
      body: 'Des chiens errants effraient les enfants devant l’école.',
      sender: { name: 'Léa Martin', email: 'lea.martin@example.nc' },
    });
    expect(typed.statusCode, typed.body).toBe(201);
    await signedReply(typed.json().id, 'Votre signalement de chiens errants');
    const sent = await api('services').post(`/api/v1/correspondence/${typed.json().id}/send`, { method: 'email' });
    expect(sent.statusCode, sent.body).toBe(200);
    await t.app.ctx.jobs.runDue();
    const mail = smtp.messages.find((m) => m.to && 'text' in m.to && m.to.text.includes('lea.martin@example.nc'));
    expect(mail?.subject).toBe('Votre signalement de chiens errants');
    expect(mail?.inReplyTo).toBeUndefined();
  });
});

describe('the subject of an answer', () => {
  it('says « RE : » once whatever the prefixes stacked before, and leaves words that only look alike', () => {
    expect(answerSubject('Re : Nuisances sonores')).toBe('RE : Nuisances sonores');
    expect(answerSubject('RE: Re : TR: Fwd: Nuisances sonores')).toBe('RE : Nuisances sonores');
    expect(answerSubject('Travaux : rue des Cagous')).toBe('RE : Travaux : rue des Cagous');
    expect(answerSubject('Relance de ma demande')).toBe('RE : Relance de ma demande');
  });
});
