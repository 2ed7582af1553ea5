import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice, hasLibreOffice, pdfToText } from '../../../test/libreoffice';
import { as, createTestApp, createTestOrg, signIn, type TestApp, type TestOrg } from '../../../test/test-app';
import { extractPdfText } from '../../platform/documents/extract-pdf-text';

let t: TestApp;
let org: TestOrg;
let cookie: string;
let noteId: string;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await createTestApp();
  org = await createTestOrg(t.app, ['chief_of_staff', 'executive', 'services']);
  cookie = await signIn(t.app, org.users.chief_of_staff);
  const res = await as(t.app, cookie).post('/api/v1/notes', {
    kind: 'briefing',
    title: 'Cyclone : point de situation à Plum',
    addresseeId: org.users.executive.id,
    bodyHtml:
      '<h2>Situation</h2><p>Les <strong>routes de Plum</strong> sont coupées.</p><ul><li>Écoles fermées</li></ul>',
    confidentiality: 'restricted',
  });
  expect(res.statusCode, res.body).toBe(201);
  noteId = res.json().id;
});
afterAll(() => t.close());

describe('a note’s export', () => {
  it('prints a PDF with the letterhead, the title and the body', async () => {
    const res = await as(t.app, cookie).get(`/api/v1/notes/${noteId}/export?format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = oneLine(extractPdfText(res.rawPayload));
    expect(text).toContain('Commune test');
    expect(text).toContain('Cyclone : point de situation à Plum');
    expect(text).toContain('Diffusion restreinte');
    expect(text).toContain('routes de Plum');
  });

  it('is 404 to whoever does not see the note', async () => {
    const services = await signIn(t.app, org.users.services);
    expect((await as(t.app, services).get(`/api/v1/notes/${noteId}/export?format=docx`)).statusCode).toBe(404);
  });

  it.runIf(hasLibreOffice)(
    'opens in LibreOffice as DOCX and as ODT',
    async () => {
      for (const format of ['docx', 'odt'] as const) {
        const res = await as(t.app, cookie).get(`/api/v1/notes/${noteId}/export?format=${format}`);
        expect(res.statusCode, format).toBe(200);
        const pdf = await convertWithLibreOffice(res.rawPayload, format);
        expect(pdf?.subarray(0, 5).toString(), format).toBe('%PDF-');
        const text = await pdfToText(pdf as Buffer);
        if (text !== null) {
          expect(oneLine(text), format).toContain('Cyclone : point de situation à Plum');
          expect(oneLine(text), format).toContain('Écoles fermées');
        }
      }
    },
    300_000,
  );
});
