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
import { queryRows } from '../../platform/db/client';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
const api = (role: TRole) => as(t.app, cookies[role]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'advisor']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
});
afterAll(() => t.close());

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

const aCase = (over: Record<string, unknown> = {}) => ({
  kind: 'constituent_request',
  title: 'Relogement de la famille Wahetra après l’incendie',
  summary: 'La famille demande un appui auprès du bailleur social.',
  confidentiality: 'normal',
  ...over,
});

async function create(role: TRole, over: Record<string, unknown> = {}) {
  const res = await api(role).post('/api/v1/cases', aCase(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; [k: string]: unknown };
}

async function auditActions(recordId: string): Promise<{ action: string; actor: string | null }[]> {
  return queryRows<{ action: string; actor: string | null }>(
    t.app.ctx.db,
    sql`select action, actor_id::text as actor from audit_log where record_id = ${recordId} order by id`,
  );
}

async function searchIds(role: TRole, q: string, kind = 'case'): Promise<string[]> {
  const res = await api(role).get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);
  expect(res.statusCode).toBe(200);
  return (res.json().groups as { kind: string; hits: { recordId: string }[] }[])
    .filter((g) => g.kind === kind)
    .flatMap((g) => g.hits.map((h) => h.recordId));
}

async function listIds(role: TRole, query = ''): Promise<string[]> {
  const res = await api(role).get(`/api/v1/cases?limit=200${query}`);
  expect(res.statusCode).toBe(200);
  return (res.json().data as { id: string }[]).map((c) => c.id);
}

async function alertIds(role: TRole): Promise<string[]> {
  const res = await api(role).get('/api/v1/alerts');
  expect(res.statusCode).toBe(200);
  return (res.json().data as { id: string }[]).map((a) => a.id);
}

