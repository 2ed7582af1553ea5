import { ROLES, type TRole } from '@dircab/contracts';
import { hashPassword } from 'better-auth/crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countRows,
  createTestApp,
  createTestOrg,
  PASSWORD,
  signIn,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app';
import { queryRows } from '../../platform/db/client';
import { createMember } from '../org/commands/create-member';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
/** A second services user, in another service (the education service). */
let education: { id: string; cookie: string };
let techServiceId: string;
let educationServiceId: string;
const api = (role: TRole) => as(t.app, cookies[role]);

async function inService(userId: string, serviceId: string) {
  await queryRows(
    t.app.ctx.db,
    sql`update memberships set service_id = ${serviceId} where org_id = ${org.orgId} and user_id = ${userId}`,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'executive']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
  const email = `education.${Date.now()}@test.example`;
  const hash = await hashPassword(PASSWORD);
  const { userId } = await t.app.ctx.db.transaction((tx) =>
    createMember(
      tx,
      null,
      org.orgId,
      { name: 'Directrice éducation', email, role: 'services', password: PASSWORD },
      { passwordHash: hash },
    ),
  );
  education = { id: userId, cookie: await signIn(t.app, { email, password: PASSWORD }) };
  techServiceId = (await api('chief_of_staff').post('/api/v1/services', { name: 'Services techniques' })).json().id;
  educationServiceId = (await api('chief_of_staff').post('/api/v1/services', { name: 'Éducation' })).json().id;
  await inService(org.users.services.id, techServiceId);
  await inService(education.id, educationServiceId);
});
afterAll(() => t.close());

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

const aNote = (over: Record<string, unknown> = {}) => ({
  kind: 'note_to_executive',
  title: 'Rentrée scolaire et travaux de l’école de Boulari',
  addresseeId: org.users.executive.id,
  bodyHtml: '<p>Les travaux de la cantine ne seront pas finis à la rentrée.</p>',
  confidentiality: 'normal',
  ...over,
});

async function create(role: TRole, over: Record<string, unknown> = {}) {
  const res = await api(role).post('/api/v1/notes', aNote(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; [k: string]: unknown };
}

async function searchIds(role: TRole, q: string, kind = 'note'): Promise<string[]> {
  const res = await api(role).get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);
  expect(res.statusCode).toBe(200);
  return (res.json().groups as { kind: string; hits: { recordId: string }[] }[])
    .filter((g) => g.kind === kind)
    .flatMap((g) => g.hits.map((h) => h.recordId));
}

const serviceTasks = async (cookie: string) => {
  const res = await as(t.app, cookie).get('/api/v1/tasks?view=my_service&limit=200');
  expect(res.statusCode).toBe(200);
  return res.json().data as { id: string; title: string; link: { kind: string; id: string } | null; status: string }[];
};

