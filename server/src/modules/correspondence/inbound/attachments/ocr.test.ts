import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPdfToPpm, hasTesseract } from '../../../../../test/tesseract';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../../../test/test-app';
import { queryRows } from '../../../../platform/db/client';
import { pdfWithText, postForm } from '../test-support';

const run = promisify(execFile);

let t: TestApp;
let org: TestOrg;
let other: TestOrg;
let secretariat: string;
let otherChief: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app, ['secretariat']);
  other = await createTestOrg(t.app, ['chief_of_staff']);
  secretariat = await signIn(t.app, org.users.secretariat);
  otherChief = await signIn(t.app, other.users.chief_of_staff);
});
afterAll(() => t.close());

/** A scanner's page: the sentence printed (pdfkit, large type), then rendered to a PNG at 200 dpi. */
async function scannedPng(sentence: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.fontSize(18).text(sentence);
  doc.end();
  await done;
  const dir = await mkdtemp(join(tmpdir(), 'dircab-ocr-test-'));
  try {
    await writeFile(join(dir, 'page.pdf'), Buffer.concat(chunks));
    await run('pdftoppm', ['-r', '200', '-png', '-singlefile', join(dir, 'page.pdf'), join(dir, 'page')]);
    return await readFile(join(dir, 'page.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A PDF holding only a picture of the page: no text layer, as a cheap scanner makes them. */
async function imageOnlyPdf(png: Buffer): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.image(png, 0, 0, { fit: [doc.page.width, doc.page.height] });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

async function registerScan(subject: string, file: { name: string; content: Buffer }) {
  const res = await postForm(
    t.app,
    secretariat,
    '/api/v1/correspondence/scan',
    { subject, senderName: 'M. Paul Wéa' },
    [file],
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { itemId: string; attachments: { id: string }[] };
}

async function searchIds(cookie: string, q: string): Promise<string[]> {
  const res = await as(t.app, cookie).get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);
  expect(res.statusCode).toBe(200);
  return (res.json().groups as { kind: string; hits: { recordId: string }[] }[])
    .filter((g) => g.kind === 'mail')
    .flatMap((g) => g.hits.map((h) => h.recordId));
}

async function ocrAudits(itemId: string) {
  return queryRows<{ summary: { after: { reason: string } } }>(
    t.app.ctx.db,
    sql`select summary from audit_log where record_id = ${itemId} and action = 'correspondence.ocr_unavailable'`,
  );
}

describe.runIf(hasTesseract && hasPdfToPpm)('OCR of scanned letters', () => {
  it('reads a PNG scan’s French words into the item’s search entry', async () => {
    const png = await scannedPng('Le portail du cimetière de Boulari est cassé depuis la tempête.');
    const scan = await registerScan('Courrier manuscrit', { name: 'scan.png', content: png });
    // Not searchable by its words until the job has read it.
    expect(await searchIds(secretariat, 'cimetière')).not.toContain(scan.itemId);
    await t.app.ctx.jobs.runDue();
    expect(await searchIds(secretariat, 'cimetière')).toContain(scan.itemId);
    expect(await searchIds(secretariat, 'tempete portail')).toContain(scan.itemId);
    const [file] = await queryRows<{ extracted_text: string }>(
      t.app.ctx.db,
      sql`select extracted_text from files where id = ${scan.attachments[0]?.id}`,
    );
    expect(file?.extracted_text).toContain('Boulari');
    // Another organisation never finds it.
    expect(await searchIds(otherChief, 'cimetière')).not.toContain(scan.itemId);
    expect(await ocrAudits(scan.itemId)).toHaveLength(0);
  }, 60_000);

  it('reads a PDF that has no text layer, and keeps a PDF’s own text layer without OCR', async () => {
    const png = await scannedPng('Demande de raccordement au réseau d’eau potable à Plum.');
    const scan = await registerScan('Demande manuscrite', { name: 'scan.pdf', content: await imageOnlyPdf(png) });
    const typed = await registerScan('Lettre dactylographiée', {
      name: 'lettre.pdf',
      content: await pdfWithText('Le marché de Boulari ouvre le samedi matin.'),
    });
    await t.app.ctx.jobs.runDue();
    expect(await searchIds(secretariat, 'raccordement')).toContain(scan.itemId);
    expect(await searchIds(secretariat, 'marché samedi')).toContain(typed.itemId);
  }, 60_000);
});

describe('OCR without tesseract on the server', () => {
  it('records « OCR indisponible » on the item and breaks nothing', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    const scan = await registerScan('Photo d’un courrier', { name: 'photo.png', content: png });
    const path = process.env.PATH;
    const empty = await mkdtemp(join(tmpdir(), 'dircab-no-bin-'));
    process.env.PATH = empty;
    try {
      const result = await t.app.ctx.jobs.runDue();
      expect(result).toBeDefined();
    } finally {
      process.env.PATH = path;
      await rm(empty, { recursive: true, force: true });
    }
    const audits = await ocrAudits(scan.itemId);
    expect(audits).toHaveLength(1);
    expect(audits[0]?.summary.after.reason).toContain('OCR indisponible');
    const [job] = await queryRows<{ status: string }>(
      t.app.ctx.db,
      sql`select status from jobs where kind = 'correspondence.extract_text' and payload->>'itemId' = ${scan.itemId}`,
    );
    expect(job?.status).toBe('done');
    // The item is still there, searchable by what was typed.
    expect(await searchIds(secretariat, 'photo courrier')).toContain(scan.itemId);
  });
});
