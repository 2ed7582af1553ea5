import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { convertWithLibreOffice, hasLibreOffice, pdfToText } from '../../../test/libreoffice';
import type { TDocument } from './document';
import { extractPdfText } from './extract-pdf-text';
import { printable } from './html-subset';
import type { TLetter } from './letter';
import { DOCUMENT_MEDIA_TYPES, renderDocument, renderLetter } from './render-letter';

const letter: TLetter = {
  letterhead: {
    organisationName: 'Ville du Mont-Dore',
    lines: ['Hôtel de ville, 1 rue Boulari', '98809 Mont-Dore', 'Tél. 43 80 00', 'www.mont-dore.nc'],
  },
  place: 'Nouméa',
  date: '23 novembre 2026',
  references: [
    { label: 'Nos réf.', value: '2026-A-000012' },
    { label: 'Affaire suivie par', value: 'Secrétariat du cabinet' },
  ],
  recipient: { name: 'Mme Hélène Wéa', addressLines: ['12 rue des Flamboyants', '98809 Mont-Dore'] },
  subject: 'Éclairage du quartier « Boulari » <urgent> & suites',
  bodyHtml:
    '<p>Madame,</p><p>Nous avons bien reçu votre demande d’éclairage du <strong>quartier</strong> « Boulari » &lt;script&gt; &amp; co.</p><ul><li>premier point</li><li>second <em>point</em></li></ul><h2>Voies de recours</h2><p>Voir <a href="https://mont-dore.nc">le site</a>.<br>Œuvre à suivre</p>',
  signature: { name: 'Eddie Lecourieux', title: 'Le Maire' },
};

const xmlEntry = (zip: Buffer, name: string) => {
  const entry = unzipSync(new Uint8Array(zip))[name];
  if (!entry) throw new Error(`${name} missing`);
  return strFromU8(entry);
};
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