describe('a note through contributions, review, the mayor’s reading folder and a decision (the issue’s second Done-when)', () => {
  it('goes from draft to a decision whose two tasks appear in the services’ task lists', async () => {
    const note = await create('advisor');
    expect(note.status).toBe('draft');
    expect(note.policies).toMatchObject({ update: true, submit: true, validate: false, markRead: false });

    // Two services are asked for a section each: each gets a task about the note.
    const asks = [];
    for (const serviceId of [techServiceId, educationServiceId]) {
      const res = await api('advisor').post(`/api/v1/notes/${note.id}/contributions`, {
        serviceId,
        question: 'Où en sont les travaux et quelles solutions pour la rentrée ?',
        dueDate: '2030-02-10',
      });
      expect(res.statusCode, res.body).toBe(201);
      asks.push(res.json());
    }
    const [tech, edu] = asks;
    expect((await serviceTasks(cookies.services)).map((x) => x.id)).toContain(tech.taskId);
    expect((await serviceTasks(education.cookie)).map((x) => x.id)).toContain(edu.taskId);

    // The contributor sees their section and the note's title, not the note itself.
    expect((await api('services').get(`/api/v1/notes/${note.id}`)).statusCode).toBe(404);
    const mine = await api('services').get(`/api/v1/notes/${note.id}/contributions`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().data.map((c: { id: string }) => c.id)).toEqual([tech.id]);
    expect(mine.json().data[0].noteTitle).toBe(note.title);
    expect(mine.json().data[0].policies).toMatchObject({ write: true, submit: true, merge: false });
    // Not the other service's section.
    expect((await api('services').get(`/api/v1/notes/${note.id}/contributions/${edu.id}`)).statusCode).toBe(404);
    expect(
      (await api('services').put(`/api/v1/notes/${note.id}/contributions/${edu.id}`, { bodyHtml: '<p>x</p>' }))
        .statusCode,
    ).toBe(404);

    // Each writes and submits: the task is done.
    const wrote = await api('services').put(`/api/v1/notes/${note.id}/contributions/${tech.id}`, {
      bodyHtml: '<p>Les <strong>menuiseries</strong> arrivent le 20 février.</p><script>alert(1)</script>',
      submit: true,
    });
    expect(wrote.statusCode, wrote.body).toBe(200);
    expect(wrote.json()).toMatchObject({ status: 'submitted' });
    expect(wrote.json().bodyHtml).not.toContain('script');
    const eduWrote = await as(t.app, education.cookie).put(`/api/v1/notes/${note.id}/contributions/${edu.id}`, {
      bodyHtml: '<p>Repas servis au réfectoire de Yahoué pendant trois semaines.</p>',
      submit: true,
    });
    expect(eduWrote.statusCode, eduWrote.body).toBe(200);
    expect((await serviceTasks(cookies.services)).find((x) => x.id === tech.taskId)?.status).toBe('done');
    // Submitted: no more writing.
    expect(
      (await api('services').put(`/api/v1/notes/${note.id}/contributions/${tech.id}`, { bodyHtml: '<p>y</p>' }))
        .statusCode,
    ).toBe(409);

    // The author merges both: the body holds them, each merge a save.
    for (const c of [tech, edu]) {
      const merged = await api('advisor').post(`/api/v1/notes/${note.id}/contributions/${c.id}/merge`);
      expect(merged.statusCode, merged.body).toBe(200);
    }
    const merged = (await api('advisor').get(`/api/v1/notes/${note.id}`)).json();
    expect(merged.bodyHtml).toContain('Services techniques');
    expect(merged.bodyHtml).toContain('réfectoire de Yahoué');

    // Review: submitted, returned with a comment, corrected, submitted, validated, transmitted.
    const step = (role: TRole, action: string, comment?: string) =>
      api(role).post(`/api/v1/notes/${note.id}/transitions`, { action, ...(comment ? { comment } : {}) });
    // Not yet in review: a head validating is a conflict; an adviser never validates (visa of the heads).
    expect((await step('chief_of_staff', 'validate')).statusCode).toBe(409);
    expect((await step('advisor', 'submit')).json().status).toBe('in_review');
    expect((await step('advisor', 'validate')).statusCode).toBe(403);
    const returned = await step('chief_of_staff', 'return', 'Chiffrez le coût des repas.');
    expect(returned.json()).toMatchObject({ status: 'draft', returnComment: 'Chiffrez le coût des repas.' });
    const corrected = await api('advisor').patch(`/api/v1/notes/${note.id}`, {
      bodyHtml: `${merged.bodyHtml}<p>Coût estimé : 1 200 000 XPF.</p>`,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect((await step('advisor', 'submit')).statusCode).toBe(200);
    expect((await step('chief_of_staff', 'validate')).json().status).toBe('validated');
    expect((await step('chief_of_staff', 'transmit')).json().status).toBe('transmitted');

    // Versions: one per save by another person or after a transition; a word diff between two.
    const versions = (await api('advisor').get(`/api/v1/notes/${note.id}/versions`)).json().data as {
      number: number;
    }[];
    expect(versions.length).toBeGreaterThanOrEqual(2);
    const last = versions.at(-1)?.number ?? 0;
    const diff = await api('advisor').get(`/api/v1/notes/${note.id}/versions/${last}/diff?against=1`);
    expect(diff.statusCode, diff.body).toBe(200);
    const added = (diff.json().parts as { value: string; added: boolean }[])
      .filter((p) => p.added)
      .map((p) => p.value)
      .join('');
    expect(added).toContain('1 200 000');

    // The mayor's reading folder and alerts; read, annotated, answered with a decision.
    const folder = await api('executive').get('/api/v1/notes/reading-folder');
    expect(folder.statusCode).toBe(200);
    expect(folder.json().data.map((n: { id: string }) => n.id)).toContain(note.id);
    const alerts = (await api('executive').get('/api/v1/alerts')).json().data as { id: string }[];
    expect(alerts.map((a) => a.id)).toContain(`note.to_read:${note.id}`);
    expect((await api('advisor').post(`/api/v1/notes/${note.id}/read`)).statusCode).toBe(403);
    const read = await api('executive').post(`/api/v1/notes/${note.id}/read`);
    expect(read.json()).toMatchObject({ status: 'read' });
    const annotated = await api('executive').post(`/api/v1/notes/${note.id}/annotations`, {
      quote: 'réfectoire de Yahoué',
      comment: 'Prévenir les parents par l’école.',
    });
    expect(annotated.statusCode, annotated.body).toBe(201);
    const listed = (await api('advisor').get(`/api/v1/notes/${note.id}/annotations`)).json();
    expect(listed.data.map((a: { quote: string }) => a.quote)).toEqual(['réfectoire de Yahoué']);
    expect((await api('advisor').get(`/api/v1/notes/${note.id}/annotations?cursor=nope`)).statusCode).toBe(400);
    const answered = await api('executive').post(`/api/v1/notes/${note.id}/answer`, {
      decision: 'Repas au réfectoire de Yahoué, transport en bus pris en charge par la commune.',
      actions: [
        { title: 'Organiser le transport en bus', assigneeServiceId: techServiceId, dueDate: '2030-02-15' },
        { title: 'Informer les familles', assigneeServiceId: educationServiceId, dueDate: '2030-02-12' },
      ],
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().status).toBe('answered');
    const decisionId = answered.json().decisionId as string;
    const decision = (await api('executive').get(`/api/v1/decisions/${decisionId}`)).json();
    expect(decision).toMatchObject({ noteId: note.id, progress: { done: 0, total: 2 }, done: false });
    // The decision's two tasks appear in the two services' task lists.
    const techTask = (await serviceTasks(cookies.services)).find((x) => x.link?.id === decisionId);
    const eduTask = (await serviceTasks(education.cookie)).find((x) => x.link?.id === decisionId);
    expect(techTask?.title).toBe('Organiser le transport en bus');
    expect(eduTask?.title).toBe('Informer les familles');
    // Off the reading folder once answered; the follow-up view shows it until both are done.
    expect(
      (await api('executive').get('/api/v1/notes/reading-folder')).json().data.map((n: { id: string }) => n.id),
    ).not.toContain(note.id);
    const open = async () =>
      ((await api('chief_of_staff').get('/api/v1/decisions?view=open')).json().data as { id: string }[]).map(
        (d) => d.id,
      );
    expect(await open()).toContain(decisionId);
    for (const [cookie, task] of [
      [cookies.services, techTask],
      [education.cookie, eduTask],
    ] as const) {
      expect((await as(t.app, cookie).patch(`/api/v1/tasks/${task?.id}`, { status: 'done' })).statusCode).toBe(200);
    }
    expect(await open()).not.toContain(decisionId);
    expect((await api('executive').get(`/api/v1/decisions/${decisionId}`)).json()).toMatchObject({
      progress: { done: 2, total: 2 },
      done: true,
    });

    // Every step is in the note's trail.
    const actions = await queryRows<{ action: string }>(
      t.app.ctx.db,
      sql`select action from audit_log where record_id = ${note.id} order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'note.create',
        'note.contribution.request',
        'note.contribution.submit',
        'note.contribution.merge',
        'note.submit',
        'note.return',
        'note.validate',
        'note.transmit',
        'note.read',
        'note.annotate',
        'note.answer',
      ]),
    );
  });
});

describe('confidentiality', () => {
  it('a confidential note is 404 to an adviser not named on it and absent from their search and list; the mayor sees it; reads are audited', async () => {
    const note = await create('chief_of_staff', {
      title: 'Négociation coutumière Saint-Louis confidentielle',
      confidentiality: 'confidential',
      members: [org.users.cabinet_head.id],
    });
    expect((await api('advisor').get(`/api/v1/notes/${note.id}`)).statusCode).toBe(404);
    expect((await api('advisor').get(`/api/v1/notes/${note.id}/versions`)).statusCode).toBe(404);
    expect((await api('advisor').get(`/api/v1/notes/${note.id}/export?format=pdf`)).statusCode).toBe(404);
    const list = (await api('advisor').get('/api/v1/notes?limit=200')).json().data as { id: string }[];
    expect(list.map((n) => n.id)).not.toContain(note.id);
    expect(await searchIds('advisor', 'coutumière Saint-Louis')).not.toContain(note.id);
    expect(await searchIds('executive', 'coutumière Saint-Louis')).toContain(note.id);
    expect((await api('executive').get(`/api/v1/notes/${note.id}`)).statusCode).toBe(200);
    expect((await api('cabinet_head').get(`/api/v1/notes/${note.id}`)).statusCode).toBe(200);
    const views = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select count(*)::int as n from audit_log where record_id = ${note.id} and action = 'note.view'`,
    );
    expect(views[0]?.n).toBe(2);
  });

  it('a contributor to a confidential note sees their section and the title only, and their reading is audited', async () => {
    const note = await create('chief_of_staff', {
      title: 'Plan social confidentiel du CCAS',
      confidentiality: 'confidential',
      members: [org.users.cabinet_head.id],
    });
    const ask = await api('chief_of_staff').post(`/api/v1/notes/${note.id}/contributions`, {
      serviceId: techServiceId,
      question: 'Quels bâtiments sont concernés ?',
      dueDate: '2030-04-01',
    });
    expect(ask.statusCode, ask.body).toBe(201);
    expect((await api('services').get(`/api/v1/notes/${note.id}`)).statusCode).toBe(404);
    const section = await api('services').get(`/api/v1/notes/${note.id}/contributions/${ask.json().id}`);
    expect(section.statusCode).toBe(200);
    expect(section.json()).toMatchObject({
      noteTitle: 'Plan social confidentiel du CCAS',
      question: 'Quels bâtiments sont concernés ?',
    });
    expect(section.json()).not.toHaveProperty('bodyHtmlOfNote');
    expect(await searchIds('services', 'Plan social confidentiel')).not.toContain(note.id);
    // The adviser, not named, sees neither the note nor the section.
    expect((await api('advisor').get(`/api/v1/notes/${note.id}/contributions`)).statusCode).toBe(404);
    const reads = await queryRows<{ actor: string }>(
      t.app.ctx.db,
      sql`select actor_id::text as actor from audit_log where record_id = ${note.id} and action = 'note.view'`,
    );
    expect(reads.map((r) => r.actor)).toContain(org.users.services.id);
  });

  it('group staff, the admin and a services user not asked see no note (404, empty list)', async () => {
    const note = await create('advisor');
    for (const role of ['group_staff', 'admin', 'services', 'communication'] as const) {
      const res = await api(role).get(`/api/v1/notes/${note.id}`);
      expect(res.statusCode, role).toBe(role === 'communication' ? 200 : 404);
    }
    expect((await api('group_staff').get('/api/v1/notes')).json().data).toEqual([]);
    expect((await api('group_staff').get(`/api/v1/notes/${note.id}/contributions`)).statusCode).toBe(404);
    expect((await api('group_staff').post('/api/v1/notes', aNote())).statusCode).toBe(403);
  });

  it('another organisation sees none of it (404) and cannot reach its templates', async () => {
    const note = await create('advisor');
    const foreign = as(t.app, otherCookie);
    expect((await foreign.get(`/api/v1/notes/${note.id}`)).statusCode).toBe(404);
    expect((await foreign.patch(`/api/v1/notes/${note.id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await foreign.post(`/api/v1/notes/${note.id}/transitions`, { action: 'submit' })).statusCode).toBe(404);
    expect((await foreign.get(`/api/v1/notes/${note.id}/versions`)).statusCode).toBe(404);
    expect((await foreign.get(`/api/v1/notes/${note.id}/versions/1/diff?against=1`)).statusCode).toBe(404);
    expect((await foreign.get(`/api/v1/notes/${note.id}/export?format=docx`)).statusCode).toBe(404);
    expect((await foreign.get(`/api/v1/notes/${note.id}/contributions`)).statusCode).toBe(404);
    expect(
      (
        await foreign.post(`/api/v1/notes/${note.id}/contributions`, {
          serviceId: techServiceId,
          question: 'q',
          dueDate: '2030-01-01',
        })
      ).statusCode,
    ).toBe(404);
    expect((await foreign.get(`/api/v1/notes/${note.id}/annotations`)).statusCode).toBe(404);
    // A foreign addressee or member is bad input.
    const res = await foreign.post(
      '/api/v1/notes',
      aNote({ addresseeId: other.users.executive.id, members: [org.users.advisor.id] }),
    );
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(['members.0']);
    const template = (
      await api('chief_of_staff').post('/api/v1/notes/templates', {
        name: 'Note au maire',
        bodyHtml: '<h2>Contexte</h2>',
      })
    ).json();
    expect((await api('advisor').get(`/api/v1/notes/templates/${template.id}`)).json().name).toBe('Note au maire');
    expect((await foreign.get(`/api/v1/notes/templates/${template.id}`)).statusCode).toBe(404);
    expect((await foreign.patch(`/api/v1/notes/templates/${template.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await foreign.delete(`/api/v1/notes/templates/${template.id}`)).statusCode).toBe(404);
    const theirs = (await foreign.get('/api/v1/notes/templates')).json().data as { id: string }[];
    expect(theirs.map((x) => x.id)).not.toContain(template.id);
  });
});

describe('bad input writes nothing', () => {
  it('refuses a bad note, transition, contribution, annotation and answer with the field paths', async () => {
    const before = { notes: await countRows(t.app, 'notes'), versions: await countRows(t.app, 'note_versions') };
    const cases: [Record<string, unknown>, string[]][] = [
      [aNote({ kind: 'poem' }), ['kind']],
      [aNote({ title: '' }), ['title']],
      [aNote({ addresseeId: org.users.advisor.id }), ['addresseeId']],
      [aNote({ confidentiality: 'confidential' }), ['members']],
      [aNote({ members: [org.users.group_staff.id] }), ['members.0']],
      [aNote({ templateId: '0190a000-0000-7000-8000-000000000000' }), ['templateId']],
      [aNote({ caseId: '0190a000-0000-7000-8000-000000000000' }), ['caseId']],
      [aNote({ colour: 'red' }), ['']],
    ];
    for (const [body, expected] of cases) {
      const res = await api('advisor').post('/api/v1/notes', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      if (expected[0]) expect(paths(res)).toEqual(expected);
    }
    expect(await countRows(t.app, 'notes')).toBe(before.notes);
    expect(await countRows(t.app, 'note_versions')).toBe(before.versions);

    const note = await create('advisor');
    const tasksBefore = await countRows(t.app, 'tasks');
    const contributionsBefore = await countRows(t.app, 'note_contributions');
    for (const [body, expected] of [
      [{ question: 'q', dueDate: '2030-01-01' }, ['serviceId']],
      [
        { serviceId: techServiceId, userId: org.users.services.id, question: 'q', dueDate: '2030-01-01' },
        ['serviceId'],
      ],
      [{ serviceId: techServiceId, question: 'q', dueDate: '10/01/2030' }, ['dueDate']],
      [{ serviceId: '0190a000-0000-7000-8000-000000000000', question: 'q', dueDate: '2030-01-01' }, ['serviceId']],
      [{ userId: org.users.admin.id, question: 'q', dueDate: '2030-01-01' }, ['userId']],
    ] as const) {
      const res = await api('advisor').post(`/api/v1/notes/${note.id}/contributions`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(paths(res)).toEqual(expected);
    }
    expect(await countRows(t.app, 'tasks')).toBe(tasksBefore);
    expect(await countRows(t.app, 'note_contributions')).toBe(contributionsBefore);

    const bad = await api('chief_of_staff').post(`/api/v1/notes/${note.id}/transitions`, { action: 'return' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['comment']);
    expect(
      (await api('chief_of_staff').post(`/api/v1/notes/${note.id}/transitions`, { action: 'fly' })).statusCode,
    ).toBe(400);
    expect((await api('advisor').patch(`/api/v1/notes/${note.id}`, {})).statusCode).toBe(400);
    expect((await api('advisor').get(`/api/v1/notes/${note.id}/versions/1/diff`)).statusCode).toBe(400);
    expect((await api('advisor').get(`/api/v1/notes/${note.id}/versions/9/diff?against=1`)).statusCode).toBe(404);
    expect((await api('advisor').get(`/api/v1/notes/${note.id}/export?format=rtf`)).statusCode).toBe(400);
    expect((await api('advisor').get('/api/v1/notes?cursor=nope')).statusCode).toBe(400);
    expect((await api('executive').get('/api/v1/notes/reading-folder?cursor=nope')).statusCode).toBe(400);

    // To the mayor's folder, then a quote not in the note and an answer with a bad action.
    for (const [role, action] of [
      ['advisor', 'submit'],
      ['chief_of_staff', 'validate'],
      ['chief_of_staff', 'transmit'],
    ] as const) {
      expect((await api(role).post(`/api/v1/notes/${note.id}/transitions`, { action })).statusCode).toBe(200);
    }
    const annotationsBefore = await countRows(t.app, 'note_annotations');
    const quote = await api('executive').post(`/api/v1/notes/${note.id}/annotations`, {
      quote: 'pas dans la note',
      comment: 'c',
    });
    expect(quote.statusCode).toBe(400);
    expect(paths(quote)).toEqual(['quote']);
    expect(await countRows(t.app, 'note_annotations')).toBe(annotationsBefore);
    const decisionsBefore = await countRows(t.app, 'decisions');
    const tasksBefore2 = await countRows(t.app, 'tasks');
    const answer = await api('executive').post(`/api/v1/notes/${note.id}/answer`, {
      decision: 'Oui',
      actions: [
        { title: 'a', assigneeServiceId: techServiceId, dueDate: '2030-01-01' },
        { title: 'b', assigneeServiceId: '0190a000-0000-7000-8000-000000000000', dueDate: '2030-01-01' },
      ],
    });
    expect(answer.statusCode).toBe(400);
    expect(paths(answer)).toEqual(['actions.1.assigneeServiceId']);
    expect(await countRows(t.app, 'decisions')).toBe(decisionsBefore);
    expect(await countRows(t.app, 'tasks')).toBe(tasksBefore2);
    expect((await api('executive').get(`/api/v1/notes/${note.id}`)).json().status).toBe('transmitted');
  });

  it('refuses a bad template and writes nothing', async () => {
    const before = await countRows(t.app, 'note_templates');
    for (const body of [{ name: '', bodyHtml: '' }, { name: 'x' }, { name: 'x', bodyHtml: '', kind: 'poem' }]) {
      const res = await api('chief_of_staff').post('/api/v1/notes/templates', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await countRows(t.app, 'note_templates')).toBe(before);
  });
});

describe('permissions', () => {
  it('only the author or a head edits, only the heads validate, only the addressee reads and answers', async () => {
    const note = await create('advisor');
    expect((await api('communication').patch(`/api/v1/notes/${note.id}`, { title: 'Autre' })).statusCode).toBe(403);
    expect((await api('services').patch(`/api/v1/notes/${note.id}`, { title: 'Autre' })).statusCode).toBe(403);
    expect((await api('official').post(`/api/v1/notes/${note.id}/read`)).statusCode).toBe(404);
    expect((await api('secretariat').post(`/api/v1/notes/${note.id}/read`)).statusCode).toBe(403);
    expect((await api('executive').post(`/api/v1/notes/${note.id}/read`)).statusCode).toBe(409);
    expect((await api('executive').post(`/api/v1/notes/${note.id}/answer`, { decision: 'Non' })).statusCode).toBe(409);
    expect((await api('advisor').post(`/api/v1/notes/${note.id}/transitions`, { action: 'submit' })).statusCode).toBe(
      200,
    );
    expect(
      (await api('communication').post(`/api/v1/notes/${note.id}/transitions`, { action: 'validate' })).statusCode,
    ).toBe(403);
    // Templates: the heads manage, the writers read, the services nothing.
    expect((await api('advisor').post('/api/v1/notes/templates', { name: 'x', bodyHtml: '' })).statusCode).toBe(403);
    expect((await api('advisor').get('/api/v1/notes/templates')).statusCode).toBe(200);
    expect((await api('services').get('/api/v1/notes/templates')).statusCode).toBe(403);
    expect((await api('executive').get('/api/v1/notes/reading-folder')).statusCode).toBe(200);
    expect((await api('advisor').get('/api/v1/notes/reading-folder')).statusCode).toBe(403);
  });

  it('an official reads the notes addressed to them in their folder, not the others', async () => {
    const toOfficial = await create('advisor', { addresseeId: org.users.official.id, title: 'Fiche pour l’adjoint' });
    const toMayor = await create('advisor');
    expect((await api('official').get(`/api/v1/notes/${toOfficial.id}`)).statusCode).toBe(200);
    expect((await api('official').get(`/api/v1/notes/${toMayor.id}`)).statusCode).toBe(404);
    for (const [role, action] of [
      ['advisor', 'submit'],
      ['cabinet_head', 'validate'],
      ['advisor', 'transmit'],
    ] as const) {
      expect((await api(role).post(`/api/v1/notes/${toOfficial.id}/transitions`, { action })).statusCode).toBe(200);
    }
    const folder = (await api('official').get('/api/v1/notes/reading-folder')).json().data as { id: string }[];
    expect(folder.map((n) => n.id)).toEqual([toOfficial.id]);
    expect((await api('executive').post(`/api/v1/notes/${toOfficial.id}/read`)).statusCode).toBe(403);
    expect((await api('official').post(`/api/v1/notes/${toOfficial.id}/read`)).statusCode).toBe(200);
  });
});

describe('versions, templates and the case link', () => {
  it('the same person saving twice amends the version; another person or a transition opens a new one', async () => {
    const note = await create('advisor', { bodyHtml: '<p>Un.</p>' });
    const save = (role: TRole, text: string) =>
      api(role).patch(`/api/v1/notes/${note.id}`, { bodyHtml: `<p>${text}</p>` });
    expect((await save('advisor', 'Un deux.')).json().version).toBe(1);
    expect((await save('chief_of_staff', 'Un deux trois.')).json().version).toBe(2);
    expect((await save('chief_of_staff', 'Un deux trois quatre.')).json().version).toBe(2);
    await api('advisor').post(`/api/v1/notes/${note.id}/transitions`, { action: 'submit' });
    expect((await save('chief_of_staff', 'Un deux trois quatre cinq.')).json().version).toBe(3);
    const diff = (await api('advisor').get(`/api/v1/notes/${note.id}/versions/3/diff?against=2`)).json();
    const words = (kind: 'added' | 'removed') =>
      (diff.parts as { value: string; added: boolean; removed: boolean }[])
        .filter((p) => p[kind])
        .map((p) => p.value.trim())
        .join(' ');
    expect(words('added')).toBe('cinq');
    expect(words('removed')).toBe('');
    expect(diff.parts.map((p: { value: string }) => p.value).join('')).toBe('Un deux trois quatre cinq.');
  });

  it('starts from a template, links to a case and keeps the body to the safe subset', async () => {
    const template = await api('chief_of_staff').post('/api/v1/notes/templates', {
      name: 'Éléments de langage',
      kind: 'talking_points',
      bodyHtml: '<h2>Messages clés</h2><p onclick="x()">Premier message</p><iframe src="x"></iframe>',
    });
    expect(template.statusCode, template.body).toBe(201);
    expect(template.json().bodyHtml).toBe('<h2>Messages clés</h2><p>Premier message</p>');
    const theCase = await api('advisor').post('/api/v1/cases', {
      kind: 'project',
      title: 'Cantine de Boulari',
      confidentiality: 'normal',
    });
    const note = await create('advisor', {
      kind: 'talking_points',
      bodyHtml: undefined,
      templateId: template.json().id,
      caseId: theCase.json().id,
    });
    expect(note.bodyHtml).toBe('<h2>Messages clés</h2><p>Premier message</p>');
    const links = await api('advisor').get(`/api/v1/cases/${theCase.json().id}/links`);
    expect(links.json().data.map((l: { kind: string; recordId: string }) => [l.kind, l.recordId])).toContainEqual([
      'note',
      note.id,
    ]);
    const renamed = await api('chief_of_staff').patch(`/api/v1/notes/templates/${template.json().id}`, { name: 'EDL' });
    expect(renamed.json().name).toBe('EDL');
    expect((await api('chief_of_staff').delete(`/api/v1/notes/templates/${template.json().id}`)).statusCode).toBe(204);
  });
});

describe('the remaining routes: bad input, roles and other organisations', () => {
  it('contributions, annotations, answers, templates and reads refuse bad input without writing, and stay in their organisation', async () => {
    const note = await create('advisor');
    const ask = (
      await api('advisor').post(`/api/v1/notes/${note.id}/contributions`, {
        serviceId: techServiceId,
        question: 'Votre avis ?',
        dueDate: '2030-03-01',
      })
    ).json();
    const put = (body: unknown) => api('services').put(`/api/v1/notes/${note.id}/contributions/${ask.id}`, body);
    for (const body of [
      {},
      { bodyHtml: 3 },
      { bodyHtml: '<p>x</p>', submit: 'yes' },
      { bodyHtml: '<p>x</p>', extra: 1 },
    ]) {
      const res = await put(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const stored = await queryRows<{ body_html: string; status: string }>(
      t.app.ctx.db,
      sql`select body_html, status from note_contributions where id = ${ask.id}`,
    );
    expect(stored[0]).toEqual({ body_html: '', status: 'requested' });
    // A reader of the note who is not the contributor does not write it; nor merges before it is submitted.
    expect(
      (await api('advisor').put(`/api/v1/notes/${note.id}/contributions/${ask.id}`, { bodyHtml: '<p>x</p>' }))
        .statusCode,
    ).toBe(403);
    expect((await api('advisor').post(`/api/v1/notes/${note.id}/contributions/${ask.id}/merge`)).statusCode).toBe(409);
    expect((await api('services').post(`/api/v1/notes/${note.id}/contributions/${ask.id}/merge`)).statusCode).toBe(403);
    expect((await api('advisor').get(`/api/v1/notes/${note.id}/versions?cursor=nope`)).statusCode).toBe(400);

    for (const [role, action] of [
      ['advisor', 'submit'],
      ['chief_of_staff', 'validate'],
      ['chief_of_staff', 'transmit'],
    ] as const) {
      await api(role).post(`/api/v1/notes/${note.id}/transitions`, { action });
    }
    const annotations = await countRows(t.app, 'note_annotations');
    for (const body of [{}, { quote: 'travaux' }, { quote: '', comment: 'c' }]) {
      expect((await api('executive').post(`/api/v1/notes/${note.id}/annotations`, body)).statusCode).toBe(400);
    }
    expect(await countRows(t.app, 'note_annotations')).toBe(annotations);
    const decisions = await countRows(t.app, 'decisions');
    for (const body of [{}, { decision: '' }, { decision: 'Oui', actions: [{ title: 'x', dueDate: '2030-01-01' }] }]) {
      const res = await api('executive').post(`/api/v1/notes/${note.id}/answer`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await countRows(t.app, 'decisions')).toBe(decisions);
    // Only the addressee annotates or answers.
    expect(
      (await api('official').post(`/api/v1/notes/${note.id}/annotations`, { quote: 'travaux', comment: 'c' }))
        .statusCode,
    ).toBe(404);
    expect((await api('advisor').post(`/api/v1/notes/${note.id}/answer`, { decision: 'Oui' })).statusCode).toBe(403);

    const template = (
      await api('chief_of_staff').post('/api/v1/notes/templates', {
        name: 'Compte rendu',
        bodyHtml: '<p>Présents :</p>',
      })
    ).json();
    for (const body of [{}, { name: '' }, { kind: 'poem' }]) {
      expect((await api('chief_of_staff').patch(`/api/v1/notes/templates/${template.id}`, body)).statusCode).toBe(400);
    }
    expect((await api('advisor').patch(`/api/v1/notes/templates/${template.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await api('advisor').delete(`/api/v1/notes/templates/${template.id}`)).statusCode).toBe(403);

    // Another organisation: 404 on each of the note's routes, and its own reading folder is empty of ours.
    const foreign = as(t.app, otherCookie);
    const foreignMayor = as(t.app, await signIn(t.app, other.users.executive));
    expect(
      (await foreign.put(`/api/v1/notes/${note.id}/contributions/${ask.id}`, { bodyHtml: '<p>x</p>' })).statusCode,
    ).toBe(404);
    expect((await foreign.get(`/api/v1/notes/${note.id}/contributions/${ask.id}`)).statusCode).toBe(404);
    expect((await foreign.post(`/api/v1/notes/${note.id}/contributions/${ask.id}/merge`)).statusCode).toBe(404);
    expect((await foreignMayor.post(`/api/v1/notes/${note.id}/read`)).statusCode).toBe(404);
    expect(
      (await foreignMayor.post(`/api/v1/notes/${note.id}/annotations`, { quote: 'travaux', comment: 'c' })).statusCode,
    ).toBe(404);
    expect((await foreignMayor.post(`/api/v1/notes/${note.id}/answer`, { decision: 'Oui' })).statusCode).toBe(404);
    expect((await foreignMayor.get('/api/v1/notes/reading-folder')).json().data).toEqual([]);
    // Group staff: nothing of it.
    expect((await api('group_staff').get(`/api/v1/notes/${note.id}/contributions/${ask.id}`)).statusCode).toBe(404);
    expect((await api('group_staff').get(`/api/v1/notes/${note.id}/annotations`)).statusCode).toBe(404);
    expect((await api('group_staff').get(`/api/v1/notes/${note.id}/versions`)).statusCode).toBe(404);
  });
});
