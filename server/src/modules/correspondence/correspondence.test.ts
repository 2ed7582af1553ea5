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
import { localYear } from '../../platform/calendar/working-days';
import { queryRows } from '../../platform/db/client';
import { createItemTypes } from './commands/create-item-types';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let types: Record<string, string>;
let otherTypes: Record<string, string>;
const cookies = {} as Record<TRole, string>;
const otherCookies = {} as Record<string, string>;
const api = (role: TRole) => as(t.app, cookies[role]);
const year = () => localYear(new Date(), 'Pacific/Noumea');

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'secretariat']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookies.chief_of_staff = await signIn(t.app, other.users.chief_of_staff);
  const made = await createItemTypes(t.app.ctx.db, org.orgId);
  types = Object.fromEntries(made.map((x) => [x.code, x.id]));
  const otherMade = await createItemTypes(t.app.ctx.db, other.orgId);
  otherTypes = Object.fromEntries(otherMade.map((x) => [x.code, x.id]));
});
afterAll(() => t.close());

const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

const item = (over: Record<string, unknown> = {}) => ({
  direction: 'in',
  channel: 'email',
  subject: 'Éclairage public rue des Cocotiers',
  body: 'Bonjour, le lampadaire devant le numéro 12 est éteint depuis trois semaines.',
  sender: { name: 'Mme Armelle TEIN', email: 'armelle.tein@example.nc' },
  ...over,
});

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

