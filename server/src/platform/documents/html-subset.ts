/**
 * The rich text Dircab's editor produces (p, br, strong/b, em/i, u, ul/ol/li, h2/h3, a),
 * read into blocks and runs that the DOCX, ODT and PDF writers all lay out the same way.
 * Anything else is not markup we trust: an unknown tag is dropped and its text kept, and
 * every text ends up escaped by the writer that prints it. Never throws.
 */

export interface TRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  href?: string;
  /** A line break (`<br>`) before nothing: `text` is empty. */
  lineBreak?: boolean;
}

export type TBlock =
  | { kind: 'paragraph'; runs: TRun[] }
  | { kind: 'heading'; level: 2 | 3; runs: TRun[] }
  | { kind: 'list'; ordered: boolean; items: TRun[][] };

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  laquo: '«',
  raquo: '»',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  euro: '€',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  agrave: 'à',
  ccedil: 'ç',
  ocirc: 'ô',
  ucirc: 'û',
  icirc: 'î',
  oelig: 'œ',
};

/** Decodes the character references of a text (unknown ones stay as written). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      // Lone surrogates and NUL would make invalid XML downstream.
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

interface Style {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  href: string | undefined;
}

const TOKEN = /<\/?([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->/g;

/** Parses the subset into blocks; text outside any block becomes paragraphs of its own. */
export function parseHtmlSubset(html: string): TBlock[] {
  const blocks: TBlock[] = [];
  let runs: TRun[] = [];
  let blockKind: { kind: 'paragraph' } | { kind: 'heading'; level: 2 | 3 } = { kind: 'paragraph' };
  const lists: { ordered: boolean; items: TRun[][] }[] = [];
  const styles: Style[] = [{ bold: false, italic: false, underline: false, href: undefined }];
  const openInline: string[] = [];

  const style = () => styles[styles.length - 1] as Style;
  const currentList = () => lists[lists.length - 1];

  const addText = (raw: string) => {
    const text = printable(decodeEntities(raw)).replace(/[ \t\r\n\f\v]+/g, ' ');
    if (!text) return;
    const s = style();
    runs.push({
      text,
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.underline ? { underline: true } : {}),
      ...(s.href ? { href: s.href } : {}),
    });
  };

  /** Ends the runs gathered so far: a list item inside a list, else a block. */
  const flush = () => {
    const cleaned = tidyRuns(runs);
    runs = [];
    if (cleaned.length === 0) return;
    const list = currentList();
    if (list) {
      list.items.push(cleaned);
      return;
    }
    blocks.push(
      blockKind.kind === 'heading'
        ? { kind: 'heading', level: blockKind.level, runs: cleaned }
        : { kind: 'paragraph', runs: cleaned },
    );
  };

  let last = 0;
  for (const match of html.matchAll(TOKEN)) {
    addText(html.slice(last, match.index));
    last = match.index + match[0].length;
    const name = match[1]?.toLowerCase();
    if (!name) continue; // a comment
    const closing = match[0][1] === '/';
    const attrs = match[2] ?? '';
    switch (name) {
      case 'p':
      case 'div':
        flush();
        blockKind = { kind: 'paragraph' };
        break;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
        flush();
        blockKind = closing
          ? { kind: 'paragraph' }
          : { kind: 'heading', level: name === 'h3' || name === 'h4' ? 3 : 2 };
        break;
      case 'br':
        runs.push({ text: '', lineBreak: true });
        break;
      case 'ul':
      case 'ol':
        flush();
        if (closing) {
          const list = lists.pop();
          if (list && list.items.length > 0) {
            const parent = currentList();
            // A nested list is flattened into its parent: the writers keep one level.
            if (parent) parent.items.push(...list.items);
            else blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
          }
        } else {
          lists.push({ ordered: name === 'ol', items: [] });
        }
        break;
      case 'li':
        flush();
        break;
      case 'strong':
      case 'b':
      case 'em':
      case 'i':
      case 'u':
      case 'a': {
        if (closing) {
          const at = openInline.lastIndexOf(name);
          if (at >= 0) {
            openInline.splice(at);
            styles.splice(at + 1);
          }
          break;
        }
        const s = style();
        openInline.push(name);
        styles.push({
          bold: s.bold || name === 'strong' || name === 'b',
          italic: s.italic || name === 'em' || name === 'i',
          underline: s.underline || name === 'u',
          href: name === 'a' ? (safeHref(attrs) ?? s.href) : s.href,
        });
        break;
      }
      default:
        // Unknown markup: its text stays, the tag goes.
        break;
    }
  }
  addText(html.slice(last));
  flush();
  while (lists.length > 0) {
    const list = lists.pop();
    if (list && list.items.length > 0) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
  }
  return blocks;
}

