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
} from '../../../../test/test-app';
import { queryRows } from '../../../platform/db/client';
import { createItemTypes } from '../commands/create-item-types';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let types: Record<string, string>;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
/** A second services user, in the social service. */
let socialCookie: string;
let socialUserId: string;
const services = {} as Record<'voirie' | 'social' | 'culture', string>;
const api = (role: TRole) => as(t.app, cookies[role]);
const social = () => as(t.app, socialCookie);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'executive']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  types = Object.fromEntries((await createItemTypes(t.app.ctx.db, org.orgId)).map((x) => [x.code, x.id]));
  for (const [key, name, topics] of [
    ['voirie', 'Services techniques', ['voirie', 'éclairage']],
    ['social', 'Action sociale', ['social']],
    ['culture', 'Culture et sports', ['voirie-culture']],
  ] as const) {
    const res = await api('chief_of_staff').post('/api/v1/services', { name, topics: [...topics] });
    expect(res.statusCode, res.body).toBe(201);
    services[key] = res.json().id;
  }
  // The org's services user works in the technical services; another works in social action.
  const linked = await api('admin').patch(`/api/v1/members/${org.users.services.id}`, { serviceId: services.voirie });
  expect(linked.statusCode, linked.body).toBe(200);
  expect(linked.json().serviceId).toBe(services.voirie);
  const created = await api('admin').post('/api/v1/members', {
    name: 'Agent social',
    email: `social.${org.orgId.slice(0, 8)}@test.example`,
    role: 'services',
    serviceId: services.social,
    password: 'correct-horse-battery-staple',
  });
  expect(created.statusCode, created.body).toBe(201);
  socialUserId = created.json().userId;
  socialCookie = await signIn(t.app, { email: created.json().email, password: 'correct-horse-battery-staple' });
  // The official holds the "voirie" portfolio.
  const contact = await api('chief_of_staff').post('/api/v1/contacts', {
    kind: 'person',
    firstName: 'Léa',
    lastName: 'Adjointe',
  });
  const official = await api('chief_of_staff').post('/api/v1/officials', {
    contactId: contact.json().id,
    userId: org.users.official.id,
    portfolios: ['voirie'],
  });
  expect(official.statusCode, official.body).toBe(201);
});
afterAll(() => t.close());

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

let n = 0;
async function register(over: Record<string, unknown> = {}) {
  n += 1;
  const res = await api('secretariat').post('/api/v1/correspondence', {
    direction: 'in',
    channel: 'email',
    subject: `Lampadaire éteint rue ${n}`,
    body: 'Bonjour, le lampadaire est éteint depuis trois semaines.',
    sender: {
      name: 'Mme Armelle TEIN',
      email: 'armelle.tein@example.nc',
      address: '12 rue des Cocotiers, 98809 Mont-Dore',
    },
    topic: 'voirie',
    typeId: types.demande,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; registrationNumber: string; dueDate: string | null };
}

const lead = (serviceId: string) => ({ assignments: [{ serviceId, mode: 'action' }] });

async function auditActions(recordId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    t.app.ctx.db,
    sql`select action from audit_log where record_id = ${recordId} order by at, id`,
  );
  return rows.map((r) => r.action);
}

async function searchIds(cookie: string, q: string): Promise<string[]> {
  const res = await as(t.app, cookie).get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);
  expect(res.statusCode).toBe(200);
  return (res.json().groups as { kind: string; hits: { recordId: string }[] }[])
    .filter((g) => g.kind === 'mail')
    .flatMap((g) => g.hits.map((h) => h.recordId));
}