describe('registration', () => {
  it('numbers an e-mail request, dates it in New Caledonia’s calendar, creates its writer, audits and indexes it', async () => {
    // Received on Wednesday 23 September 2026 at 08:00 in Nouméa (UTC+11); the 24th is the
    // Fête de la citoyenneté, so ten working days end on 8 October, not on the 7th.
    const res = await api('secretariat').post(
      '/api/v1/correspondence',
      item({
        typeId: types.demande,
        receivedAt: '2026-09-22T21:00:00Z',
        subject: 'Demande de raccordement au tout-à-l’égout',
      }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.registrationNumber).toMatch(new RegExp(`^${year()}-A-\\d{6}$`));
    expect(body).toMatchObject({
      direction: 'in',
      status: 'registered',
      dueDate: '2026-10-08',
      implicitDecisionDate: '2026-11-23',
      implicitDecisionRule: 'acceptance',
      sender: { name: 'Mme Armelle TEIN', email: 'armelle.tein@example.nc' },
      policies: { read: true, update: true },
    });
    expect(await auditActions(body.id)).toEqual(['correspondence.register']);

    const contact = await api('secretariat').get(`/api/v1/contacts/${body.senderContactId}`);
    expect(contact.statusCode).toBe(200);
    expect(contact.json()).toMatchObject({
      kind: 'person',
      civility: 'Mme',
      firstName: 'Armelle',
      lastName: 'TEIN',
      emails: [{ email: 'armelle.tein@example.nc' }],
    });

    const got = await api('advisor').get(`/api/v1/correspondence/${body.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json().registrationNumber).toBe(body.registrationNumber);
    expect(await searchIds(cookies.chief_of_staff, 'raccordement égout')).toContain(body.id);
  });

  it('matches the writer to the directory by e-mail first, then by name, and creates the unknown', async () => {
    const known = await api('secretariat').post('/api/v1/contacts', {
      kind: 'person',
      firstName: 'Théo',
      lastName: 'Wamytan',
      emails: [{ email: 'theo.wamytan@example.nc' }],
    });
    expect(known.statusCode).toBe(201);
    const id = known.json().id;

    const byEmail = await api('secretariat').post(
      '/api/v1/correspondence',
      item({ sender: { name: 'T. W.', email: 'THEO.WAMYTAN@example.nc' } }),
    );
    expect(byEmail.json().senderContactId).toBe(id);

    const byName = await api('secretariat').post(
      '/api/v1/correspondence',
      item({ channel: 'phone', sender: { name: 'M. Théo WAMYTAN', phone: '28 12 34' } }),
    );
    expect(byName.json().senderContactId).toBe(id);

    const before = await countRows(t.app, 'contacts');
    const unknown = await api('secretariat').post(
      '/api/v1/correspondence',
      item({ sender: { name: 'Noëlla Kaloi', email: 'noella.kaloi@example.nc' } }),
    );
    expect(unknown.statusCode).toBe(201);
    expect(await countRows(t.app, 'contacts')).toBe(before + 1);
    expect(unknown.json().senderContactId).not.toBe(id);

    // A second letter from her finds the contact made for the first.
    const again = await api('secretariat').post(
      '/api/v1/correspondence',
      item({ sender: { name: 'Noëlla Kaloi', email: 'noella.kaloi@example.nc' } }),
    );
    expect(again.json().senderContactId).toBe(unknown.json().senderContactId);
    expect(await countRows(t.app, 'contacts')).toBe(before + 1);
  });

  it('creates one contact for a new writer whose letters are registered at the same time', async () => {
    const before = await countRows(t.app, 'contacts');
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        api('secretariat').post(
          '/api/v1/correspondence',
          item({ sender: { name: 'Yvette Hnepeune', email: 'yvette.hnepeune@example.nc' } }),
        ),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.json().senderContactId)).size).toBe(1);
    expect(await countRows(t.app, 'contacts')).toBe(before + 1);
  });

  it('restarts the writer’s retention clock', async () => {
    const contact = await api('secretariat').post('/api/v1/contacts', {
      kind: 'person',
      firstName: 'Paulo',
      lastName: 'Hnaweo',
      emails: [{ email: 'paulo.hnaweo@example.nc' }],
    });
    const id = contact.json().id;
    await t.app.ctx.db.execute(sql`update contacts set last_activity_at = '2020-01-01' where id = ${id}`);
    await api('secretariat').post(
      '/api/v1/correspondence',
      item({ sender: { name: 'Paulo Hnaweo', email: 'paulo.hnaweo@example.nc' } }),
    );
    const [row] = await queryRows<{ at: string }>(
      t.app.ctx.db,
      sql`select last_activity_at::text as at from contacts where id = ${id}`,
    );
    expect(row?.at.startsWith('2020')).toBe(false);
  });

  it('numbers outgoing items in their own sequence', async () => {
    const res = await api('secretariat').post(
      '/api/v1/correspondence',
      item({ direction: 'out', channel: 'postal', sender: { name: 'Préfecture' } }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().registrationNumber).toBe(`${year()}-D-000001`);
    expect(res.json().dueDate).toBeNull();
  });
});

describe('numbering under concurrency', () => {
  it('gives 100 concurrent registrations 100 distinct consecutive numbers', async () => {
    const fresh = await createTestOrg(t.app, ['secretariat']);
    const cookie = await signIn(t.app, fresh.users.secretariat);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        as(t.app, cookie).post(
          '/api/v1/correspondence',
          item({ subject: `Pétition n° ${i}`, sender: { name: `Habitant ${i}` } }),
        ),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(100).fill(201));
    const numbers = results.map((r) => r.json().registrationNumber as string);
    expect(new Set(numbers).size).toBe(100);
    const sequences = results.map((r) => r.json().sequence as number).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(numbers).toContain(`${year()}-A-000100`);
  });

  it('gives back the number of a registration that rolled back', async () => {
    const fresh = await createTestOrg(t.app, ['secretariat']);
    const cookie = await signIn(t.app, fresh.users.secretariat);
    const first = await as(t.app, cookie).post('/api/v1/correspondence', item());
    expect(first.json().sequence).toBe(1);
    // A refused registration (unknown territory) takes no number either.
    const failed = await as(t.app, cookie).post(
      '/api/v1/correspondence',
      item({ territoryId: '0190a000-0000-7000-8000-000000000000' }),
    );
    expect(failed.statusCode).toBe(400);
    expect(paths(failed)).toEqual(['territoryId']);
    // A registration whose transaction fails after numbering (here on purpose) gives its number back.
    const { registerCorrespondence } = await import('./commands/register-correspondence');
    const actor = {
      userId: fresh.users.secretariat.id,
      name: 'x',
      email: 'x@example.nc',
      orgId: fresh.orgId,
      role: 'secretariat' as const,
      sessionId: '',
      ip: '',
    };
    await expect(
      t.app.ctx.db.transaction(async (tx) => {
        const row = await registerCorrespondence(tx, actor, item() as never, {
          timeZone: 'Pacific/Noumea',
          officialCode: '98817',
          region: 'NC',
        });
        expect(row.sequence).toBe(2);
        throw new Error('rolled back after numbering');
      }),
    ).rejects.toThrow('rolled back after numbering');
    const next = await as(t.app, cookie).post('/api/v1/correspondence', item());
    expect(next.json().sequence).toBe(2);
  });
});

describe('bad input', () => {
  it('POST: missing or wrong fields get 400 problem+json in French, nothing written', async () => {
    const items = await countRows(t.app, 'correspondence_items');
    const contacts = await countRows(t.app, 'contacts');
    const res = await api('secretariat').post('/api/v1/correspondence', {
      direction: 'sideways',
      channel: 'pigeon',
      subject: '',
      sender: { name: 'X', email: 'pas-un-courriel' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(paths(res)).toEqual(expect.arrayContaining(['direction', 'channel', 'subject', 'sender.email']));
    expect(res.json().errors.find((e: { path: string }) => e.path === 'sender.email').message).toMatch(/adresse/i);

    const unknownType = await api('secretariat').post('/api/v1/correspondence', item({ typeId: otherTypes.demande }));
    expect(unknownType.statusCode).toBe(400);
    expect(paths(unknownType)).toEqual(['typeId']);

    const future = await api('secretariat').post(
      '/api/v1/correspondence',
      item({ receivedAt: new Date(Date.now() + 86_400_000).toISOString() }),
    );
    expect(future.statusCode).toBe(400);
    expect(paths(future)).toEqual(['receivedAt']);
    expect(future.json().detail).toMatch(/futur/);

    expect(await countRows(t.app, 'correspondence_items')).toBe(items);
    expect(await countRows(t.app, 'contacts')).toBe(contacts);
  });

  it('POST and PATCH: naming someone outside the organisation gets 400 on members, nothing written', async () => {
    const items = await countRows(t.app, 'correspondence_items');
    const res = await api('secretariat').post(
      '/api/v1/correspondence',
      item({ members: [org.users.advisor.id, other.users.secretariat.id] }),
    );
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(['members.1']);
    expect(res.json().errors[0].message).toMatch(/membre/);
    expect(await countRows(t.app, 'correspondence_items')).toBe(items);

    const created = (await api('secretariat').post('/api/v1/correspondence', item())).json();
    const patch = await api('secretariat').patch(`/api/v1/correspondence/${created.id}`, {
      members: ['0190a000-0000-7000-8000-000000000000'],
    });
    expect(patch.statusCode).toBe(400);
    expect(paths(patch)).toEqual(['members.0']);
    expect((await api('secretariat').get(`/api/v1/correspondence/${created.id}`)).json().members).toEqual([]);
  });

  it('GET list and item: bad filters and ids get 400', async () => {
    const list = await api('secretariat').get('/api/v1/correspondence?status=lost&from=hier&cursor=zzz');
    expect(list.statusCode).toBe(400);
    expect(paths(list)).toEqual(expect.arrayContaining(['status', 'from']));
    const cursor = await api('secretariat').get('/api/v1/correspondence?cursor=bm9wZQ');
    expect(cursor.statusCode).toBe(400);
    expect(paths(cursor)).toEqual(['cursor']);
    const one = await api('secretariat').get('/api/v1/correspondence/not-a-uuid');
    expect(one.statusCode).toBe(400);
    expect(paths(one)).toEqual(['id']);
  });

  it('PATCH: empty or wrong changes get 400 and leave the item as it was', async () => {
    // A text of its own: the shared one would join the other tests' items in a campaign (audited).
    const body = 'Bonjour, un nid-de-poule profond s’est ouvert devant la pharmacie de Boulari.';
    const created = (await api('secretariat').post('/api/v1/correspondence', item({ body }))).json();
    const empty = await api('secretariat').patch(`/api/v1/correspondence/${created.id}`, {});
    expect(empty.statusCode).toBe(400);
    const wrong = await api('secretariat').patch(`/api/v1/correspondence/${created.id}`, {
      channel: 'fax',
      registrationNumber: '1999-A-000001',
    });
    expect(wrong.statusCode).toBe(400);
    expect(paths(wrong)).toEqual(expect.arrayContaining(['channel']));
    const after = (await api('secretariat').get(`/api/v1/correspondence/${created.id}`)).json();
    expect(after).toMatchObject({ channel: created.channel, registrationNumber: created.registrationNumber });
    expect(await auditActions(created.id)).toEqual(['correspondence.register']);
  });
});

describe('update', () => {
  it('corrects a registered item, recomputes its dates from the new type, audits; refuses once routed (409)', async () => {
    const created = (
      await api('secretariat').post(
        '/api/v1/correspondence',
        item({
          receivedAt: '2026-09-22T21:00:00Z',
          body: 'L’école de Boulari nous invite à sa kermesse de fin d’année.',
        }),
      )
    ).json();
    expect(created.dueDate).toBeNull();
    const res = await api('secretariat').patch(`/api/v1/correspondence/${created.id}`, {
      subject: 'Invitation à la kermesse de l’école de Boulari',
      typeId: types.invitation,
    });
    expect(res.statusCode).toBe(200);
    // Five working days from Wednesday 23 September, skipping the 24th: 1 October.
    expect(res.json()).toMatchObject({
      dueDate: '2026-10-01',
      implicitDecisionDate: null,
      registrationNumber: created.registrationNumber,
    });
    expect(await auditActions(created.id)).toEqual(['correspondence.register', 'correspondence.update']);
    const [audit] = await queryRows<{ summary: { after: Record<string, unknown> } }>(
      t.app.ctx.db,
      sql`select summary from audit_log where record_id = ${created.id} and action = 'correspondence.update'`,
    );
    // Only what changed: not the untouched date and members, nor the text itself.
    expect(Object.keys(audit?.summary.after ?? {}).sort()).toEqual(['dueDate', 'subject', 'typeId']);

    await t.app.ctx.db.execute(sql`update correspondence_items set status = 'routed' where id = ${created.id}`);
    const late = await api('secretariat').patch(`/api/v1/correspondence/${created.id}`, { subject: 'Autre objet' });
    expect(late.statusCode).toBe(409);
    const got = (await api('secretariat').get(`/api/v1/correspondence/${created.id}`)).json();
    expect(got.subject).toBe('Invitation à la kermesse de l’école de Boulari');
    expect(got.policies.update).toBe(false);
  });
});

describe('update of the writer and the confidentiality', () => {
  it('re-matches a corrected writer and hides an item made confidential from the advisor and the search', async () => {
    const created = (
      await api('chief_of_staff').post('/api/v1/correspondence', item({ subject: 'Terrain de pétanque de Robinson' }))
    ).json();
    expect(await searchIds(cookies.advisor, 'pétanque Robinson')).toContain(created.id);
    const known = (
      await api('secretariat').post('/api/v1/contacts', {
        kind: 'person',
        firstName: 'Sylvain',
        lastName: 'Goa',
        emails: [{ email: 'sylvain.goa@example.nc' }],
      })
    ).json();
    const res = await api('chief_of_staff').patch(`/api/v1/correspondence/${created.id}`, {
      sender: { name: 'S. Goa', email: 'sylvain.goa@example.nc' },
      confidentiality: 'confidential',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      senderContactId: known.id,
      sender: { name: 'S. Goa', email: 'sylvain.goa@example.nc' },
      confidentiality: 'confidential',
      members: [org.users.chief_of_staff.id],
    });
    expect((await api('advisor').get(`/api/v1/correspondence/${created.id}`)).statusCode).toBe(404);
    expect(await searchIds(cookies.advisor, 'pétanque Robinson')).not.toContain(created.id);
    expect(await searchIds(cookies.group_staff, 'pétanque Robinson')).toEqual([]);
  });
});

describe('search by tag', () => {
  it('finds an item by a tag given in bulk or by an edit, with the item’s access rules, and forgets a removed tag', async () => {
    const created = (await api('secretariat').post('/api/v1/correspondence', item({ subject: 'Nid-de-poule' }))).json();
    expect(await searchIds(cookies.chief_of_staff, 'Koutio')).not.toContain(created.id);
    const bulk = await api('chief_of_staff').post('/api/v1/correspondence/tags', {
      itemIds: [created.id],
      add: ['Koutio'],
    });
    expect(bulk.json()).toMatchObject({ updated: 1, skippedIds: [] });
    expect(await searchIds(cookies.chief_of_staff, 'koutio')).toEqual([created.id]);
    expect(await searchIds(cookies.secretariat, 'Koutio')).toEqual([created.id]);
    // Group staff never see correspondence: the tag finds nothing for them.
    expect(await searchIds(cookies.group_staff, 'Koutio')).toEqual([]);
    expect(await searchIds(cookies.services, 'Koutio')).toEqual([]);

    // The edit replaces the tags: the new one is found, the old one no longer is.
    const patched = await api('secretariat').patch(`/api/v1/correspondence/${created.id}`, { tags: ['Ouemo'] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await searchIds(cookies.chief_of_staff, 'Ouemo')).toEqual([created.id]);
    expect(await searchIds(cookies.chief_of_staff, 'Koutio')).toEqual([]);

    await api('chief_of_staff').post('/api/v1/correspondence/tags', { itemIds: [created.id], remove: ['Ouemo'] });
    expect(await searchIds(cookies.chief_of_staff, 'Ouemo')).toEqual([]);
  });
});

describe('list', () => {
  it('pages newest received first and filters by channel, period, number and subject words', async () => {
    const fresh = await createTestOrg(t.app, ['secretariat']);
    const cookie = await signIn(t.app, fresh.users.secretariat);
    const call = as(t.app, cookie);
    const a = (
      await call.post(
        '/api/v1/correspondence',
        item({ channel: 'visit', subject: 'Permis de construire à Plum', receivedAt: '2026-03-02T00:00:00Z' }),
      )
    ).json();
    const b = (
      await call.post(
        '/api/v1/correspondence',
        item({ channel: 'postal', subject: 'Route de la Coulée', receivedAt: '2026-04-10T00:00:00Z' }),
      )
    ).json();
    const c = (
      await call.post(
        '/api/v1/correspondence',
        item({ channel: 'postal', subject: 'Cantine scolaire', receivedAt: '2026-05-20T00:00:00Z' }),
      )
    ).json();

    const first = (await call.get('/api/v1/correspondence?limit=2')).json();
    expect(first.data.map((x: { id: string }) => x.id)).toEqual([c.id, b.id]);
    const second = (await call.get(`/api/v1/correspondence?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.data.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect(second.nextCursor).toBeNull();

    const postal = (await call.get('/api/v1/correspondence?channel=postal')).json();
    expect(postal.data.map((x: { id: string }) => x.id)).toEqual([c.id, b.id]);
    // 2 March 00:00 UTC is 2 March 11:00 in Nouméa; 10 April likewise.
    const april = (await call.get('/api/v1/correspondence?from=2026-04-01&to=2026-04-30')).json();
    expect(april.data.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const byNumber = (await call.get(`/api/v1/correspondence?q=${a.registrationNumber}`)).json();
    expect(byNumber.data.map((x: { id: string }) => x.id)).toEqual([a.id]);
    const byWords = (await call.get('/api/v1/correspondence?q=coulee')).json();
    expect(byWords.data.map((x: { id: string }) => x.id)).toEqual([b.id]);
  });

  it('gives each row the opening of the text, not the text; the detail keeps it whole', async () => {
    const call = api('secretariat');
    const sentence = 'Madame la Maire,\n\n  je vous écris au sujet du ralentisseur de la rue des Flamboyants. ';
    const long = (
      await call.post(
        '/api/v1/correspondence',
        item({ subject: `Lettre longue ${Date.now()}`, body: sentence.repeat(20) }),
      )
    ).json();
    const short = (
      await call.post('/api/v1/correspondence', item({ subject: `Lettre courte ${Date.now()}`, body: 'Merci.' }))
    ).json();
    const rows = (await call.get('/api/v1/correspondence?limit=2')).json().data;
    expect(rows.map((x: { id: string }) => x.id)).toEqual([short.id, long.id]);
    expect(rows[0]).not.toHaveProperty('body');
    expect(rows[0].excerpt).toBe('Merci.');
    const excerpt: string = rows[1].excerpt;
    // Whitespace folded, cut at a word before 200 characters, marked as cut.
    expect(excerpt.startsWith('Madame la Maire, je vous écris au sujet du ralentisseur')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(200);
    expect(excerpt.length).toBeGreaterThan(140);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).not.toMatch(/\s{2}|\n/);
    expect((await call.get(`/api/v1/correspondence/${long.id}`)).json().body).toBe(sentence.repeat(20).trim());
  });
});

describe('numbering settings', () => {
  it('the heads set the formats, audited; the next numbers follow them; another organisation keeps its own', async () => {
    const fresh = await createTestOrg(t.app, ['chief_of_staff', 'secretariat', 'advisor', 'admin']);
    const head = as(t.app, await signIn(t.app, fresh.users.chief_of_staff));
    const secretariat = as(t.app, await signIn(t.app, fresh.users.secretariat));
    expect((await head.get('/api/v1/correspondence/settings')).json()).toEqual({
      incomingFormat: '{year}-A-{seq:6}',
      outgoingFormat: '{year}-D-{seq:6}',
      autoAcknowledge: true,
    });
    const first = (await secretariat.post('/api/v1/correspondence', item())).json();
    expect(first.registrationNumber).toBe(`${year()}-A-000001`);

    const set = await head.put('/api/v1/correspondence/settings', {
      incomingFormat: 'ARR/{year}/{seq:4}',
      outgoingFormat: 'DEP/{year}/{seq:4}',
    });
    expect(set.statusCode).toBe(200);
    const second = (await secretariat.post('/api/v1/correspondence', item())).json();
    // The counter goes on: the register stays gapless across the change.
    expect(second.registrationNumber).toBe(`ARR/${year()}/0002`);
    const [audit] = await queryRows<{ action: string }>(
      t.app.ctx.db,
      sql`select action from audit_log where org_id = ${fresh.orgId} and action like 'correspondence.numbering%'`,
    );
    expect(audit?.action).toBe('correspondence.numbering_update');

    expect(
      (await as(t.app, otherCookies.chief_of_staff as string).get('/api/v1/correspondence/settings')).json(),
    ).toEqual({
      incomingFormat: '{year}-A-{seq:6}',
      outgoingFormat: '{year}-D-{seq:6}',
      autoAcknowledge: true,
    });
    // The admin keeps settings; an advisor and group staff do not.
    expect(
      (await as(t.app, await signIn(t.app, fresh.users.admin)).get('/api/v1/correspondence/settings')).statusCode,
    ).toBe(200);
    const advisor = as(t.app, await signIn(t.app, fresh.users.advisor));
    expect(
      (
        await advisor.put('/api/v1/correspondence/settings', {
          incomingFormat: 'X{year}{seq}',
          outgoingFormat: 'Y{year}{seq}',
        })
      ).statusCode,
    ).toBe(403);
    expect((await api('group_staff').get('/api/v1/correspondence/settings')).statusCode).toBe(403);
  });

  it('a format without its sequence, or alike for both directions, is 400 with the field, nothing written', async () => {
    const settingsRows = await countRows(t.app, 'correspondence_settings');
    const bad = await api('chief_of_staff').put('/api/v1/correspondence/settings', {
      incomingFormat: '{year}-A',
      outgoingFormat: '{year}-D-{seq:6}',
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['incomingFormat']);
    const alike = await api('chief_of_staff').put('/api/v1/correspondence/settings', {
      incomingFormat: '{year}-{seq:6}',
      outgoingFormat: '{year}-{seq:6}',
    });
    expect(alike.statusCode).toBe(400);
    expect(paths(alike)).toEqual(['outgoingFormat']);
    expect(alike.json().errors[0].message).toMatch(/arrivée et départ/);
    expect((await api('chief_of_staff').get('/api/v1/correspondence/settings')).json().incomingFormat).toBe(
      '{year}-A-{seq:6}',
    );
    expect(await countRows(t.app, 'correspondence_settings')).toBe(settingsRows);
  });
});

describe('item types', () => {
  it('lists the organisation’s types by code, paged; bad paging is 400; group staff 403; never another organisation’s', async () => {
    const first = await api('advisor').get('/api/v1/correspondence/types?limit=4');
    expect(first.statusCode).toBe(200);
    expect(first.json().data.map((x: { code: string }) => x.code)).toEqual([
      'courrier',
      'demande',
      'demande_subvention',
      'invitation',
    ]);
    const rest = (
      await api('advisor').get(`/api/v1/correspondence/types?limit=4&cursor=${first.json().nextCursor}`)
    ).json();
    expect(rest.data.map((x: { code: string }) => x.code)).toEqual(['petition', 'reclamation']);
    expect(rest.nextCursor).toBeNull();
    expect(first.json().data[1]).toMatchObject({
      id: types.demande,
      acknowledgementDue: true,
      implicitDecisionRule: 'acceptance',
      implicitDecisionMonths: 2,
    });
    const ids = first
      .json()
      .data.concat(rest.data)
      .map((x: { id: string }) => x.id);
    expect(ids).not.toContain(otherTypes.demande);
    expect((await api('advisor').get('/api/v1/correspondence/types?limit=0')).statusCode).toBe(400);
    expect((await api('group_staff').get('/api/v1/correspondence/types')).statusCode).toBe(403);
  });
});

describe('permissions', () => {
  it('group staff get 404 on every route of an item and find none in search; the admin is refused (403)', async () => {
    const created = (
      await api('secretariat').post('/api/v1/correspondence', item({ subject: 'Kiosque du marché de Boulari' }))
    ).json();
    const itemRoutes = t.app.apiRoutes.filter((r) => r.url.startsWith('/api/v1/correspondence/:id'));
    expect(itemRoutes.length).toBeGreaterThan(15);
    for (const route of itemRoutes) {
      const url = route.url.replace(':id', created.id).replace(/:\w+/g, '00000000-0000-7000-8000-000000000000');
      const res = await t.app.inject({
        method: route.method as 'GET',
        url,
        headers: { cookie: cookies.group_staff, 'content-type': 'application/json' },
        ...(route.method === 'GET' ? {} : { payload: '{}' }),
      });
      expect.soft(res.statusCode, `${route.method} ${route.url}`).toBe(404);
    }
    expect((await api('group_staff').get('/api/v1/correspondence')).statusCode).toBe(403);
    expect(await searchIds(cookies.group_staff, 'kiosque Boulari')).toEqual([]);
    expect(await searchIds(cookies.secretariat, 'kiosque Boulari')).toContain(created.id);
    expect((await api('admin').get('/api/v1/correspondence')).statusCode).toBe(403);
    expect((await api('admin').get(`/api/v1/correspondence/${created.id}`)).statusCode).toBe(403);
    expect((await api('admin').post('/api/v1/correspondence', item())).statusCode).toBe(403);
    expect((await api('admin').patch(`/api/v1/correspondence/${created.id}`, { subject: 'x' })).statusCode).toBe(403);
  });

  it('services and officials see only what they are named on; they register nothing', async () => {
    const plain = (
      await api('secretariat').post('/api/v1/correspondence', item({ subject: 'Dossier voirie Yahoué' }))
    ).json();
    const named = (
      await api('secretariat').post(
        '/api/v1/correspondence',
        item({ subject: 'Dossier voirie Pont-des-Français', members: [org.users.services.id] }),
      )
    ).json();
    for (const role of ['services', 'official'] as const) {
      expect((await api(role).get(`/api/v1/correspondence/${plain.id}`)).statusCode).toBe(404);
      expect((await api(role).post('/api/v1/correspondence', item())).statusCode).toBe(403);
      const ids = (await api(role).get('/api/v1/correspondence?limit=200'))
        .json()
        .data.map((x: { id: string }) => x.id);
      expect(ids).not.toContain(plain.id);
      expect(await searchIds(cookies[role], 'voirie Yahoué')).not.toContain(plain.id);
    }
    expect((await api('services').get(`/api/v1/correspondence/${named.id}`)).statusCode).toBe(200);
    expect((await api('official').get(`/api/v1/correspondence/${named.id}`)).statusCode).toBe(404);
    expect(await searchIds(cookies.services, 'voirie Pont-des-Français')).toContain(named.id);
  });

  it('an advisor gets 404 on a confidential item they are not named on and never finds it', async () => {
    const secret = (
      await api('chief_of_staff').post(
        '/api/v1/correspondence',
        item({ subject: 'Signalement confidentiel Saint-Louis', confidentiality: 'confidential' }),
      )
    ).json();
    expect(secret.members).toEqual([org.users.chief_of_staff.id]);
    expect((await api('advisor').get(`/api/v1/correspondence/${secret.id}`)).statusCode).toBe(404);
    expect((await api('advisor').patch(`/api/v1/correspondence/${secret.id}`, { subject: 'x' })).statusCode).toBe(404);
    const ids = (await api('advisor').get('/api/v1/correspondence?limit=200'))
      .json()
      .data.map((x: { id: string }) => x.id);
    expect(ids).not.toContain(secret.id);
    expect(await searchIds(cookies.advisor, 'Signalement confidentiel Saint-Louis')).not.toContain(secret.id);
    expect(await searchIds(cookies.executive, 'Signalement confidentiel Saint-Louis')).toContain(secret.id);
    expect((await api('executive').get(`/api/v1/correspondence/${secret.id}`)).statusCode).toBe(200);

    await api('chief_of_staff').patch(`/api/v1/correspondence/${secret.id}`, {
      members: [org.users.chief_of_staff.id, org.users.advisor.id],
    });
    expect((await api('advisor').get(`/api/v1/correspondence/${secret.id}`)).statusCode).toBe(200);
  });
});

describe('cross-organisation', () => {
  it('another organisation’s item is 404 to read or edit and absent from lists and search', async () => {
    const mine = (
      await api('secretariat').post('/api/v1/correspondence', item({ subject: 'Fête du bœuf à Ouénarou' }))
    ).json();
    const theirs = as(t.app, otherCookies.chief_of_staff as string);
    expect((await theirs.get(`/api/v1/correspondence/${mine.id}`)).statusCode).toBe(404);
    expect((await theirs.patch(`/api/v1/correspondence/${mine.id}`, { subject: 'x' })).statusCode).toBe(404);
    const ids = (await theirs.get('/api/v1/correspondence?limit=200')).json().data.map((x: { id: string }) => x.id);
    expect(ids).not.toContain(mine.id);
    expect(await searchIds(otherCookies.chief_of_staff as string, 'Fête du bœuf Ouénarou')).not.toContain(mine.id);
    // Their own numbering starts afresh.
    const own = await theirs.post('/api/v1/correspondence', item());
    expect(own.json().registrationNumber).toBe(`${year()}-A-000001`);
  });
});