/** Only web and mail links are kept: a `javascript:` link in a letter is nobody's intent. */
function safeHref(attrs: string): string | undefined {
  const m = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attrs);
  const href = decodeEntities(m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim();
  return /^(https?:|mailto:)/i.test(href) ? href : undefined;
}

/** Trims the block's outer spaces and line breaks, collapses spaces across runs, merges equal runs. */
function tidyRuns(runs: TRun[]): TRun[] {
  const out: TRun[] = [];
  let afterSpace = true;
  for (const run of runs) {
    if (run.lineBreak) {
      out.push(run);
      afterSpace = true;
      continue;
    }
    const text: string = afterSpace ? run.text.replace(/^ +/, '') : run.text;
    if (!text) continue;
    afterSpace = text.endsWith(' ');
    const prev = out[out.length - 1];
    if (prev && !prev.lineBreak && sameStyle(prev, run)) prev.text += text;
    else out.push({ ...run, text });
  }
  while (out.length > 0) {
    const tail = out[out.length - 1] as TRun;
    if (tail.lineBreak) {
      out.pop();
      continue;
    }
    tail.text = tail.text.replace(/ +$/, '');
    if (tail.text) break;
    out.pop();
  }
  while (out[0]?.lineBreak) out.shift();
  // Spaces left before a line break print as nothing useful.
  for (let i = 0; i < out.length - 1; i++) {
    const run = out[i] as TRun;
    if (out[i + 1]?.lineBreak && !run.lineBreak) run.text = run.text.replace(/ +$/, '');
  }
  return out.filter((r) => r.lineBreak || r.text);
}

function sameStyle(a: TRun, b: TRun): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.underline === !!b.underline && a.href === b.href;
}

/** The plain text of blocks (a paragraph per line): for the text part of an email, and tests. */
export function blocksToText(blocks: TBlock[]): string {
  const runsText = (runs: TRun[]) =>
    runs.map((r) => (r.lineBreak ? '\n' : r.href && r.href !== r.text ? `${r.text} (${r.href})` : r.text)).join('');
  return blocks
    .map((b) =>
      b.kind === 'list'
        ? b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${runsText(item)}`).join('\n')
        : runsText(b.runs),
    )
    .join('\n\n');
}

/** Blocks back to clean HTML (an email's HTML part): only the subset, every text escaped. */
export function blocksToHtml(blocks: TBlock[]): string {
  const runsHtml = (runs: TRun[]) =>
    runs
      .map((r) => {
        if (r.lineBreak) return '<br>';
        let html = escapeXml(r.text);
        if (r.underline) html = `<u>${html}</u>`;
        if (r.italic) html = `<em>${html}</em>`;
        if (r.bold) html = `<strong>${html}</strong>`;
        if (r.href) html = `<a href="${escapeXml(r.href)}">${html}</a>`;
        return html;
      })
      .join('');
  return blocks
    .map((b) => {
      if (b.kind === 'list') {
        const tag = b.ordered ? 'ol' : 'ul';
        return `<${tag}>${b.items.map((item) => `<li>${runsHtml(item)}</li>`).join('')}</${tag}>`;
      }
      if (b.kind === 'heading') return `<h${b.level}>${runsHtml(b.runs)}</h${b.level}>`;
      return `<p>${runsHtml(b.runs)}</p>`;
    })
    .join('');
}

/**
 * Drops what XML 1.0 cannot carry (control characters, lone surrogates): a pasted text may
 * hold them, and one would make the whole document unreadable.
 */
export function printable(text: string): string {
  return text.replace(NOT_XML, '');
}

const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes text for HTML or XML. */
export function escapeXml(text: string): string {
  return printable(text).replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
  );
}