/** Takes an item from registration to signed, through the API. */
async function toSigned(id: string) {
  expect((await api('secretariat').post(`/api/v1/correspondence/${id}/route`, lead(services.voirie))).statusCode).toBe(
    200,
  );
  expect((await api('services').post(`/api/v1/correspondence/${id}/accept`)).statusCode).toBe(200);
  expect(
    (await api('services').put(`/api/v1/correspondence/${id}/reply`, { bodyHtml: '<p>Réponse</p>' })).statusCode,
  ).toBe(200);
  const submitted = await api('services').post(`/api/v1/correspondence/${id}/submit-review`, {
    reviewerIds: [org.users.chief_of_staff.id],
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  expect(
    (await api('chief_of_staff').post(`/api/v1/correspondence/${id}/review`, { decision: 'approve' })).statusCode,
  ).toBe(200);
}

describe('the whole circuit', () => {
  it('routes as suggested, accepts, drafts from a template, reviews in order with a return, signs, sends by e-mail and closes', async () => {
    const item = await register({ receivedAt: '2026-09-22T21:00:00Z', subject: 'Raccordement au tout-à-l’égout' });
    // Ten working days from Wednesday 23 September in Nouméa skip the 24th (Fête de la citoyenneté).
    expect(item.dueDate).toBe('2026-10-08');

    // The item's page carries the suggestion: the service of the topic, for action.
    const detail = (await api('secretariat').get(`/api/v1/correspondence/${item.id}`)).json();
    expect(detail.policies.route).toBe(true);
    expect(detail.suggestion.source).toBe('topic');
    expect(detail.suggestion.assignments).toEqual([
      { serviceId: services.voirie, userId: null, mode: 'action', label: 'Services techniques' },
    ]);
    expect(detail.suggestion.officials.map((o: { userId: string }) => o.userId)).toEqual([org.users.official.id]);

    // One click: the suggestion posted as it is.
    const routed = await api('secretariat').post(`/api/v1/correspondence/${item.id}/route`, {
      assignments: detail.suggestion.assignments.map((a: { serviceId: string; mode: string }) => ({
        serviceId: a.serviceId,
        mode: a.mode,
      })),
    });
    expect(routed.statusCode, routed.body).toBe(200);
    expect(routed.json()).toMatchObject({
      status: 'routed',
      leadServiceId: services.voirie,
      serviceIds: [services.voirie],
      dueDate: '2026-10-08',
      suggestion: null,
    });
    expect(routed.json().routings).toHaveLength(1);

    // The service sees it in its queue and takes it.
    const queue = (await api('services').get('/api/v1/correspondence?queue=my_service')).json();
    expect(queue.data.map((x: { id: string }) => x.id)).toContain(item.id);
    expect(queue.data.find((x: { id: string }) => x.id === item.id).policies.accept).toBe(true);
    const accepted = await api('services').post(`/api/v1/correspondence/${item.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('in_progress');

    // A template with merge fields.
    const template = await api('cabinet_head').post('/api/v1/correspondence/reply-templates', {
      name: 'Réponse travaux',
      subject: 'Votre courrier {{item.registrationNumber}}',
      bodyHtml:
        '<p>Madame, Monsieur {{sender.name}},</p><p>Votre courrier du {{item.receivedDate}} <script>alert(1)</script>a été transmis.</p>',
    });
    expect(template.statusCode, template.body).toBe(201);
    const drafted = await api('services').put(`/api/v1/correspondence/${item.id}/reply`, {
      templateId: template.json().id,
    });
    expect(drafted.statusCode, drafted.body).toBe(200);
    expect(drafted.json().status).toBe('reply_drafted');
    expect(drafted.json().reply).toMatchObject({
      subject: `Votre courrier ${item.registrationNumber}`,
      recipient: { name: 'Mme Armelle TEIN', email: 'armelle.tein@example.nc' },
    });
    expect(drafted.json().reply.bodyHtml).toContain('Madame, Monsieur Mme Armelle TEIN,');
    expect(drafted.json().reply.bodyHtml).toContain('23 septembre 2026');
    expect(drafted.json().reply.bodyHtml).not.toContain('script');

    // Two reviewers in order: the cabinet head, then the chief of staff.
    const submitted = await api('services').post(`/api/v1/correspondence/${item.id}/submit-review`, {
      reviewerIds: [org.users.cabinet_head.id, org.users.chief_of_staff.id],
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('in_review');
    // Not yet the chief of staff's turn.
    const early = await api('chief_of_staff').get(`/api/v1/correspondence/${item.id}`);
    expect(early.json().policies.review).toBe(false);
    expect(
      (await api('chief_of_staff').post(`/api/v1/correspondence/${item.id}/review`, { decision: 'approve' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await api('cabinet_head').get('/api/v1/correspondence?queue=to_review'))
        .json()
        .data.map((x: { id: string }) => x.id),
    ).toEqual([item.id]);

    // The cabinet head returns it with a comment: back to the drafter, the comment on the draft.
    const returned = await api('cabinet_head').post(`/api/v1/correspondence/${item.id}/review`, {
      decision: 'return',
      comment: 'Précisez le délai des travaux.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('reply_drafted');
    expect(returned.json().reply.returnComment).toBe('Précisez le délai des travaux.');

    await api('services').put(`/api/v1/correspondence/${item.id}/reply`, {
      bodyHtml: '<p>Les travaux auront lieu sous quinze jours.</p>',
    });
    await api('services').post(`/api/v1/correspondence/${item.id}/submit-review`, {
      reviewerIds: [org.users.cabinet_head.id, org.users.chief_of_staff.id],
    });
    expect(
      (await api('cabinet_head').post(`/api/v1/correspondence/${item.id}/review`, { decision: 'approve' })).json()
        .status,
    ).toBe('in_review');
    const reviewed = await api('chief_of_staff').post(`/api/v1/correspondence/${item.id}/review`, {
      decision: 'approve',
    });
    expect(reviewed.json().status).toBe('to_sign');
    expect(reviewed.json().reply.returnComment).toBeNull();
    expect(reviewed.json().reply.round).toBe(2);

    // The signature book of the mayor.
    const book = (await api('executive').get('/api/v1/correspondence/signature-book')).json();
    expect(book.data.map((x: { id: string }) => x.id)).toContain(item.id);
    expect((await api('executive').get('/api/v1/correspondence/queues')).json().to_sign).toBeGreaterThanOrEqual(1);
    const signed = await api('executive').post(`/api/v1/correspondence/${item.id}/sign`, { decision: 'approve' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'to_sign', policies: { sign: false, send: true } });
    expect(
      (await api('executive').get('/api/v1/correspondence/signature-book'))
        .json()
        .data.map((x: { id: string }) => x.id),
    ).not.toContain(item.id);

    // Sent by e-mail: an outgoing item in the D register, linked, and a mail job with the letter.
    const jobsBefore = await countRows(t.app, 'jobs');
    const sent = await api('services').post(`/api/v1/correspondence/${item.id}/send`, { method: 'email' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().status).toBe('sent');
    const outgoingId = sent.json().reply.outgoingItemId;
    expect(sent.json().reply.outgoingRegistrationNumber).toMatch(/^\d{4}-D-\d{6}$/);
    const outgoing = (await api('services').get(`/api/v1/correspondence/${outgoingId}`)).json();
    expect(outgoing).toMatchObject({ direction: 'out', inReplyToId: item.id, status: 'sent', channel: 'email' });
    expect(await countRows(t.app, 'jobs')).toBe(jobsBefore + 1);
    const [job] = await queryRows<{
      kind: string;
      payload: { to: string; attachments: { filename: string; contentBase64: string }[] };
    }>(t.app.ctx.db, sql`select kind, payload from jobs where kind = 'mail.send' order by created_at desc limit 1`);
    expect(job?.payload.to).toBe('armelle.tein@example.nc');
    expect(
      Buffer.from(job?.payload.attachments[0]?.contentBase64 ?? '', 'base64')
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');

    // The printable letter.
    const letter = await api('services').get(`/api/v1/correspondence/${item.id}/reply/letter?format=docx`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toContain('officedocument');

    const closed = await api('services').post(`/api/v1/correspondence/${item.id}/close`, {});
    expect(closed.json().status).toBe('closed');
    expect(await auditActions(item.id)).toEqual([
      'correspondence.register',
      'correspondence.route',
      'correspondence.accept',
      'correspondence.reply',
      'correspondence.submit_review',
      'correspondence.review',
      'correspondence.reply',
      'correspondence.submit_review',
      'correspondence.review',
      'correspondence.review',
      'correspondence.sign',
      'correspondence.send',
      'correspondence.close',
    ]);
  });

  it('outgoing letters that answer nothing register in the D sequence', async () => {
    const res = await api('secretariat').post('/api/v1/correspondence', {
      direction: 'out',
      channel: 'postal',
      subject: 'Invitation à la cérémonie du 24 septembre',
      sender: { name: 'Association des anciens combattants' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().registrationNumber).toMatch(/-D-/);
    expect(res.json().policies.route).toBe(false);
  });

  it('waits for information, resumes, forwards to another authority, closes without reply', async () => {
    const a = await register();
    await api('secretariat').post(`/api/v1/correspondence/${a.id}/route`, lead(services.voirie));
    const waiting = await api('services').post(`/api/v1/correspondence/${a.id}/wait`, { comment: 'Photo demandée.' });
    expect(waiting.json().status).toBe('waiting_info');
    expect((await api('services').post(`/api/v1/correspondence/${a.id}/accept`)).json().status).toBe('in_progress');
    const closed = await api('services').post(`/api/v1/correspondence/${a.id}/close`, {
      withoutReply: true,
      reason: 'Doublon d’une demande déjà traitée.',
    });
    expect(closed.json().status).toBe('closed_without_reply');

    const b = await register();
    const forwarded = await api('secretariat').post(`/api/v1/correspondence/${b.id}/forward`, {
      authority: 'Province Sud',
      comment: 'Route provinciale',
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect(forwarded.json().status).toBe('forwarded');
    const [audit] = await queryRows<{ summary: { authority: string; legalBasis: string } }>(
      t.app.ctx.db,
      sql`select summary from audit_log where record_id = ${b.id} and action = 'correspondence.forward'`,
    );
    expect(audit?.summary).toMatchObject({ authority: 'Province Sud', legalBasis: 'CRPA L.114-2' });
  });
});

describe('routing', () => {
  it('keeps the history on re-route; the first service keeps sight of the item, the lead changes', async () => {
    const item = await register();
    await api('secretariat').post(`/api/v1/correspondence/${item.id}/route`, {
      assignments: [
        { serviceId: services.voirie, mode: 'action' },
        { userId: org.users.advisor.id, mode: 'information' },
      ],
      comment: 'Urgent',
    });
    const rerouted = await api('cabinet_head').post(`/api/v1/correspondence/${item.id}/route`, {
      ...lead(services.social),
      comment: 'Relève de l’action sociale',
    });
    expect(rerouted.statusCode, rerouted.body).toBe(200);
    const body = rerouted.json();
    expect(body.leadServiceId).toBe(services.social);
    expect(body.serviceIds.sort()).toEqual([services.voirie, services.social].sort());
    expect(body.routings).toHaveLength(3);
    expect(body.routings.filter((r: { endedAt: string | null }) => r.endedAt === null)).toEqual([
      expect.objectContaining({
        serviceId: services.social,
        serviceName: 'Action sociale',
        mode: 'action',
        comment: 'Relève de l’action sociale',
      }),
    ]);
    const history = (await api('secretariat').get(`/api/v1/correspondence/${item.id}/routings`)).json();
    expect(history.data).toHaveLength(3);
    // The social service takes it now; the technical services still see it, without the action.
    expect((await social().get(`/api/v1/correspondence/${item.id}`)).json().policies.accept).toBe(true);
    const seen = await api('services').get(`/api/v1/correspondence/${item.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().policies.accept).toBe(false);
    expect((await api('services').post(`/api/v1/correspondence/${item.id}/accept`)).statusCode).toBe(403);
  });

  it('suggests from the writer’s earlier items when the topic names no service', async () => {
    const first = await register({
      topic: null,
      sender: { name: 'Comité de quartier de Plum', email: 'comite.plum@example.nc' },
    });
    await api('secretariat').post(`/api/v1/correspondence/${first.id}/route`, lead(services.culture));
    const second = await register({
      topic: 'fête',
      sender: { name: 'Comité de quartier de Plum', email: 'comite.plum@example.nc' },
    });
    const suggestion = (await api('secretariat').get(`/api/v1/correspondence/${second.id}/routing-suggestion`)).json();
    expect(suggestion).toMatchObject({
      source: 'sender_history',
      assignments: [{ serviceId: services.culture, mode: 'action', label: 'Culture et sports' }],
    });
    const untyped = await register({ topic: null, typeId: null, sender: { name: 'Inconnu total' } });
    expect(
      (await api('secretariat').get(`/api/v1/correspondence/${untyped.id}/routing-suggestion`)).json().source,
    ).toBe('none');
  });

  it('refuses bad routings with 400 and French paths, writing nothing', async () => {
    const item = await register();
    const before = await countRows(t.app, 'correspondence_routings');
    const cases: [unknown, string[]][] = [
      [{ assignments: [] }, ['assignments']],
      [{ assignments: [{ serviceId: services.voirie, mode: 'information' }] }, ['assignments']],
      [
        {
          assignments: [
            { serviceId: services.voirie, mode: 'action' },
            { serviceId: services.social, mode: 'action' },
          ],
        },
        ['assignments'],
      ],
      [{ assignments: [{ mode: 'action' }] }, ['assignments.0.serviceId']],
      [{ assignments: [{ serviceId: 'nope', mode: 'pilot' }] }, ['assignments.0.serviceId', 'assignments.0.mode']],
      [{ assignments: [{ userId: org.users.group_staff.id, mode: 'action' }] }, ['assignments.0.userId']],
      [{ assignments: [{ userId: other.users.chief_of_staff.id, mode: 'action' }] }, ['assignments.0.userId']],
    ];
    for (const [body, expected] of cases) {
      const res = await api('secretariat').post(`/api/v1/correspondence/${item.id}/route`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(paths(res)).toEqual(expect.arrayContaining(expected));
    }
    // Another organisation's service is unknown here.
    const foreign = (await as(t.app, otherCookie).post('/api/v1/services', { name: 'Service d’ailleurs' })).json();
    const res = await api('secretariat').post(`/api/v1/correspondence/${item.id}/route`, lead(foreign.id));
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/service/i);
    expect(await countRows(t.app, 'correspondence_routings')).toBe(before);
    expect((await api('secretariat').get(`/api/v1/correspondence/${item.id}`)).json().status).toBe('registered');
  });
});

describe('wrong status (409) and bad input', () => {
  it('answers 409 in French when the status does not allow the action, writing nothing', async () => {
    const item = await register();
    const audits = await countRows(t.app, 'audit_log');
    const tries: [TRole, string, unknown][] = [
      // Services do not see an item before it is routed (404): the cabinet tries instead.
      ['secretariat', 'accept', {}],
      ['secretariat', 'reply', { bodyHtml: '<p>x</p>' }],
      ['secretariat', 'submit-review', { reviewerIds: [org.users.chief_of_staff.id] }],
      ['chief_of_staff', 'review', { decision: 'approve' }],
      ['executive', 'sign', { decision: 'approve' }],
      ['secretariat', 'send', { method: 'post' }],
      ['secretariat', 'close', {}],
      ['secretariat', 'wait', { comment: 'x' }],
    ];
    for (const [role, path, body] of tries) {
      const res =
        path === 'reply'
          ? await api(role).put(`/api/v1/correspondence/${item.id}/reply`, body)
          : await api(role).post(`/api/v1/correspondence/${item.id}/${path}`, body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(409);
      expect(res.json().detail).toMatch(/Impossible de .* : le courrier est enregistré\./);
    }
    expect(await countRows(t.app, 'audit_log')).toBe(audits);
    await toSigned(item.id);
    const resign = await api('executive').post(`/api/v1/correspondence/${item.id}/sign`, { decision: 'approve' });
    expect(resign.statusCode).toBe(200);
    const twice = await api('executive').post(`/api/v1/correspondence/${item.id}/sign`, { decision: 'approve' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/déjà signée/);
    const reroute = await api('secretariat').post(`/api/v1/correspondence/${item.id}/route`, lead(services.social));
    expect(reroute.statusCode).toBe(409);
  });

  it('refuses bad bodies on every action with 400 problem+json, writing nothing', async () => {
    const item = await register();
    await api('secretariat').post(`/api/v1/correspondence/${item.id}/route`, lead(services.voirie));
    await api('services').post(`/api/v1/correspondence/${item.id}/accept`);
    const counts = async () => [
      await countRows(t.app, 'audit_log'),
      await countRows(t.app, 'correspondence_replies'),
      await countRows(t.app, 'correspondence_approvals'),
      await countRows(t.app, 'correspondence_reply_templates'),
    ];
    const before = await counts();
    const bad: [string, 'post' | 'put' | 'patch', string, unknown, string[]][] = [
      ['reply', 'put', `/api/v1/correspondence/${item.id}/reply`, { subject: 'x' }, ['bodyHtml']],
      [
        'reply',
        'put',
        `/api/v1/correspondence/${item.id}/reply`,
        { bodyHtml: '<p>x</p>', recipient: { name: '', email: 'pas' } },
        ['recipient.name', 'recipient.email'],
      ],
      ['reply template', 'put', `/api/v1/correspondence/${item.id}/reply`, { templateId: other.orgId }, ['templateId']],
      ['submit', 'post', `/api/v1/correspondence/${item.id}/submit-review`, { reviewerIds: [] }, ['reviewerIds']],
      ['review', 'post', `/api/v1/correspondence/${item.id}/review`, { decision: 'return' }, ['comment']],
      ['review', 'post', `/api/v1/correspondence/${item.id}/review`, { decision: 'maybe' }, ['decision']],
      ['sign', 'post', `/api/v1/correspondence/${item.id}/sign`, { decision: 'return', comment: '' }, ['comment']],
      ['send', 'post', `/api/v1/correspondence/${item.id}/send`, { method: 'pigeon' }, ['method']],
      ['close', 'post', `/api/v1/correspondence/${item.id}/close`, { withoutReply: true }, ['reason']],
      ['wait', 'post', `/api/v1/correspondence/${item.id}/wait`, {}, ['comment']],
      ['forward', 'post', `/api/v1/correspondence/${item.id}/forward`, { authority: '' }, ['authority']],
      ['accept', 'post', `/api/v1/correspondence/${item.id}/accept`, { now: true }, ['now']],
      ['batch', 'post', '/api/v1/correspondence/sign-batch', { ids: [], decision: 'approve' }, ['ids']],
      ['template', 'post', '/api/v1/correspondence/reply-templates', { name: '', subject: 's' }, ['name', 'bodyHtml']],
    ];
    for (const [label, method, url, body, expected] of bad) {
      const res = await (label === 'batch'
        ? api('executive')
        : label === 'template'
          ? api('secretariat')
          : api('services'))[method](url, body);
      expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(paths(res), label).toEqual(expect.arrayContaining(expected));
    }
    // A reviewer from another organisation, or group staff, is refused by field.
    await api('services').put(`/api/v1/correspondence/${item.id}/reply`, { bodyHtml: '<p>Réponse</p>' });
    const mid = await counts();
    for (const reviewer of [other.users.chief_of_staff.id, org.users.group_staff.id]) {
      const res = await api('services').post(`/api/v1/correspondence/${item.id}/submit-review`, {
        reviewerIds: [reviewer],
      });
      expect(res.statusCode).toBe(400);
      expect(paths(res)).toEqual(['reviewerIds.0']);
    }
    expect(await counts()).toEqual(mid);
    expect(mid[1]).toBe((before[1] ?? 0) + 1);
    expect((await api('services').get('/api/v1/correspondence/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('permissions and visibility', () => {
  it('a services user sees only what was routed to their service or to them; another service gets 404', async () => {
    const item = await register({ topic: 'éclairage' });
    expect((await api('services').get(`/api/v1/correspondence/${item.id}`)).statusCode).toBe(404);
    await api('secretariat').post(`/api/v1/correspondence/${item.id}/route`, lead(services.voirie));
    expect((await api('services').get(`/api/v1/correspondence/${item.id}`)).statusCode).toBe(200);
    for (const [method, path, body] of [
      ['get', '', undefined],
      ['get', '/routing-suggestion', undefined],
      ['get', '/routings', undefined],
      ['post', '/accept', {}],
      ['post', '/wait', { comment: 'x' }],
      ['get', '/reply/letter', undefined],
    ] as const) {
      const res =
        method === 'get'
          ? await social().get(`/api/v1/correspondence/${item.id}${path}`)
          : await social().post(`/api/v1/correspondence/${item.id}${path}`, body);
      expect(res.statusCode, path).toBe(404);
    }
    const listed = (await social().get('/api/v1/correspondence?limit=200'))
      .json()
      .data.map((x: { id: string }) => x.id);
    expect(listed).not.toContain(item.id);
    expect(await searchIds(socialCookie, 'éclairage')).not.toContain(item.id);
    // The technical services find it, in the list and in search.
    expect(
      (await api('services').get('/api/v1/correspondence?limit=200')).json().data.map((x: { id: string }) => x.id),
    ).toContain(item.id);
    expect(
      (await api('services').get(`/api/v1/correspondence?serviceId=${services.voirie}&limit=200`))
        .json()
        .data.map((x: { id: string }) => x.id),
    ).toContain(item.id);
    expect(await searchIds(cookies.services, `Lampadaire éteint rue`)).toContain(item.id);
    // Routed to one person of the social service: that person sees it too.
    await api('secretariat').post(`/api/v1/correspondence/${item.id}/route`, {
      assignments: [
        { serviceId: services.voirie, mode: 'action' },
        { userId: socialUserId, mode: 'information' },
      ],
    });
    expect((await social().get(`/api/v1/correspondence/${item.id}`)).statusCode).toBe(200);
  });

  it('an official sees the items of their portfolio; a confidential item only its named people', async () => {
    const mine = await register({ topic: 'voirie' });
    const notMine = await register({ topic: 'social' });
    const secret = await register({ topic: 'voirie', confidentiality: 'confidential' });
    const ids = (await api('official').get('/api/v1/correspondence?limit=200'))
      .json()
      .data.map((x: { id: string }) => x.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(notMine.id);
    expect(ids).not.toContain(secret.id);
    expect((await api('official').get(`/api/v1/correspondence/${secret.id}`)).statusCode).toBe(404);
    // A confidential item is not routed to a whole service (400, nothing written)…
    const toService = await api('chief_of_staff').post(
      `/api/v1/correspondence/${secret.id}/route`,
      lead(services.voirie),
    );
    expect(toService.statusCode).toBe(400);
    expect(paths(toService)).toEqual(['assignments.0.userId']);
    expect((await api('services').get(`/api/v1/correspondence/${secret.id}`)).statusCode).toBe(404);
    expect(await searchIds(cookies.services, 'Lampadaire')).not.toContain(secret.id);
    // …but to a person, who is then named on it; the rest of the service still sees nothing.
    const toPerson = await api('chief_of_staff').post(`/api/v1/correspondence/${secret.id}/route`, {
      assignments: [{ serviceId: services.social, userId: socialUserId, mode: 'action' }],
    });
    expect(toPerson.statusCode, toPerson.body).toBe(200);
    expect(toPerson.json().members).toContain(socialUserId);
    expect((await social().get(`/api/v1/correspondence/${secret.id}`)).json().policies.accept).toBe(true);
    expect((await api('services').get(`/api/v1/correspondence/${secret.id}`)).statusCode).toBe(404);
    expect(await searchIds(socialCookie, 'Lampadaire')).toContain(secret.id);
    expect(await searchIds(cookies.official, 'Lampadaire')).toContain(mine.id);
  });

  it('an advisor cannot sign (403, policy false); group staff and the admin reach nothing; nothing in search', async () => {
    const item = await register();
    await toSigned(item.id);
    const seen = (await api('advisor').get(`/api/v1/correspondence/${item.id}`)).json();
    expect(seen.policies.sign).toBe(false);
    expect((await api('executive').get(`/api/v1/correspondence/${item.id}`)).json().policies.sign).toBe(true);
    expect(
      (await api('advisor').post(`/api/v1/correspondence/${item.id}/sign`, { decision: 'approve' })).statusCode,
    ).toBe(403);
    expect(
      (await api('chief_of_staff').post(`/api/v1/correspondence/${item.id}/sign`, { decision: 'approve' })).statusCode,
    ).toBe(403);
    const book = (await api('advisor').get('/api/v1/correspondence/signature-book')).json();
    expect(book.data.find((x: { id: string }) => x.id === item.id).policies.sign).toBe(false);
    const batch = await api('advisor').post('/api/v1/correspondence/sign-batch', {
      ids: [item.id],
      decision: 'approve',
    });
    expect(batch.json().results[0]).toMatchObject({ ok: false, detail: 'Votre rôle ne permet pas cette action.' });
    for (const role of ['group_staff', 'admin'] as const) {
      for (const [method, path, body] of [
        ['get', `/${item.id}`, undefined],
        ['get', `/${item.id}/routing-suggestion`, undefined],
        ['get', `/${item.id}/routings`, undefined],
        ['get', `/${item.id}/reply/letter`, undefined],
        ['get', '/queues', undefined],
        ['get', '/signature-book', undefined],
        ['get', '/reply-templates', undefined],
        ['post', `/${item.id}/route`, lead(services.voirie)],
        ['post', `/${item.id}/accept`, {}],
        ['put', `/${item.id}/reply`, { bodyHtml: '<p>x</p>' }],
        ['post', `/${item.id}/submit-review`, { reviewerIds: [org.users.chief_of_staff.id] }],
        ['post', `/${item.id}/review`, { decision: 'approve' }],
        ['post', `/${item.id}/sign`, { decision: 'approve' }],
        ['post', `/${item.id}/send`, { method: 'post' }],
        ['post', `/${item.id}/close`, {}],
        ['post', `/${item.id}/wait`, { comment: 'x' }],
        ['post', `/${item.id}/forward`, { authority: 'Préfecture' }],
        ['post', '/sign-batch', { ids: [item.id], decision: 'approve' }],
      ] as const) {
        const res = await api(role)[method](`/api/v1/correspondence${path}`, body);
        // Refused before any record is read: the role has no correspondence at all.
        expect([403, 404], `${role} ${method} ${path}`).toContain(res.statusCode);
      }
    }
    expect(await searchIds(cookies.group_staff, 'Lampadaire')).toEqual([]);
  });

  it('another organisation gets 404 on every item route and sees nothing in its queues', async () => {
    const item = await register();
    await api('secretariat').post(`/api/v1/correspondence/${item.id}/route`, lead(services.voirie));
    const o = as(t.app, otherCookie);
    for (const path of ['', '/routing-suggestion', '/routings', '/reply/letter']) {
      expect((await o.get(`/api/v1/correspondence/${item.id}${path}`)).statusCode, path).toBe(404);
    }
    for (const [path, body] of [
      ['route', lead(services.voirie)],
      ['accept', {}],
      ['wait', { comment: 'x' }],
      ['forward', { authority: 'Préfecture' }],
      ['close', { withoutReply: true, reason: 'x' }],
      ['review', { decision: 'approve' }],
      ['submit-review', { reviewerIds: [other.users.chief_of_staff.id] }],
      ['send', { method: 'post' }],
    ] as const) {
      expect((await o.post(`/api/v1/correspondence/${item.id}/${path}`, body)).statusCode, path).toBe(404);
    }
    expect((await o.put(`/api/v1/correspondence/${item.id}/reply`, { bodyHtml: '<p>x</p>' })).statusCode).toBe(404);
    const otherExec = await signIn(t.app, other.users.executive);
    expect(
      (await as(t.app, otherExec).post(`/api/v1/correspondence/${item.id}/sign`, { decision: 'approve' })).statusCode,
    ).toBe(404);
    const batch = await as(t.app, otherExec).post('/api/v1/correspondence/sign-batch', {
      ids: [item.id],
      decision: 'approve',
    });
    expect(batch.json().results).toEqual([{ id: item.id, ok: false, status: null, detail: expect.any(String) }]);
    expect((await o.get('/api/v1/correspondence/queues')).json()).toEqual({
      mine: 0,
      my_service: 0,
      to_review: 0,
      to_sign: 0,
      overdue: 0,
      due_this_week: 0,
    });
  });
});

describe('signature book', () => {
  it('two concurrent batches sign each reply once; the later one learns it was already signed', async () => {
    const items = [await register(), await register(), await register()];
    for (const item of items) await toSigned(item.id);
    const ids = items.map((i) => i.id);
    const [a, b] = await Promise.all([
      api('executive').post('/api/v1/correspondence/sign-batch', { ids, decision: 'approve' }),
      api('executive').post('/api/v1/correspondence/sign-batch', { ids: [...ids].reverse(), decision: 'approve' }),
    ]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    const results = [...a.json().results, ...b.json().results] as { id: string; ok: boolean; detail: string | null }[];
    for (const id of ids) {
      const mine = results.filter((r) => r.id === id);
      expect(mine.filter((r) => r.ok)).toHaveLength(1);
      expect(mine.find((r) => !r.ok)?.detail).toMatch(/déjà signée/);
    }
    const [signatures] = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select count(*)::int as n from correspondence_approvals
          where kind = 'signature' and decision = 'approve' and item_id = any(${`{${ids.join(',')}}`}::uuid[])`,
    );
    expect(signatures?.n).toBe(3);
    const audits = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select count(*)::int as n from audit_log where action = 'correspondence.sign' and record_id::text = any(${`{${ids.join(',')}}`}::text[])`,
    );
    expect(audits[0]?.n).toBe(3);
  });

  it('a member the admin gives a delegation of signature signs; without it, 403', async () => {
    const item = await register();
    await toSigned(item.id);
    const before = (await api('cabinet_head').get('/api/v1/correspondence/signature-book')).json();
    expect(before.data.find((x: { id: string }) => x.id === item.id).policies.sign).toBe(false);
    const delegated = await api('admin').patch(`/api/v1/members/${org.users.cabinet_head.id}`, { signsMail: true });
    expect(delegated.json().signsMail).toBe(true);
    const book = (await api('cabinet_head').get('/api/v1/correspondence/signature-book')).json();
    expect(book.data.map((x: { id: string }) => x.id)).toContain(item.id);
    expect(book.data.find((x: { id: string }) => x.id === item.id).policies.sign).toBe(true);
    const signed = await api('cabinet_head').post(`/api/v1/correspondence/${item.id}/sign`, { decision: 'approve' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().reply.approvals.find((a: { kind: string }) => a.kind === 'signature')).toMatchObject({
      userId: org.users.cabinet_head.id,
      decision: 'approve',
    });
    await api('admin').patch(`/api/v1/members/${org.users.cabinet_head.id}`, { signsMail: false });
    const next = await register();
    await toSigned(next.id);
    expect(
      (await api('cabinet_head').post(`/api/v1/correspondence/${next.id}/sign`, { decision: 'approve' })).statusCode,
    ).toBe(403);
    const refused = await api('cabinet_head').post('/api/v1/correspondence/sign-batch', {
      ids: [next.id],
      decision: 'approve',
    });
    expect(refused.json().results).toEqual([{ id: next.id, ok: false, status: null, detail: expect.any(String) }]);
  });

  it('returns a reply from the book to its drafter with the comment', async () => {
    const item = await register();
    await toSigned(item.id);
    const res = await api('executive').post('/api/v1/correspondence/sign-batch', {
      ids: [item.id],
      decision: 'return',
      comment: 'Ton trop sec.',
    });
    expect(res.json().results[0]).toMatchObject({ ok: true, status: 'reply_drafted' });
    expect((await api('services').get(`/api/v1/correspondence/${item.id}`)).json().reply.returnComment).toBe(
      'Ton trop sec.',
    );
  });
});

describe('reviewers', () => {
  it('lists to whoever drafts the members who may give a visa, by name; never group staff or the admin', async () => {
    const res = await api('services').get('/api/v1/correspondence/reviewers?limit=50');
    expect(res.statusCode).toBe(200);
    const roles = new Set(res.json().data.map((m: { role: string }) => m.role));
    expect(roles.has('chief_of_staff')).toBe(true);
    expect(roles.has('group_staff')).toBe(false);
    expect(roles.has('admin')).toBe(false);
    expect(res.json().data[0]).toEqual({
      userId: expect.any(String),
      name: expect.any(String),
      role: expect.any(String),
      jobTitle: null,
      active: true,
    });
    expect((await api('services').get('/api/v1/correspondence/reviewers?limit=0')).statusCode).toBe(400);
    const foreign = (await as(t.app, otherCookie).get('/api/v1/correspondence/reviewers?limit=50')).json().data;
    expect(foreign.map((m: { userId: string }) => m.userId)).not.toContain(org.users.chief_of_staff.id);
    expect((await api('group_staff').get('/api/v1/correspondence/reviewers')).statusCode).toBe(403);
  });
});

describe('queues and templates', () => {
  it('counts and lists the actor’s queues (mine, my service, overdue, due this week)', async () => {
    const old = await register({ receivedAt: '2025-01-06T21:00:00Z' });
    await api('secretariat').post(`/api/v1/correspondence/${old.id}/route`, {
      assignments: [{ userId: org.users.advisor.id, mode: 'action' }],
    });
    const counts = (await api('advisor').get('/api/v1/correspondence/queues')).json();
    expect(counts.mine).toBeGreaterThanOrEqual(1);
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
    const mine = (await api('advisor').get('/api/v1/correspondence?queue=mine'))
      .json()
      .data.map((x: { id: string }) => x.id);
    expect(mine).toContain(old.id);
    const overdue = (await api('advisor').get('/api/v1/correspondence?queue=overdue&limit=200'))
      .json()
      .data.map((x: { id: string }) => x.id);
    expect(overdue).toContain(old.id);
    expect(
      (await api('advisor').get('/api/v1/correspondence?queue=due_this_week&limit=200'))
        .json()
        .data.map((x: { id: string }) => x.id),
    ).not.toContain(old.id);
    expect(
      (await api('advisor').get(`/api/v1/correspondence?userId=${org.users.advisor.id}&topic=voirie`))
        .json()
        .data.map((x: { id: string }) => x.id),
    ).toContain(old.id);
    expect((await api('advisor').get('/api/v1/correspondence?queue=later')).statusCode).toBe(400);
  });

  it('reply templates: created, read, changed, deleted by the cabinet, audited; others read them; names unique', async () => {
    const created = await api('secretariat').post('/api/v1/correspondence/reply-templates', {
      name: 'Accord de principe',
      subject: 'Votre demande',
      bodyHtml:
        '<p onclick="x()">Accord <a href="javascript:alert(1)">ici</a> <a href="https://mont-dore.nc">site</a></p>',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json().bodyHtml).toBe('<p>Accord <a>ici</a> <a href="https://mont-dore.nc">site</a></p>');
    expect((await api('services').get(`/api/v1/correspondence/reply-templates/${id}`)).json().policies).toEqual({
      update: false,
      delete: false,
    });
    expect(
      (await api('services').patch(`/api/v1/correspondence/reply-templates/${id}`, { name: 'x' })).statusCode,
    ).toBe(403);
    const dup = await api('secretariat').post('/api/v1/correspondence/reply-templates', {
      name: 'ACCORD DE PRINCIPE',
      subject: 's',
      bodyHtml: '<p>x</p>',
    });
    expect(dup.statusCode).toBe(409);
    expect(paths(dup)).toEqual(['name']);
    const changed = await api('secretariat').patch(`/api/v1/correspondence/reply-templates/${id}`, {
      subject: 'Votre demande du {{item.receivedDate}}',
    });
    expect(changed.json().subject).toBe('Votre demande du {{item.receivedDate}}');
    expect((await api('secretariat').patch(`/api/v1/correspondence/reply-templates/${id}`, {})).statusCode).toBe(400);
    expect((await as(t.app, otherCookie).get(`/api/v1/correspondence/reply-templates/${id}`)).statusCode).toBe(404);
    expect((await as(t.app, otherCookie).delete(`/api/v1/correspondence/reply-templates/${id}`)).statusCode).toBe(404);
    const list = (await api('services').get('/api/v1/correspondence/reply-templates')).json();
    expect(list.data.map((x: { id: string }) => x.id)).toContain(id);
    expect((await api('secretariat').delete(`/api/v1/correspondence/reply-templates/${id}`)).statusCode).toBe(204);
    expect(await auditActions(id)).toEqual(['reply_template.create', 'reply_template.update', 'reply_template.delete']);
  });
});

describe('links to the directory', () => {
  it('shows the items on the writer’s 360° page (as the actor may see them) and moves them on a merge', async () => {
    const item = await register({ sender: { name: 'Mme Joséphine Wamytan', email: 'jo.wamytan@example.nc' } });
    const writer = (await api('secretariat').get(`/api/v1/correspondence/${item.id}`)).json().senderContactId;
    const timeline = (await api('chief_of_staff').get(`/api/v1/contacts/${writer}/timeline`)).json();
    expect(timeline.data).toContainEqual(
      expect.objectContaining({ id: `mail:${item.id}`, kind: 'correspondence', link: `/correspondence/${item.id}` }),
    );
    // A contact typed twice: merging moves the duplicate's letters to the kept contact.
    const twin = await api('chief_of_staff').post('/api/v1/contacts', {
      kind: 'person',
      firstName: 'Joséphine',
      lastName: 'WAMYTAN',
    });
    const second = await register({ sender: { name: 'Joséphine WAMYTAN (bis)' } });
    await t.app.ctx.db.execute(
      sql`update correspondence_items set sender_contact_id = ${twin.json().id} where id = ${second.id}`,
    );
    const merged = await api('chief_of_staff').post(`/api/v1/contacts/${writer}/merge`, {
      duplicateId: twin.json().id,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await api('secretariat').get(`/api/v1/correspondence/${second.id}`)).json().senderContactId).toBe(writer);
  });
});
