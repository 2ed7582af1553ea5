import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  ExternalHyperlink,
  Footer,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { TRun } from './html-subset';
import {
  BOLD_STYLES,
  CONTENT_WIDTH_MM,
  columnFractions,
  FONT_SIZES,
  PAGE,
  SPACE_AFTER_MM,
  type TFlow,
  type TFlowParagraph,
} from './layout';

/** Arial: Word has it, LibreOffice substitutes the metric-compatible Liberation Sans. */
const FONT = 'Arial';
const ORDERED = 'dircab-ordered';
const halfPoints = (pt: number) => Math.round(pt * 2);

const ALIGN = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
  justify: AlignmentType.JUSTIFIED,
} as const;

function runsOf(runs: TRun[], sizePt: number, bold: boolean): ParagraphChild[] {
  return runs.map((run) => {
    if (run.lineBreak) return new TextRun({ text: '', break: 1 });
    const text = new TextRun({
      text: run.text,
      bold: bold || run.bold === true,
      italics: run.italic === true,
      underline: run.underline || run.href ? {} : undefined,
      size: halfPoints(sizePt),
      font: FONT,
      ...(run.href ? { color: '1F4E9A' } : {}),
    });
    return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
  });
}

function paragraphOf(block: TFlowParagraph): Paragraph {
  return new Paragraph({
    children: runsOf(block.runs, FONT_SIZES[block.style], BOLD_STYLES.has(block.style)),
    ...(block.align ? { alignment: ALIGN[block.align] } : {}),
    ...(block.indentMm ? { indent: { left: convertMillimetersToTwip(block.indentMm) } } : {}),
    spacing: {
      before: convertMillimetersToTwip(block.spaceBeforeMm ?? 0),
      after: convertMillimetersToTwip(SPACE_AFTER_MM),
    },
    keepNext: block.style === 'heading2' || block.style === 'heading3',
  });
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '808080' };

function tableOf(columns: string[], rows: string[][], widths?: number[]): Table {
  const twips = columnFractions(columns.length, widths).map((f) =>
    Math.round(f * convertMillimetersToTwip(CONTENT_WIDTH_MM)),
  );
  const cell = (text: string, header: boolean, i: number) =>
    new TableCell({
      width: { size: twips[i] ?? 0, type: WidthType.DXA },
      borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
      children: [
        new Paragraph({
          children: [new TextRun({ text, bold: header, size: halfPoints(FONT_SIZES.small), font: FONT })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: twips,
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c, true, i)) }),
      ...rows.map((row) => new TableRow({ children: columns.map((_, i) => cell(row[i] ?? '', false, i)) })),
    ],
  });
}

/** Writes the flow as an Office Open XML document (A4, the shared margins). */
export async function writeDocx(flow: TFlow): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let orderedLists = 0;
  for (const block of flow.blocks) {
    if (block.kind === 'paragraph') children.push(paragraphOf(block));
    else if (block.kind === 'table') {
      children.push(tableOf(block.columns, block.rows, block.widths));
      // Word needs a paragraph between two tables, and after the last one.
      children.push(new Paragraph({ children: [] }));
    } else {
      // Each ordered list restarts at 1: its own numbering instance.
      const instance = block.ordered ? ++orderedLists : 0;
      for (const item of block.items) {
        children.push(
          new Paragraph({
            children: runsOf(item, FONT_SIZES.body, false),
            ...(block.ordered ? { numbering: { reference: ORDERED, level: 0, instance } } : { bullet: { level: 0 } }),
            spacing: { after: convertMillimetersToTwip(1) },
          }),
        );
      }
    }
  }
  const doc = new Document({
    title: flow.title,
    creator: 'Dircab',
    styles: { default: { document: { run: { font: FONT, size: halfPoints(FONT_SIZES.body) } } } },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: {
                paragraph: { indent: { left: convertMillimetersToTwip(10), hanging: convertMillimetersToTwip(5) } },
              },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(PAGE.widthMm), height: convertMillimetersToTwip(PAGE.heightMm) },
            margin: {
              top: convertMillimetersToTwip(PAGE.marginTopMm),
              bottom: convertMillimetersToTwip(PAGE.marginBottomMm),
              left: convertMillimetersToTwip(PAGE.marginSideMm),
              right: convertMillimetersToTwip(PAGE.marginSideMm),
            },
          },
        },
        ...(flow.pageNumbers
          ? {
              footers: {
                default: new Footer({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [
                        new TextRun({
                          children: ['Page ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
                          size: halfPoints(FONT_SIZES.small),
                          font: FONT,
                        }),
                      ],
                    }),
                  ],
                }),
              },
            }
          : {}),
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
