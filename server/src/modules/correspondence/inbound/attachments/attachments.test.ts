import { createHash } from 'node:crypto';
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
} from '../../../../../test/test-app';
import { queryRows } from '../../../../platform/db/client';
import { storeFile } from '../../../../platform/files/store-file';
import { pdfWithText, postForm, TINY_PNG } from '../test-support';

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
const cookies = {} as Record<TRole, string>;
let otherCookie: string;
const api = (role: TRole) => as(t.app, cookies[role]);
const paths = (res: { json(): { errors?: { path: string }[] } }) => (res.json().errors ?? []).map((e) => e.path);

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app);
  other = await createTestOrg(t.app, ['chief_of_staff', 'secretariat']);
  for (const role of ROLES) cookies[role] = await signIn(t.app, org.users[role]);
  otherCookie = await signIn(t.app, other.users.chief_of_staff);
});
afterAll(() => t.close());

async function searchIds(role: TRole, q: string): Promise<string[]> {
  const res = await api(role).get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);
  expect(res.statusCode).toBe(200);
  return (res.json().groups as { kind: string; hits: { recordId: string }[] }[])
    .filter((g) => g.kind === 'mail')
    .flatMap((g) => g.hits.map((h) => h.recordId));
}

async function register(role: TRole = 'secretariat', over: Record<string, unknown> = {}): Promise<string> {
  const res = await api(role).post('/api/v1/correspondence', {
    direction: 'in',
    channel: 'postal',
    subject: 'Demande de subvention du club de va’a',
    sender: { name: 'Association Va’a Mont-Dore' },
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const scanFields = {
  subject: 'Lampadaire éteint rue des Flamboyants',
  senderName: 'Mme Hélène WÉA',
  senderAddress: '12 rue des Flamboyants, 98809 Mont-Dore',
  receivedAt: '2026-11-16T09:00:00+11:00',
  topic: 'Voirie',
};

describe('a postal letter registered with its scan', () => {
  it('registers the letter and its PDF in one request; the scan’s text is found in search once extracted', async () => {
    const pdf = await pdfWithText('Le lampadaire numéro 4 est éteint depuis le cyclone.', 'Signé : un kangourou');
    const res = await postForm(t.app, cookies.secretariat, '/api/v1/correspondence/scan', scanFields, [
      // The client's claimed type is ignored: the server reads the bytes.
      { name: 'scan.pdf', content: pdf, type: 'text/html' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.registrationNumber).toMatch(/^\d{4}-A-\d{6}$/);
    expect(body.attachments).toEqual([
      expect.objectContaining({
        filename: 'scan.pdf',
        mediaType: 'application/pdf',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        textExtracted: false,
      }),
    ]);
    const item = (await api('advisor').get(`/api/v1/correspondence/${body.itemId}`)).json();
    expect(item).toMatchObject({
      channel: 'postal',
      subject: scanFields.subject,
      receivedAt: '2026-11-15T22:00:00.000Z',
    });
    expect(item.sender).toMatchObject({ name: 'Mme Hélène WÉA', address: scanFields.senderAddress });

    const [job] = await queryRows<{ kind: string; payload: { fileId: string } }>(
      t.app.ctx.db,
      sql`select kind, payload from jobs where kind = 'correspondence.extract_text' and payload->>'itemId' = ${body.itemId}`,
    );
    expect(job?.payload.fileId).toBe(body.attachments[0].id);
    expect(await searchIds('chief_of_staff', 'kangourou')).toEqual([]);
    await t.app.ctx.jobs.runDue();
    expect(await searchIds('chief_of_staff', 'kangourou')).toEqual([body.itemId]);
    expect(await searchIds('secretariat', 'cyclone lampadaire')).toEqual([body.itemId]);
    expect(await searchIds('group_staff', 'kangourou')).toEqual([]);
    // A second run finds the file done and changes nothing (at-least-once delivery).
    await t.app.ctx.jobs.runDue();
    expect(await searchIds('chief_of_staff', 'kangourou')).toEqual([body.itemId]);
    // A correction re-indexes the item: the scan's text stays with the new subject.
    const edited = await api('secretariat').patch(`/api/v1/correspondence/${body.itemId}`, {
      subject: 'Éclairage de la marina',
    });
    expect(edited.statusCode).toBe(200);
    expect(await searchIds('chief_of_staff', 'kangourou')).toEqual([body.itemId]);
    expect(await searchIds('chief_of_staff', 'marina')).toEqual([body.itemId]);
  });

  it('refuses missing fields, a missing file, a file of an unknown type, writing nothing', async () => {
    const before = { items: await countRows(t.app, 'correspondence_items'), files: await countRows(t.app, 'files') };
    const noSubject = await postForm(t.app, cookies.secretariat, '/api/v1/correspondence/scan', { senderName: 'X' }, [
      { name: 'a.png', content: TINY_PNG },
    ]);
    expect(noSubject.statusCode).toBe(400);
    expect(paths(noSubject)).toEqual(['subject']);
    const noFile = await postForm(t.app, cookies.secretariat, '/api/v1/correspondence/scan', scanFields);
    expect(noFile.statusCode).toBe(400);
    expect(paths(noFile)).toEqual(['file']);
    const html = await postForm(t.app, cookies.secretariat, '/api/v1/correspondence/scan', scanFields, [
      { name: 'scan.pdf', content: Buffer.from('<html><script>alert(1)</script></html>'), type: 'application/pdf' },
    ]);
    expect(html.statusCode).toBe(422);
    expect(html.headers['content-type']).toMatch(/problem\+json/);
    expect(html.json().detail).toMatch(/n’est pas d’un type accepté/);
    expect(paths(html)).toEqual(['file']);
    expect(await countRows(t.app, 'correspondence_items')).toBe(before.items);
    expect(await countRows(t.app, 'files')).toBe(before.files);
  });

  it('is refused to roles that do not register mail (403)', async () => {
    for (const role of ['services', 'official', 'group_staff', 'admin'] as const) {
      const res = await postForm(t.app, cookies[role], '/api/v1/correspondence/scan', scanFields, [
        { name: 'a.png', content: TINY_PNG },
      ]);
      expect(res.statusCode, role).toBe(403);
    }
  });

  it('refuses a file over 20 MB with a French 413, writing nothing', async () => {
    const before = await countRows(t.app, 'files');
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    big.write('%PDF-1.4\n');
    const res = await postForm(t.app, cookies.secretariat, '/api/v1/correspondence/scan', scanFields, [
      { name: 'gros.pdf', content: big },
    ]);
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/20 Mo/);
    expect(await countRows(t.app, 'files')).toBe(before);
  });
});

describe('attachments of an item', () => {
  let itemId: string;
  let fileId: string;

  it('attaches files to an item, lists them and serves them as downloads that are never rendered', async () => {
    itemId = await register();
    const pdf = await pdfWithText('Budget prévisionnel : une pirogue à balancier.');
    const res = await postForm(t.app, cookies.advisor, `/api/v1/correspondence/${itemId}/attachments`, {}, [
      { name: 'budget.pdf', content: pdf },
      { name: '../photo:club?.png', content: TINY_PNG, type: 'application/pdf' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const data = res.json().data;
    expect(data.map((f: { filename: string; mediaType: string }) => [f.filename, f.mediaType])).toEqual([
      ['budget.pdf', 'application/pdf'],
      ['photo_club_.png', 'image/png'],
    ]);
    fileId = data[0].id;
    expect(data[0].policies).toEqual({ delete: true });

    const list = await api('chief_of_staff').get(`/api/v1/correspondence/${itemId}/attachments?limit=1`);
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toHaveLength(1);
    const next = await api('chief_of_staff').get(
      `/api/v1/correspondence/${itemId}/attachments?limit=1&cursor=${list.json().nextCursor}`,
    );
    expect(next.json()).toMatchObject({ data: [{ filename: 'photo_club_.png' }], nextCursor: null });

    for (const url of [`/api/v1/correspondence/${itemId}/attachments/${fileId}`, `/api/v1/files/${fileId}`]) {
      const dl = await api('communication').get(url);
      expect(dl.statusCode, url).toBe(200);
      expect(dl.headers['content-type']).toBe('application/pdf');
      expect(dl.headers['content-disposition']).toBe(`attachment; filename="budget.pdf"; filename*=UTF-8''budget.pdf`);
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
      expect(dl.rawPayload.equals(pdf)).toBe(true);
    }
  });

  it('answers 400 for a bad cursor and an empty upload, writing nothing', async () => {
    const before = await countRows(t.app, 'files');
    const cursor = await api('advisor').get(`/api/v1/correspondence/${itemId}/attachments?cursor=zzz`);
    expect(cursor.statusCode).toBe(400);
    expect(paths(cursor)).toEqual(['cursor']);
    const empty = await postForm(t.app, cookies.advisor, `/api/v1/correspondence/${itemId}/attachments`, {});
    expect(empty.statusCode).toBe(400);
    expect(paths(empty)).toEqual(['file']);
    expect(paths(await api('advisor').get('/api/v1/files/nope'))).toEqual(['id']);
    expect(paths(await api('advisor').get(`/api/v1/correspondence/${itemId}/attachments/nope`))).toEqual(['fileId']);
    const json = await api('advisor').post(`/api/v1/correspondence/${itemId}/attachments`, { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(await countRows(t.app, 'files')).toBe(before);
  });

  it('hides the files of an item the actor may not see: another organisation, group staff, a confidential item (404)', async () => {
    const otherApi = as(t.app, otherCookie);
    expect((await otherApi.get(`/api/v1/correspondence/${itemId}/attachments`)).statusCode).toBe(404);
    expect((await otherApi.get(`/api/v1/correspondence/${itemId}/attachments/${fileId}`)).statusCode).toBe(404);
    expect((await otherApi.get(`/api/v1/files/${fileId}`)).statusCode).toBe(404);
    const upload = await postForm(t.app, otherCookie, `/api/v1/correspondence/${itemId}/attachments`, {}, [
      { name: 'x.png', content: TINY_PNG },
    ]);
    expect(upload.statusCode).toBe(404);
    // Group staff and the admin never reach correspondence (403), and the files route says 404.
    expect((await api('group_staff').get(`/api/v1/correspondence/${itemId}/attachments`)).statusCode).toBe(404);
    expect((await api('group_staff').get(`/api/v1/files/${fileId}`)).statusCode).toBe(404);
    expect((await api('admin').get(`/api/v1/files/${fileId}`)).statusCode).toBe(404);
    // Services see only what concerns them: not this item.
    expect((await api('services').get(`/api/v1/files/${fileId}`)).statusCode).toBe(404);

    const secret = await register('chief_of_staff', { confidentiality: 'confidential' });
    const put = await postForm(t.app, cookies.chief_of_staff, `/api/v1/correspondence/${secret}/attachments`, {}, [
      { name: 'secret.png', content: TINY_PNG },
    ]);
    expect(put.statusCode).toBe(201);
    const secretFile = put.json().data[0].id;
    expect((await api('advisor').get(`/api/v1/correspondence/${secret}/attachments`)).statusCode).toBe(404);
    expect((await api('advisor').get(`/api/v1/files/${secretFile}`)).statusCode).toBe(404);
    expect((await api('executive').get(`/api/v1/files/${secretFile}`)).statusCode).toBe(200);
  });

  it('serves no file whose kind of owner nobody declared (deny by default)', async () => {
    const orphan = await t.app.ctx.db.transaction((tx) =>
      storeFile(tx, {
        orgId: org.orgId,
        owner: { kind: 'nobody', id: itemId },
        filename: 'x.png',
        content: TINY_PNG,
        createdBy: null,
        accept: 'known',
      }),
    );
    expect((await api('executive').get(`/api/v1/files/${orphan.id}`)).statusCode).toBe(404);
  });

  it('lets roles that do not register mail read but not attach nor remove (403)', async () => {
    for (const role of ['services', 'official'] as const) {
      const res = await postForm(t.app, cookies[role], `/api/v1/correspondence/${itemId}/attachments`, {}, [
        { name: 'x.png', content: TINY_PNG },
      ]);
      expect(res.statusCode, role).toBe(403);
      expect((await api(role).delete(`/api/v1/correspondence/${itemId}/attachments/${fileId}`)).statusCode).toBe(403);
    }
  });

  it('removes an attachment while the item is registered, its text leaving the search; 409 once routed', async () => {
    await t.app.ctx.jobs.runDue();
    expect(await searchIds('chief_of_staff', 'pirogue balancier')).toEqual([itemId]);
    const gone = await api('secretariat').delete(`/api/v1/correspondence/${itemId}/attachments/${fileId}`);
    expect(gone.statusCode, gone.body).toBe(204);
    expect(await searchIds('chief_of_staff', 'pirogue balancier')).toEqual([]);
    expect((await api('secretariat').get(`/api/v1/files/${fileId}`)).statusCode).toBe(404);
    expect((await api('secretariat').delete(`/api/v1/correspondence/${itemId}/attachments/${fileId}`)).statusCode).toBe(
      404,
    );
    const [audit] = await queryRows<{ action: string }>(
      t.app.ctx.db,
      sql`select action from audit_log where record_id = ${itemId} order by id desc limit 1`,
    );
    expect(audit?.action).toBe('correspondence.attachment_delete');

    const [left] = (await api('secretariat').get(`/api/v1/correspondence/${itemId}/attachments`)).json().data;
    await t.app.ctx.db.execute(sql`update correspondence_items set status = 'routed' where id = ${itemId}`);
    const before = await countRows(t.app, 'files');
    const routed = await api('secretariat').delete(`/api/v1/correspondence/${itemId}/attachments/${left.id}`);
    expect(routed.statusCode).toBe(409);
    expect(routed.json().detail).toMatch(/pas encore imputé/);
    expect(await countRows(t.app, 'files')).toBe(before);
    expect(
      (await api('secretariat').get(`/api/v1/correspondence/${itemId}/attachments`)).json().data[0].policies,
    ).toEqual({
      delete: false,
    });
  });
});

describe('the other channels', () => {
  it('registers phone calls, visits and social-media messages through the create route', async () => {
    for (const channel of ['phone', 'visit', 'social'] as const) {
      const id = await register('secretariat', { channel, subject: `Message reçu par ${channel}` });
      expect((await api('secretariat').get(`/api/v1/correspondence/${id}`)).json().channel).toBe(channel);
    }
  });
});
