import type { TRun } from './html-subset';

/**
 * What the three writers (DOCX, ODT, PDF) lay out: a flow of paragraphs, lists and tables
 * with a few named styles. A letter and a multi-section document are both turned into one,
 * so the three formats say the same thing in the same order.
 */
export type TParagraphStyle = 'body' | 'small' | 'organisation' | 'title' | 'heading2' | 'heading3';

export interface TFlowParagraph {
  kind: 'paragraph';
  runs: TRun[];
  style: TParagraphStyle;
  align?: 'left' | 'right' | 'center' | 'justify';
  /** Left indent, e.g. the recipient block in the envelope window. */
  indentMm?: number;
  spaceBeforeMm?: number;
  /**
   * The PDF places the block no higher than this distance from the page top (the window of
   * a DL envelope); the word processors approximate it with the space before.
   */
  minTopMm?: number;
}

export type TFlowBlock =
  | TFlowParagraph
  | { kind: 'list'; ordered: boolean; items: TRun[][] }
  | { kind: 'table'; columns: string[]; rows: string[][]; widths?: number[] | undefined };

export interface TFlow {
  /** The file's title (document properties). */
  title: string;
  blocks: TFlowBlock[];
  /** "Page 2 / 5" at the foot of every page: documents (a register runs long), not letters. */
  pageNumbers?: boolean;
}

/** A4 and its margins, in millimetres, shared by the three writers. */
export const PAGE = { widthMm: 210, heightMm: 297, marginTopMm: 20, marginBottomMm: 20, marginSideMm: 22 } as const;

/** Point sizes of the styles. */
export const FONT_SIZES: Record<TParagraphStyle, number> = {
  body: 11,
  small: 9,
  organisation: 13,
  title: 16,
  heading2: 13,
  heading3: 11.5,
};

/** Styles printed in bold whatever their runs say. */
export const BOLD_STYLES: ReadonlySet<TParagraphStyle> = new Set(['organisation', 'title', 'heading2', 'heading3']);

/** Space after every paragraph, in millimetres. */
export const SPACE_AFTER_MM = 2.5;

export const plain = (text: string): TRun[] => (text ? [{ text }] : []);

/** Lines joined by line breaks inside one paragraph (an address block). */
export function lines(texts: string[], bold = false): TRun[] {
  const runs: TRun[] = [];
  texts.forEach((text, i) => {
    if (i > 0) runs.push({ text: '', lineBreak: true });
    if (text) runs.push(bold && i === 0 ? { text, bold: true } : { text });
  });
  return runs;
}

/**
 * Body text is justified, unless it holds line breaks: word processors stretch a line that
 * ends with a break across the page ("Voir            le            site").
 */
export function justified(runs: TRun[]): 'justify' | 'left' {
  return runs.some((r) => r.lineBreak) ? 'left' : 'justify';
}

/** Width of the text between the side margins, in millimetres. */
export const CONTENT_WIDTH_MM = PAGE.widthMm - 2 * PAGE.marginSideMm;

/**
 * Each column's share of the width: the relative `widths` given (the subject column twice
 * the date's), or equal shares when they are missing or do not fit the columns.
 */
export function columnFractions(count: number, widths?: number[]): number[] {
  const n = Math.max(1, count);
  const valid = widths?.length === n && widths.every((w) => Number.isFinite(w) && w > 0);
  const weights = valid ? (widths as number[]) : Array.from({ length: n }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}
