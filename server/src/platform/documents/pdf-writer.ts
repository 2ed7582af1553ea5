import PDFDocument from 'pdfkit';
import type { TRun } from './html-subset';
import {
  BOLD_STYLES,
  columnFractions,
  FONT_SIZES,
  PAGE,
  SPACE_AFTER_MM,
  type TFlow,
  type TFlowParagraph,
} from './layout';

const mm = (value: number) => (value * 72) / 25.4;
const LEFT = mm(PAGE.marginSideMm);
const CONTENT_WIDTH = mm(PAGE.widthMm - 2 * PAGE.marginSideMm);
const BOTTOM = mm(PAGE.heightMm - PAGE.marginBottomMm);
const TOP = mm(PAGE.marginTopMm);

/**
 * PDF's standard Helvetica carries Windows-1252 only: the spaces French typography puts
 * before « » : ; ! ? (U+202F, U+2009) print as the no-break space it has; anything else
 * outside it would print as a wrong glyph, so it becomes a question mark the reader sees.
 */
const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
function printableInHelvetica(text: string): string {
  const spaced = text.replace(/[\u202f\u2009\u2007]/g, '\u00a0');
  return Array.from(spaced, (c) => (c.charCodeAt(0) <= 0xff || CP1252_EXTRA.includes(c) ? c : '?')).join('');
}

function fontOf(run: TRun, bold: boolean): string {
  const b = bold || run.bold === true;
  const i = run.italic === true;
  return b && i ? 'Helvetica-BoldOblique' : b ? 'Helvetica-Bold' : i ? 'Helvetica-Oblique' : 'Helvetica';
}

/** A paragraph's lines: pdfkit's continued text ignores a newline, so each line is its own chain. */
function linesOf(runs: TRun[]): TRun[][] {
  const out: TRun[][] = [[]];
  for (const run of runs) {
    if (run.lineBreak) out.push([]);
    else {
      const line = out[out.length - 1] as TRun[];
      let text = printableInHelvetica(run.text);
      // pdfkit drops a space that opens a continued segment when the line wraps there
      // ("2027(article"): the space goes to the end of the segment before instead.
      const previous = line[line.length - 1];
      if (previous && text.startsWith(' ')) {
        previous.text += ' ';
        text = text.slice(1);
      }
      if (text) line.push({ ...run, text });
    }
  }
  return out;
}

function writeRuns(
  doc: PDFKit.PDFDocument,
  runs: TRun[],
  size: number,
  bold: boolean,
  x: number,
  width: number,
  align: TFlowParagraph['align'],
) {
  for (const line of linesOf(runs)) {
    if (line.length === 0) {
      doc.font('Helvetica').fontSize(size).text(' ', x, doc.y, { width });
      continue;
    }
    line.forEach((seg, i) => {
      doc.font(fontOf(seg, bold)).fontSize(size);
      const options: PDFKit.Mixins.TextOptions = {
        width,
        align: align ?? 'left',
        continued: i < line.length - 1,
        underline: seg.underline === true || seg.href !== undefined,
        ...(seg.href ? { link: seg.href } : { link: null }),
      };
      if (i === 0) doc.text(seg.text, x, doc.y, options);
      else doc.text(seg.text, options);
    });
  }
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > BOTTOM) {
    doc.addPage();
    doc.y = TOP;
  }
}

function writeTable(doc: PDFKit.PDFDocument, columns: string[], rows: string[][], widths?: number[]) {
  const colWidths = columnFractions(columns.length, widths).map((f) => f * CONTENT_WIDTH);
  const colX = colWidths.map((_, i) => LEFT + colWidths.slice(0, i).reduce((a, b) => a + b, 0));
  const pad = mm(1.2);
  const size = FONT_SIZES.small;
  const drawRow = (cells: string[], header: boolean) => {
    doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    const texts = columns.map((_, i) => printableInHelvetica(cells[i] ?? ''));
    const height =
      Math.max(...texts.map((t, i) => doc.heightOfString(t || ' ', { width: (colWidths[i] ?? 0) - 2 * pad }))) +
      2 * pad;
    if (doc.y + height > BOTTOM) {
      doc.addPage();
      doc.y = TOP;
      if (!header) drawRow(columns, true);
      doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    }
    const y = doc.y;
    texts.forEach((text, i) => {
      const x = colX[i] ?? LEFT;
      const width = colWidths[i] ?? 0;
      doc.rect(x, y, width, height).lineWidth(0.5).strokeColor('#808080').stroke();
      doc.fillColor('black').text(text, x + pad, y + pad, { width: width - 2 * pad });
    });
    doc.x = LEFT;
    doc.y = y + height;
  };
  drawRow(columns, true);
  for (const row of rows) drawRow(row, false);
  doc.y += mm(SPACE_AFTER_MM);
}

/** "Page 2 / 5" centred in the bottom margin of every buffered page. */
function numberPages(doc: PDFKit.PDFDocument) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the margin would make pdfkit open a new page: lift the margin meanwhile.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(FONT_SIZES.small)
      .fillColor('black')
      .text(`Page ${i - start + 1} / ${count}`, LEFT, mm(PAGE.heightMm - PAGE.marginBottomMm / 2) - 4, {
        width: CONTENT_WIDTH,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/** Writes the flow as a PDF (A4, the shared margins), with PDF's standard Helvetica. */
export function writePdf(flow: TFlow): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: TOP, bottom: mm(PAGE.marginBottomMm), left: LEFT, right: LEFT },
      info: { Title: printableInHelvetica(flow.title), Creator: 'Dircab' },
      lang: 'fr-FR',
      // Buffered, so that page numbers can be written once the page count is known.
      bufferPages: flow.pageNumbers === true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      doc.y = TOP;
      for (const block of flow.blocks) {
        if (block.kind === 'paragraph') {
          if (block.minTopMm !== undefined && doc.y < mm(block.minTopMm)) doc.y = mm(block.minTopMm);
          else doc.y += mm(block.spaceBeforeMm ?? 0);
          // A heading never ends a page alone.
          ensureRoom(doc, block.style.startsWith('heading') ? mm(30) : mm(8));
          const indent = mm(block.indentMm ?? 0);
          writeRuns(
            doc,
            block.runs,
            FONT_SIZES[block.style],
            BOLD_STYLES.has(block.style),
            LEFT + indent,
            CONTENT_WIDTH - indent,
            block.align,
          );
          doc.y += mm(SPACE_AFTER_MM);
        } else if (block.kind === 'list') {
          block.items.forEach((item, i) => {
            ensureRoom(doc, mm(8));
            const y = doc.y;
            doc
              .font('Helvetica')
              .fontSize(FONT_SIZES.body)
              .text(block.ordered ? `${i + 1}.` : '•', LEFT + mm(4), y, { lineBreak: false });
            doc.y = y;
            writeRuns(doc, item, FONT_SIZES.body, false, LEFT + mm(10), CONTENT_WIDTH - mm(10), 'left');
            doc.y += mm(1);
          });
          doc.y += mm(SPACE_AFTER_MM);
        } else {
          writeTable(doc, block.columns, block.rows, block.widths);
        }
        doc.x = LEFT;
      }
      if (flow.pageNumbers) numberPages(doc);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}
