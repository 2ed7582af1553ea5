import type { TRegisterQuery } from '@dircab/contracts';
import PDFDocument from 'pdfkit';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { REGISTER_HEADERS, registerCells, registerRows } from './register-rows';

// A4 landscape in points; pdfkit's own margins are set to 0 so it never breaks pages itself.
const PAGE_WIDTH = 841.89;
const PAGE_HEIGHT = 595.28;
const MARGIN = 28;
const FOOTER = 24;
/** Column widths in points, in REGISTER_HEADERS' order (they fill the width between the margins). */
const WIDTHS = [84, 40, 74, 66, 140, 244, 80, 58];
const FONT_SIZE = 8;
const PADDING = 3;
/** A subject longer than this is cut in the PDF (the CSV keeps it whole). */
const MAX_SUBJECT = 400;

/**
 * Helvetica in a PDF carries Windows-1252 only: a character outside it would print as a wrong
 * glyph, so it prints as a question mark the reader sees instead.
 */
const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
function printable(text: string): string {
  return text
    .replace(/[\u202f\u2009\u2007]/g, '\u00a0')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[^\u0020-\u00ff]/g, (c) => (CP1252_EXTRA.includes(c) ? c : '?'));
}

export interface RegisterPdfOptions {
  organisationName: string;
  timeZone: string;
  onRow: () => void;
  /** Called once the rows are written (complete) or abandoned on an error, before the file ends. */
  onEnd: (complete: boolean, error?: unknown) => Promise<void>;
}

/**
 * The register as a landscape A4 PDF, written while the rows are read: the title and the
 * column headers on every page, a page number at the foot of each. Returns the document, a
 * readable stream the route sends as it comes.
 */
export function registerPdf(
  db: Queryable,
  actor: Actor,
  query: TRegisterQuery,
  options: RegisterPdfOptions,
): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    info: { Title: `Registre du courrier du ${frDay(query.from)} au ${frDay(query.to)}`, Author: 'Dircab' },
  });
  const directionWord = { in: 'arrivée', out: 'départ', all: 'arrivée et départ' }[query.direction];
  const title = printable(
    `${options.organisationName} — registre du courrier (${directionWord}) du ${frDay(query.from)} au ${frDay(query.to)}`,
  );
  let page = 0;
  let y = 0;

  const newPage = () => {
    doc.addPage();
    page += 1;
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor('black')
      .text(title, MARGIN, MARGIN, {
        width: PAGE_WIDTH - 2 * MARGIN,
        lineBreak: false,
        ellipsis: true,
      });
    doc
      .font('Helvetica')
      .fontSize(FONT_SIZE)
      .text(`Page ${page}`, MARGIN, PAGE_HEIGHT - FOOTER, { width: PAGE_WIDTH - 2 * MARGIN, align: 'right' });
    y = MARGIN + 20;
    y = drawRow([...REGISTER_HEADERS], y, true);
  };

  const rowHeight = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (WIDTHS[i] ?? 50) - 2 * PADDING }))) +
      2 * PADDING
    );
  };

  function drawRow(cells: string[], top: number, bold: boolean): number {
    const height = rowHeight(cells, bold);
    let x = MARGIN;
    if (bold) doc.rect(MARGIN, top, PAGE_WIDTH - 2 * MARGIN, height).fill('#e6e6e6');
    doc
      .fillColor('black')
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(FONT_SIZE);
    cells.forEach((cell, i) => {
      const width = WIDTHS[i] ?? 50;
      doc.text(cell, x + PADDING, top + PADDING, { width: width - 2 * PADDING });
      x += width;
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(PAGE_WIDTH - MARGIN, top + height)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke();
    return top + height;
  }

  const write = async () => {
    let rows = 0;
    newPage();
    for await (const row of registerRows(db, actor, query, options.timeZone)) {
      const cells = registerCells(row, options.timeZone).map((c, i) =>
        printable(i === 5 && c.length > MAX_SUBJECT ? `${c.slice(0, MAX_SUBJECT)}…` : c),
      );
      if (y + rowHeight(cells, false) > PAGE_HEIGHT - FOOTER - 6) newPage();
      y = drawRow(cells, y, false);
      rows += 1;
      options.onRow();
    }
    const closing = rows === 0 ? 'Aucun courrier sur la période.' : `Fin du registre : ${rows} courrier(s).`;
    if (y + 20 > PAGE_HEIGHT - FOOTER - 6) newPage();
    doc
      .font('Helvetica-Oblique')
      .fontSize(FONT_SIZE)
      .text(closing, MARGIN, y + 8);
  };

  // The audit is written before the file's end, so the download completes only once it is known.
  write().then(
    async () => {
      await options.onEnd(true);
      doc.end();
    },
    async (error) => {
      await options.onEnd(false, error);
      doc.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  );
  return doc;
}

/** `2026-11-23` → `23/11/2026`. */
function frDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
