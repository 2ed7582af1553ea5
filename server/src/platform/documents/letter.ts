import { parseHtmlSubset } from './html-subset';
import { justified, lines, plain, type TFlow, type TFlowBlock } from './layout';

/** An outgoing letter as every module builds it; `renderLetter` prints it in any format. */
export interface TLetter {
  /** Top left: the organisation's name, then its address, phone, website. */
  letterhead: { organisationName: string; lines: string[] };
  /** "Nouméa". */
  place: string;
  /** Already formatted in French: "23 novembre 2026". */
  date: string;
  /** "Nos réf." 2026-A-000012, "Affaire suivie par" … */
  references: { label: string; value: string }[];
  recipient: { name: string; addressLines: string[] };
  /** "Objet : …" is added by the renderer. */
  subject: string;
  /** Rich text: p, br, strong/b, em/i, u, ul/ol/li, h2/h3, a. */
  bodyHtml: string;
  signature: { name: string; title: string } | null;
}

/** Where the recipient block stands: the window of a DL envelope, right-hand side. */
const WINDOW_LEFT_MM = 95;
const WINDOW_TOP_MM = 50;

/** A French administrative letter: letterhead, recipient, place and date, references, subject, body, signature. */
export function letterFlow(letter: TLetter): TFlow {
  const blocks: TFlowBlock[] = [
    { kind: 'paragraph', style: 'organisation', runs: plain(letter.letterhead.organisationName) },
    { kind: 'paragraph', style: 'small', runs: lines(letter.letterhead.lines) },
    {
      kind: 'paragraph',
      style: 'body',
      indentMm: WINDOW_LEFT_MM,
      spaceBeforeMm: 14,
      minTopMm: WINDOW_TOP_MM,
      runs: lines([letter.recipient.name, ...letter.recipient.addressLines], true),
    },
    {
      kind: 'paragraph',
      style: 'body',
      indentMm: WINDOW_LEFT_MM,
      spaceBeforeMm: 12,
      runs: plain(letter.place ? `${letter.place}, le ${letter.date}` : `Le ${letter.date}`),
    },
  ];
  if (letter.references.length > 0) {
    const runs = letter.references.flatMap((r, i) => [
      ...(i > 0 ? [{ text: '', lineBreak: true }] : []),
      { text: `${r.label} : `, bold: true },
      { text: r.value },
    ]);
    blocks.push({ kind: 'paragraph', style: 'small', spaceBeforeMm: 6, runs });
  }
  blocks.push({
    kind: 'paragraph',
    style: 'body',
    spaceBeforeMm: 6,
    runs: [
      { text: 'Objet : ', bold: true },
      { text: letter.subject, bold: true },
    ],
  });
  const body = parseHtmlSubset(letter.bodyHtml);
  body.forEach((block, i) => {
    const spaceBeforeMm = i === 0 ? 6 : undefined;
    if (block.kind === 'list') blocks.push(block);
    else if (block.kind === 'heading')
      blocks.push({
        kind: 'paragraph',
        style: block.level === 2 ? 'heading2' : 'heading3',
        runs: block.runs,
        spaceBeforeMm,
      });
    else
      blocks.push({ kind: 'paragraph', style: 'body', align: justified(block.runs), runs: block.runs, spaceBeforeMm });
  });
  if (letter.signature) {
    blocks.push({
      kind: 'paragraph',
      style: 'body',
      indentMm: WINDOW_LEFT_MM,
      spaceBeforeMm: 12,
      runs: [
        { text: letter.signature.title },
        { text: '', lineBreak: true },
        { text: letter.signature.name, bold: true },
      ],
    });
  }
  return { title: `${letter.subject} — ${letter.recipient.name}`, blocks };
}