describe('a confidential case (the issue’s first Done-when)', () => {
  it('opened by the chief of staff: 404 to an adviser not named, absent from their list, search, alerts and export; the mayor sees it; every change and read is audited', async () => {
    const created = await create('chief_of_staff', {
      kind: 'sensitive_matter',
      title: 'Contentieux foncier de la tribu de Saint-Louis',
      summary: 'Négociation discrète avec le coutumier avant la réunion publique.',
      confidentiality: 'confidential',
      members: [org.users.cabinet_head.id],
    });
    expect(created).toMatchObject({
      confidentiality: 'confidential',
      ownerId: org.users.chief_of_staff.id,
      policies: { read: true, update: true, close: true, escalate: true },
    });
    expect(created.members).toEqual(expect.arrayContaining([org.users.cabinet_head.id, org.users.chief_of_staff.id]));

    // The adviser is not named: the case does not exist for them.
    expect((await api('advisor').get(`/api/v1/cases/${created.id}`)).statusCode).toBe(404);
    expect((await api('advisor').get(`/api/v1/cases/${created.id}/timeline`)).statusCode).toBe(404);
    expect((await api('advisor').patch(`/api/v1/cases/${created.id}`, { riskLevel: 'high' })).statusCode).toBe(404);
    expect(await listIds('advisor')).not.toContain(created.id);
    expect(await searchIds('advisor', 'contentieux foncier')).toEqual([]);
    const csv = await api('advisor').get('/api/v1/cases/export.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain('Contentieux foncier');
    expect(csv.body).not.toContain(created.id);

    // Escalated: in the mayor's feed, not in the cabinet head's… who is named here, so yes; a
    // communication officer has no feed at all.
    const escalated = await api('chief_of_staff').post(`/api/v1/cases/${created.id}/escalate`, {
      note: 'À voir avant jeudi : la presse locale a été contactée.',
    });
    expect(escalated.statusCode).toBe(200);
    expect(await alertIds('executive')).toContain(`case.escalated:${created.id}`);
    expect((await api('advisor').get('/api/v1/alerts')).statusCode).toBe(403);

    // The mayor sees it, in the list and the search too.
    const got = await api('executive').get(`/api/v1/cases/${created.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json().escalation.note).toMatch(/presse locale/);
    expect(await listIds('executive')).toContain(created.id);
    expect(await searchIds('executive', 'contentieux foncier')).toContain(created.id);
    // The named cabinet head sees it; an adviser named later too.
    expect((await api('cabinet_head').get(`/api/v1/cases/${created.id}`)).statusCode).toBe(200);

    const update = await api('chief_of_staff').patch(`/api/v1/cases/${created.id}`, {
      members: [org.users.cabinet_head.id, org.users.advisor.id],
    });
    expect(update.statusCode).toBe(200);
    expect((await api('advisor').get(`/api/v1/cases/${created.id}`)).statusCode).toBe(200);

    const trail = await auditActions(created.id);
    expect(trail.map((a) => a.action)).toEqual([
      'case.create',
      'case.escalate',
      'case.read',
      'case.read',
      'case.update',
      'case.read',
    ]);
    expect(trail.filter((a) => a.action === 'case.read').map((a) => a.actor)).toEqual([
      org.users.executive.id,
      org.users.cabinet_head.id,
      org.users.advisor.id,
    ]);
    // The advisor's 404s and the export left no read: they read nothing.
  });

  it('keeps a confidential case out of the cabinet head’s feed unless they are named', async () => {
    const hidden = await create('chief_of_staff', {
      title: 'Plainte visant un agent',
      confidentiality: 'confidential',
      members: [org.users.advisor.id],
    });
    await api('chief_of_staff').post(`/api/v1/cases/${hidden.id}/escalate`, { note: 'Urgent' });
    expect(await alertIds('chief_of_staff')).toContain(`case.escalated:${hidden.id}`);
    expect(await alertIds('cabinet_head')).not.toContain(`case.escalated:${hidden.id}`);
  });

  it('audits a confidential read through the export', async () => {
    const secret = await create('executive', {
      title: 'Dossier export confidentiel',
      confidentiality: 'confidential',
      members: [org.users.chief_of_staff.id],
    });
    const csv = await api('executive').get('/api/v1/cases/export.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.startsWith('\uFEFFIdentifiant;Type;Titre')).toBe(true);
    expect(csv.body).toContain('Dossier export confidentiel');
    const rows = await queryRows<{ summary: { via: string } }>(
      t.app.ctx.db,
      sql`select summary from audit_log where record_id = ${secret.id} and action = 'case.read'`,
    );
    expect(rows.map((r) => r.summary.via)).toEqual(['export']);
  });
});

describe('creating and listing', () => {
  it('opens a case with its people, topics and territory, and lists it with every filter', async () => {
    const territory = await api('chief_of_staff').post('/api/v1/territories', { name: 'Plum' });
    expect(territory.statusCode).toBe(201);
    const territoryId = territory.json().id;
    const c = await create('advisor', {
      kind: 'project',
      title: 'Aménagement du front de mer de Plum',
      team: [org.users.communication.id],
      ownerId: org.users.cabinet_head.id,
      territoryId,
      topics: ['Urbanisme', 'Littoral'],
      riskLevel: 'medium',
      dueDate: '2026-12-15',
      status: 'in_progress',
    });
    expect(c).toMatchObject({
      kind: 'project',
      status: 'in_progress',
      ownerId: org.users.cabinet_head.id,
      team: [org.users.communication.id],
      members: [org.users.advisor.id],
      territoryId,
      topics: ['Urbanisme', 'Littoral'],
      riskLevel: 'medium',
      dueDate: '2026-12-15',
      escalation: null,
      intervention: null,
      closedAt: null,
    });
    for (const q of [
      '&kind=project',
      '&status=in_progress',
      `&ownerId=${org.users.cabinet_head.id}`,
      `&territoryId=${territoryId}`,
      '&topic=Littoral',
      '&riskLevel=medium',
    ]) {
      expect(await listIds('secretariat', q), q).toEqual([c.id]);
    }
    expect(await listIds('secretariat', '&topic=Voirie')).not.toContain(c.id);
    expect(await searchIds('secretariat', 'front de mer')).toContain(c.id);
  });

  it('pages newest first with a cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await create('cabinet_head', { kind: 'other', title: `Page ${i}` })).id);
    const first = await api('cabinet_head').get('/api/v1/cases?kind=other&limit=2');
    expect(first.json().data.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    const second = await api('cabinet_head').get(`/api/v1/cases?kind=other&limit=2&cursor=${first.json().nextCursor}`);
    expect(second.json().data.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(second.json().nextCursor).toBeNull();
    const bad = await api('cabinet_head').get('/api/v1/cases?cursor=nope');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toContain('cursor');
  });

  it('refuses bad input with the fields named, writing nothing', async () => {
    const before = [await countRows(t.app, 'cases'), await countRows(t.app, 'audit_log')];
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ kind: 'petition' }, 'kind'],
      [{ confidentiality: 'confidential' }, 'members'],
      [{ members: ['01900000-0000-7000-8000-000000000000'] }, 'members.0'],
      [{ team: [other.users.advisor.id] }, 'team.0'],
      [{ ownerId: other.users.advisor.id }, 'ownerId'],
      [{ territoryId: '01900000-0000-7000-8000-000000000000' }, 'territoryId'],
      [{ intervention: { outcome: 'favourable' } }, 'intervention'],
      [
        { kind: 'intervention', intervention: { officialId: '01900000-0000-7000-8000-000000000000' } },
        'intervention.officialId',
      ],
      [{ dueDate: '15/12/2026' }, 'dueDate'],
      [{ status: 'closed' }, 'status'],
      [{ unexpected: true }, 'unexpected'],
    ];
    for (const [over, path] of cases) {
      const res = await api('chief_of_staff').post('/api/v1/cases', aCase(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(paths(res), JSON.stringify(over)).toContain(path);
    }
    expect([await countRows(t.app, 'cases'), await countRows(t.app, 'audit_log')]).toEqual(before);
  });

  it('lets group staff and the admin create nothing and see nothing (403 to write, 404 and empty lists to read)', async () => {
    const c = await create('chief_of_staff', { title: 'Dossier ordinaire' });
    for (const role of ['group_staff', 'admin'] as const) {
      expect((await api(role).post('/api/v1/cases', aCase())).statusCode).toBe(403);
      expect((await api(role).get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
      expect((await api(role).get(`/api/v1/cases/${c.id}/timeline`)).statusCode).toBe(404);
      expect((await api(role).patch(`/api/v1/cases/${c.id}`, { riskLevel: 'high' })).statusCode).toBe(404);
      expect(await listIds(role)).toEqual([]);
    }
    expect((await api('services').post('/api/v1/cases', aCase())).statusCode).toBe(403);
  });

  it('shows officials and services only the cases they are named on', async () => {
    const named = await create('chief_of_staff', { title: 'Voirie de Yahoué', team: [org.users.services.id] });
    const notNamed = await create('chief_of_staff', { title: 'Voirie de Robinson' });
    expect(await listIds('services')).toContain(named.id);
    expect(await listIds('services')).not.toContain(notNamed.id);
    expect((await api('services').get(`/api/v1/cases/${notNamed.id}`)).statusCode).toBe(404);
    expect((await api('official').get(`/api/v1/cases/${named.id}`)).statusCode).toBe(404);
    expect(await searchIds('services', 'voirie')).toEqual([named.id]);
    // Named on it, the service moves it along.
    expect((await api('services').patch(`/api/v1/cases/${named.id}`, { status: 'waiting' })).statusCode).toBe(200);
  });

  it('answers 404 to another organisation on every case route', async () => {
    const c = await create('chief_of_staff', { title: 'Dossier de l’autre commune' });
    const them = as(t.app, otherCookie);
    expect((await them.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    expect((await them.get(`/api/v1/cases/${c.id}/timeline`)).statusCode).toBe(404);
    expect((await them.patch(`/api/v1/cases/${c.id}`, { riskLevel: 'high' })).statusCode).toBe(404);
    expect((await them.post(`/api/v1/cases/${c.id}/close`, {})).statusCode).toBe(404);
    expect((await them.post(`/api/v1/cases/${c.id}/escalate`, { note: 'x' })).statusCode).toBe(404);
    expect((await them.post(`/api/v1/cases/${c.id}/links`, { kind: 'contact', recordId: c.id })).statusCode).toBe(404);
    const list = await them.get('/api/v1/cases?limit=200');
    expect(list.json().data.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const csv = await them.get('/api/v1/cases/export.csv');
    expect(csv.body).not.toContain(c.id);
  });
});

describe('changing, closing, escalating', () => {
  it('edits with the policy: the heads and the people named; others 403; audit lists what changed', async () => {
    const c = await create('advisor', { title: 'Éclairage du stade' });
    expect((await api('communication').get(`/api/v1/cases/${c.id}`)).json().policies.update).toBe(false);
    expect((await api('communication').patch(`/api/v1/cases/${c.id}`, { riskLevel: 'high' })).statusCode).toBe(403);
    const res = await api('cabinet_head').patch(`/api/v1/cases/${c.id}`, {
      riskLevel: 'high',
      title: 'Éclairage du stade municipal',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ riskLevel: 'high', title: 'Éclairage du stade municipal' });
    const [row] = await queryRows<{ summary: Record<string, unknown> }>(
      t.app.ctx.db,
      sql`select summary from audit_log where record_id = ${c.id} and action = 'case.update'`,
    );
    expect(row?.summary).toEqual({ before: { riskLevel: 'low' }, after: { riskLevel: 'high' }, titleChanged: true });

    const before = await countRows(t.app, 'audit_log');
    for (const [body, path] of [
      [{}, ''],
      [{ status: 'closed' }, 'status'],
      [{ members: ['01900000-0000-7000-8000-000000000000'] }, 'members.0'],
      [{ intervention: { outcome: 'favourable' } }, 'intervention'],
    ] as [Record<string, unknown>, string][]) {
      const bad = await api('cabinet_head').patch(`/api/v1/cases/${c.id}`, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      if (path) expect(paths(bad)).toContain(path);
    }
    expect(await countRows(t.app, 'audit_log')).toBe(before);
  });

  it('closes (out of the feed), refuses a second close and an escalation, then reopens', async () => {
    const c = await create('chief_of_staff', { title: 'Fermeture de classe à Boulari', riskLevel: 'high' });
    expect((await api('chief_of_staff').post(`/api/v1/cases/${c.id}/escalate`, { note: '' })).statusCode).toBe(400);
    expect((await api('communication').post(`/api/v1/cases/${c.id}/escalate`, { note: 'x' })).statusCode).toBe(403);
    const up = await api('chief_of_staff').post(`/api/v1/cases/${c.id}/escalate`, { note: 'Parents mobilisés' });
    expect(up.statusCode).toBe(200);
    const feed = (await api('executive').get('/api/v1/alerts')).json().data;
    expect(feed.find((a: { id: string }) => a.id === `case.escalated:${c.id}`)).toMatchObject({
      priority: 'critical',
      title: 'Fermeture de classe à Boulari',
      detail: 'Parents mobilisés',
      url: `/cases/${c.id}`,
    });

    const closed = await api('chief_of_staff').post(`/api/v1/cases/${c.id}/close`, { outcome: 'Classe maintenue' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', policies: { close: false, escalate: false } });
    expect(closed.json().closedAt).not.toBeNull();
    expect(await alertIds('executive')).not.toContain(`case.escalated:${c.id}`);
    expect((await api('chief_of_staff').post(`/api/v1/cases/${c.id}/close`, {})).statusCode).toBe(409);
    expect((await api('chief_of_staff').post(`/api/v1/cases/${c.id}/escalate`, { note: 'x' })).statusCode).toBe(409);

    const reopened = await api('chief_of_staff').patch(`/api/v1/cases/${c.id}`, { status: 'open' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null });
    expect((await auditActions(c.id)).map((a) => a.action)).toEqual([
      'case.create',
      'case.escalate',
      'case.close',
      'case.reopen',
    ]);
  });
});

describe('links and the timeline', () => {
  it('links a contact and a mail item, refuses an unknown or repeated link, and shows links and changes newest first', async () => {
    const c = await create('advisor', { title: 'Inondations à Vallon-Dore' });
    const contact = await api('advisor').post('/api/v1/contacts', {
      kind: 'person',
      firstName: 'Lucie',
      lastName: 'Néaoutyine',
    });
    expect(contact.statusCode).toBe(201);
    const mail = await api('secretariat').post('/api/v1/correspondence', {
      direction: 'in',
      channel: 'email',
      subject: 'Eau dans les maisons après l’orage',
      sender: { name: 'Lucie Néaoutyine' },
    });
    expect(mail.statusCode).toBe(201);

    const linked = await api('advisor').post(`/api/v1/cases/${c.id}/links`, {
      kind: 'contact',
      recordId: contact.json().id,
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json()).toMatchObject({ kind: 'contact', title: 'Lucie Néaoutyine', policies: { delete: true } });
    const mailLink = await api('advisor').post(`/api/v1/cases/${c.id}/links`, {
      kind: 'correspondence',
      recordId: mail.json().id,
    });
    expect(mailLink.statusCode).toBe(201);
    expect(mailLink.json().title).toMatch(/Eau dans les maisons/);
    // Where the web shows a mail item.
    expect(mailLink.json().url).toBe(`/correspondence/items/${mail.json().id}`);

    const before = await countRows(t.app, 'case_links');
    const again = await api('advisor').post(`/api/v1/cases/${c.id}/links`, {
      kind: 'contact',
      recordId: contact.json().id,
    });
    expect(again.statusCode).toBe(409);
    const unknown = await api('advisor').post(`/api/v1/cases/${c.id}/links`, {
      kind: 'contact',
      recordId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toContain('recordId');
    const notAnEvent = await api('advisor').post(`/api/v1/cases/${c.id}/links`, { kind: 'event', recordId: c.id });
    expect(notAnEvent.statusCode).toBe(400);
    expect(paths(notAnEvent)).toContain('recordId');
    expect(
      (
        await api('communication').post(`/api/v1/cases/${c.id}/links`, {
          kind: 'correspondence',
          recordId: mail.json().id,
        })
      ).statusCode,
    ).toBe(403);
    expect(await countRows(t.app, 'case_links')).toBe(before);

    await api('advisor').patch(`/api/v1/cases/${c.id}`, { riskLevel: 'high' });
    const timeline = await api('advisor').get(`/api/v1/cases/${c.id}/timeline`);
    expect(timeline.statusCode).toBe(200);
    const entries = timeline.json().data as { type: string; action: string; title: string; detail: string | null }[];
    expect(entries.map((e) => `${e.type}:${e.action}`)).toEqual([
      'change:case.update',
      'link:correspondence',
      'link:contact',
      'change:case.create',
    ]);
    expect(entries[0]?.detail).toBe('Champs modifiés : niveau de risque');
    expect(entries[2]?.detail).toBe('Lucie Néaoutyine');

    const paged = await api('advisor').get(`/api/v1/cases/${c.id}/timeline?limit=3`);
    const rest = await api('advisor').get(`/api/v1/cases/${c.id}/timeline?limit=3&cursor=${paged.json().nextCursor}`);
    expect(rest.json().data.map((e: { action: string }) => e.action)).toEqual(['case.create']);
    expect(rest.json().nextCursor).toBeNull();

    const listed = await api('advisor').get(`/api/v1/cases/${c.id}/links`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().data.map((l: { kind: string; title: string }) => [l.kind, l.title])).toEqual([
      ['correspondence', expect.stringMatching(/Eau dans les maisons/)],
      ['contact', 'Lucie Néaoutyine'],
    ]);
    const contactsOnly = await api('advisor').get(`/api/v1/cases/${c.id}/links?kind=contact&limit=1`);
    expect(contactsOnly.json()).toMatchObject({ data: [{ id: linked.json().id }], nextCursor: null });
    expect((await api('advisor').get(`/api/v1/cases/${c.id}/links?kind=planet`)).statusCode).toBe(400);
    expect((await api('group_staff').get(`/api/v1/cases/${c.id}/links`)).statusCode).toBe(404);
    expect((await as(t.app, otherCookie).get(`/api/v1/cases/${c.id}/links`)).statusCode).toBe(404);

    const removed = await api('advisor').delete(`/api/v1/cases/${c.id}/links/${linked.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect((await api('advisor').delete(`/api/v1/cases/${c.id}/links/${linked.json().id}`)).statusCode).toBe(404);
  });

  it('shows the case on the contact’s 360° page and in their personal data, and moves it with a merge', async () => {
    const c = await create('chief_of_staff', { title: 'Dossier de M. Kaloi' });
    const mk = async (firstName: string) =>
      (await api('chief_of_staff').post('/api/v1/contacts', { kind: 'person', firstName, lastName: 'Kaloi' })).json()
        .id as string;
    const kept = await mk('Jean');
    const duplicate = await mk('Jean-Marc');
    expect(
      (await api('chief_of_staff').post(`/api/v1/cases/${c.id}/links`, { kind: 'contact', recordId: duplicate }))
        .statusCode,
    ).toBe(201);

    const timeline = await api('chief_of_staff').get(`/api/v1/contacts/${duplicate}/timeline`);
    expect(timeline.json().data.map((e: { title: string }) => e.title)).toContain(
      'Lié au dossier « Dossier de M. Kaloi »',
    );
    const exported = await api('chief_of_staff').get(`/api/v1/contacts/${duplicate}/export`);
    expect(exported.statusCode).toBe(200);
    const section = exported.json().sources.find((s: { key: string }) => s.key === 'cases');
    expect(section.data).toEqual([expect.objectContaining({ id: c.id, title: 'Dossier de M. Kaloi' })]);

    const merged = await api('chief_of_staff').post(`/api/v1/contacts/${kept}/merge`, { duplicateId: duplicate });
    expect(merged.statusCode, merged.body).toBe(200);
    const [link] = await queryRows<{ record_id: string }>(
      t.app.ctx.db,
      sql`select record_id::text from case_links where case_id = ${c.id}`,
    );
    expect(link?.record_id).toBe(kept);
  });

  it('unlinks an erased person from every case, the case itself staying', async () => {
    const c = await create('chief_of_staff', { title: 'Dossier d’une personne effacée' });
    const person = await api('chief_of_staff').post('/api/v1/contacts', {
      kind: 'person',
      firstName: 'Marie',
      lastName: 'Effacée',
    });
    const personId = person.json().id;
    await api('chief_of_staff').post(`/api/v1/cases/${c.id}/links`, { kind: 'contact', recordId: personId });
    const erased = await api('chief_of_staff').post(`/api/v1/contacts/${personId}/erase`, {
      reason: 'Demande écrite du 3 mars',
    });
    expect(erased.statusCode, erased.body).toBe(204);
    const links = await queryRows<{ n: number }>(
      t.app.ctx.db,
      sql`select count(*)::int as n from case_links where kind = 'contact' and record_id = ${personId}`,
    );
    expect(links[0]?.n).toBe(0);
    expect((await api('chief_of_staff').get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
  });
});

describe('interventions', () => {
  it('reports a period’s interventions per official and per institution, with their outcomes', async () => {
    const person = await api('chief_of_staff').post('/api/v1/contacts', {
      kind: 'person',
      firstName: 'Paul',
      lastName: 'Néhoué',
    });
    const official = await api('chief_of_staff').post('/api/v1/officials', { contactId: person.json().id });
    expect(official.statusCode, official.body).toBe(201);
    const officialId = official.json().id;
    const landlord = await api('chief_of_staff').post('/api/v1/contacts', {
      kind: 'organisation',
      name: 'Société immobilière de Nouvelle-Calédonie',
      orgType: 'institution',
    });
    const landlordId = landlord.json().id;
    const intervention = (over: Record<string, unknown>) =>
      create('advisor', {
        kind: 'intervention',
        title: 'Intervention',
        intervention: { officialId, date: '2026-03-10', object: 'Demande de logement', ...over },
      });
    const first = await intervention({ institutionContactId: landlordId, outcome: 'favourable' });
    expect(first.intervention).toMatchObject({ officialId, institutionContactId: landlordId, outcome: 'favourable' });
    await intervention({ institutionContactId: landlordId });
    await intervention({ institutionName: 'Province Sud', outcome: 'unfavourable' });
    await intervention({ institutionName: ' province sud ', date: '2026-05-01' });

    const byOfficial = await api('advisor').get(
      '/api/v1/cases/interventions/report?from=2026-03-01&to=2026-03-31&by=official',
    );
    expect(byOfficial.statusCode).toBe(200);
    expect(byOfficial.json().rows).toEqual([
      {
        id: officialId,
        label: 'Paul Néhoué',
        total: 3,
        outcomes: { pending: 1, favourable: 1, partial: 0, unfavourable: 1, no_answer: 0 },
      },
    ]);
    const byInstitution = await api('advisor').get(
      '/api/v1/cases/interventions/report?from=2026-03-01&to=2026-05-31&by=institution',
    );
    expect(byInstitution.json().rows.map((r: { label: string; total: number }) => [r.label, r.total])).toEqual([
      ['Province Sud', 2],
      ['Société immobilière de Nouvelle-Calédonie', 2],
    ]);

    for (const q of [
      'from=2026-03-31&to=2026-03-01&by=official',
      'from=2026-03-01&to=2026-03-31&by=party',
      'from=x&to=2026-03-31&by=official',
    ]) {
      const bad = await api('advisor').get(`/api/v1/cases/interventions/report?${q}`);
      expect(bad.statusCode, q).toBe(400);
    }
    expect(
      (await api('secretariat').get('/api/v1/cases/interventions/report?from=2026-03-01&to=2026-03-31&by=official'))
        .statusCode,
    ).toBe(403);
    const theirs = await as(t.app, otherCookie).get(
      '/api/v1/cases/interventions/report?from=2026-03-01&to=2026-03-31&by=official',
    );
    expect(theirs.json().rows).toEqual([]);
  });
});