describe('letters', () => {
  it('writes a DOCX whose XML holds the text, escaped', async () => {
    const docx = await renderLetter(letter, 'docx');
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const xml = xmlEntry(docx, 'word/document.xml');
    expect(xml).toContain('Mme Hélène Wéa');
    expect(xml).toContain('demande d’éclairage du ');
    expect(xml).toContain('« Boulari » &lt;script&gt; &amp; co.');
    expect(xml).toContain('Éclairage du quartier « Boulari » &lt;urgent&gt; &amp; suites');
    expect(xml).toContain('Objet : ');
    expect(xml).toContain('Nouméa, le 23 novembre 2026');
    expect(xml).toContain('Œuvre à suivre');
    expect(xml).not.toContain('<script>');
    expect(xmlEntry(docx, 'word/_rels/document.xml.rels')).toContain('https://mont-dore.nc');
  });

  it('writes a real ODF text: mimetype first and stored, manifest, content, styles, meta', async () => {
    const odt = await renderLetter(letter, 'odt');
    // Local file header: method 0 (stored) at byte 8, the name at 30, the data right after.
    expect(odt.readUInt16LE(8)).toBe(0);
    expect(odt.subarray(30, 38).toString()).toBe('mimetype');
    expect(odt.subarray(38, 38 + DOCUMENT_MEDIA_TYPES.odt.length).toString()).toBe(DOCUMENT_MEDIA_TYPES.odt);
    const files = Object.keys(unzipSync(new Uint8Array(odt)));
    expect(files).toEqual(['mimetype', 'META-INF/manifest.xml', 'content.xml', 'styles.xml', 'meta.xml']);
    const content = xmlEntry(odt, 'content.xml');
    expect(content).toContain('Mme Hélène Wéa');
    expect(content).toContain('demande d’éclairage du ');
    expect(content).toContain('« Boulari » &lt;script&gt; &amp; co.');
    expect(content).toContain('&lt;urgent&gt; &amp; suites');
    expect(content).toContain('xlink:href="https://mont-dore.nc"');
    expect(content).not.toContain('<script>');
    expect(xmlEntry(odt, 'styles.xml')).toContain('fo:page-width="210mm"');
    expect(xmlEntry(odt, 'meta.xml')).toContain('&lt;urgent&gt;');
  });

  it('writes a PDF holding the text, accents, apostrophes and guillemets', async () => {
    const pdf = await renderLetter(letter, 'pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = oneLine(extractPdfText(pdf));
    expect(text).toContain('Mme Hélène Wéa');
    expect(text).toContain('Nouméa, le 23 novembre 2026');
    expect(text).toContain('Objet : Éclairage du quartier « Boulari » <urgent> & suites');
    expect(text).toContain('d’éclairage');
    expect(text).toContain('<script> & co.');
    expect(text).toContain('Œuvre à suivre');
    expect(text).toContain('Eddie Lecourieux');
  });

  it('keeps the space after emphasis where a justified line wraps', async () => {
    const bodyHtml =
      '<p>Votre demande est susceptible de donner lieu à une décision implicite. En l’absence de réponse de notre part, le silence gardé vaudra <strong>décision implicite de rejet</strong> le <strong>20 janvier 2027</strong> (article L.231-1 du code des relations entre le public et l’administration).</p>';
    const text = oneLine(extractPdfText(await renderLetter({ ...letter, bodyHtml }, 'pdf')));
    expect(text).toContain('le 20 janvier 2027 (article L.231-1');
  });

  it('replaces what Helvetica cannot print instead of printing a wrong glyph', async () => {
    const pdf = await renderLetter({ ...letter, subject: 'Demande\u202f: ligne ⅓ et ☃' }, 'pdf');
    expect(oneLine(extractPdfText(pdf))).toContain('Objet : Demande : ligne ? et ?');
  });

  it('prints any text in any format without failing, control characters dropped', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 80 });
    await fc.assert(
      fc.asyncProperty(text, text, text, async (name, subject, body) => {
        const any: TLetter = {
          ...letter,
          recipient: { name, addressLines: [body] },
          subject,
          bodyHtml: `<p>${body}</p>${body}`,
        };
        for (const format of ['docx', 'odt', 'pdf'] as const) {
          const file = await renderLetter(any, format);
          expect(file.length).toBeGreaterThan(0);
          if (format === 'odt') {
            const content = xmlEntry(file, 'content.xml');
            expect(printable(content)).toBe(content);
          }
        }
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it.runIf(hasLibreOffice)(
    'opens in LibreOffice: the DOCX and the ODT convert to a PDF holding the subject',
    async () => {
      for (const format of ['docx', 'odt'] as const) {
        const pdf = await convertWithLibreOffice(await renderLetter(letter, format), format);
        expect(pdf?.subarray(0, 5).toString(), format).toBe('%PDF-');
        const text = await pdfToText(pdf as Buffer);
        if (text !== null)
          expect(oneLine(text), format).toContain('Éclairage du quartier « Boulari » <urgent> & suites');
      }
    },
    120_000,
  );
});

const register: TDocument = {
  title: 'Registre du courrier — novembre 2026',
  subtitle: 'Du 1er au 30 novembre 2026',
  letterhead: { organisationName: 'Ville du Mont-Dore', lines: ['98809 Mont-Dore'] },
  blocks: [
    { kind: 'heading', text: 'Arrivée' },
    { kind: 'paragraph', text: 'Courriers enregistrés : 2' },
    {
      kind: 'table',
      columns: ['Numéro', 'Reçu le', 'Expéditeur', 'Objet'],
      rows: [
        ['2026-A-000001', '02/11/2026', 'Hélène Wéa', 'Éclairage « Boulari »'],
        ['2026-A-000002', '03/11/2026', 'Jean <Dupont> & fils', 'Trottoir'],
      ],
    },
    { kind: 'richText', html: '<p>Note : <em>aucun</em> retard.</p><ol><li>un</li></ol>' },
  ],
};

describe('documents', () => {
  it('writes the title, headings, rich text and tables in the three formats', async () => {
    const docx = xmlEntry(await renderDocument(register, 'docx'), 'word/document.xml');
    expect(docx).toContain('Registre du courrier — novembre 2026');
    expect(docx).toContain('<w:tbl>');
    expect(docx).toContain('Jean &lt;Dupont&gt; &amp; fils');
    const odt = xmlEntry(await renderDocument(register, 'odt'), 'content.xml');
    expect(odt).toContain('<table:table ');
    expect(odt).toContain('Éclairage « Boulari »');
    expect(odt).toContain('Jean &lt;Dupont&gt; &amp; fils');
    const pdf = oneLine(extractPdfText(await renderDocument(register, 'pdf')));
    expect(pdf).toContain('Registre du courrier — novembre 2026');
    expect(pdf).toContain('Jean <Dupont> & fils');
    expect(pdf).toContain('aucun');
  });

  it('breaks a long table across pages', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`2026-A-${String(i + 1).padStart(6, '0')}`, 'x', 'y', 'z']);
    const pdf = await renderDocument(
      { ...register, blocks: [{ kind: 'table', columns: ['Numéro', 'a', 'b', 'c'], rows }] },
      'pdf',
    );
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(1);
    const text = extractPdfText(pdf);
    expect(text).toContain('2026-A-000120');
    // Numbered pages, the header row again on each.
    expect(text).toContain(`Page 1 / ${pages}`);
    expect(text).toContain(`Page ${pages} / ${pages}`);
    expect(text.match(/Numéro/g)?.length).toBe(pages);
  });

  it('gives columns their relative widths', async () => {
    const doc: TDocument = {
      title: 'T',
      blocks: [{ kind: 'table', columns: ['a', 'b'], rows: [['1', '2']], widths: [1, 3] }],
    };
    const docx = xmlEntry(await renderDocument(doc, 'docx'), 'word/document.xml');
    const grid = [...docx.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(2);
    expect(Math.round((grid[1] ?? 0) / (grid[0] ?? 1))).toBe(3);
    const odt = xmlEntry(await renderDocument(doc, 'odt'), 'content.xml');
    expect(odt).toContain('style:column-width="41.5mm"');
    expect(odt).toContain('style:column-width="124.5mm"');
    // Widths that do not fit the columns are ignored, not an error.
    const odd = await renderDocument(
      { ...doc, blocks: [{ kind: 'table', columns: ['a'], rows: [], widths: [0, -1] }] },
      'pdf',
    );
    expect(extractPdfText(odd)).toContain('a');
  });

  it('numbers the pages of documents in every format, not those of letters', async () => {
    const docx = await renderDocument(register, 'docx');
    const footer = Object.entries(unzipSync(new Uint8Array(docx))).find(([name]) => name.startsWith('word/footer'));
    expect(footer && strFromU8(footer[1])).toMatch(/PAGE.*NUMPAGES/s);
    expect(xmlEntry(await renderDocument(register, 'odt'), 'styles.xml')).toContain('<text:page-number');
    expect(extractPdfText(await renderDocument(register, 'pdf'))).toContain('Page 1 / 1');
    const letterDocx = Object.keys(unzipSync(new Uint8Array(await renderLetter(letter, 'docx'))));
    expect(letterDocx.some((name) => name.startsWith('word/footer'))).toBe(false);
    expect(xmlEntry(await renderLetter(letter, 'odt'), 'styles.xml')).not.toContain('<text:page-number');
    expect(extractPdfText(await renderLetter(letter, 'pdf'))).not.toContain('Page 1');
  });

  it.runIf(hasLibreOffice)(
    'opens in LibreOffice with its table',
    async () => {
      for (const format of ['docx', 'odt'] as const) {
        const pdf = await convertWithLibreOffice(await renderDocument(register, format), format);
        expect(pdf?.subarray(0, 5).toString(), format).toBe('%PDF-');
        const text = await pdfToText(pdf as Buffer);
        if (text !== null) {
          expect(oneLine(text), format).toContain('2026-A-000002');
          expect(oneLine(text), format).toContain('Page 1 / 1');
        }
      }
    },
    120_000,
  );
});
