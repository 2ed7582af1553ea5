import { parseHtmlSubset } from './html-subset';
import { justified, lines, plain, type TFlow, type TFlowBlock } from './layout';

/** A block of a multi-section document (a note, a weekly agenda, the register). */
export type TDocumentBlock =
  | { kind: 'heading'; text: string; level?: 2 | 3 }
  | { kind: 'paragraph'; text: string }
  /** Rich text in the same subset as a letter's body. */
  | { kind: 'richText'; html: string }
  /** `widths`: relative column widths (`[1, 1, 2, 4]`); equal when absent. */
  | { kind: 'table'; columns: string[]; rows: string[][]; widths?: number[] };

/** A document with a title and sections; `renderDocument` prints it in any format. */
export interface TDocument {
  title: string;
  /** Under the title: a period, a date, an author. */
  subtitle?: string;
  letterhead?: { organisationName: string; lines: string[] };
  blocks: TDocumentBlock[];
}

export function documentFlow(doc: TDocument): TFlow {
  const blocks: TFlowBlock[] = [];
  if (doc.letterhead) {
    blocks.push({ kind: 'paragraph', style: 'organisation', runs: plain(doc.letterhead.organisationName) });
    if (doc.letterhead.lines.length > 0)
      blocks.push({ kind: 'paragraph', style: 'small', runs: lines(doc.letterhead.lines) });
  }
  blocks.push({ kind: 'paragraph', style: 'title', runs: plain(doc.title), spaceBeforeMm: doc.letterhead ? 10 : 0 });
  if (doc.subtitle) blocks.push({ kind: 'paragraph', style: 'small', runs: plain(doc.subtitle) });
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        blocks.push({
          kind: 'paragraph',
          style: block.level === 3 ? 'heading3' : 'heading2',
          runs: plain(block.text),
          spaceBeforeMm: 4,
        });
        break;
      case 'paragraph':
        blocks.push({ kind: 'paragraph', style: 'body', runs: plain(block.text) });
        break;
      case 'richText':
        for (const b of parseHtmlSubset(block.html)) {
          if (b.kind === 'list') blocks.push(b);
          else if (b.kind === 'heading')
            blocks.push({ kind: 'paragraph', style: b.level === 2 ? 'heading2' : 'heading3', runs: b.runs });
          else blocks.push({ kind: 'paragraph', style: 'body', align: justified(b.runs), runs: b.runs });
        }
        break;
      case 'table':
        blocks.push({ kind: 'table', columns: block.columns, rows: block.rows, widths: block.widths });
        break;
    }
  }
  return { title: doc.title, blocks, pageNumbers: true };
}
