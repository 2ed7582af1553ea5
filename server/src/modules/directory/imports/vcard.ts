/**
 * A small vCard reader (RFC 2426 for 3.0, RFC 6350 for 4.0, and what 2.1-era phones still
 * export): BEGIN/END:VCARD blocks, folded lines, groups (`item1.EMAIL`), parameters with
 * quoted values and 2.1's bare types (`TEL;CELL:`), 3.0's quoted-printable values with their
 * CHARSET, and the escapes `\\` `\,` `\;` `\n`. It reads text only: photos and other binary
 * values are skipped by the caller.
 */

export interface VProperty {
  /** Upper case, without the group. */
  name: string;
  /** Upper-case parameter names → their values (TYPE values lower case). */
  params: Record<string, string[]>;
  /** The value decoded (quoted-printable, charset) but not yet unescaped. */
  raw: string;
}

export interface VCard {
  /** The line of BEGIN:VCARD, for error reports. */
  line: number;
  version: string | null;
  properties: VProperty[];
}

interface LogicalLine {
  line: number;
  text: string;
}

const isQuotedPrintable = (text: string) =>
  /;\s*(ENCODING=)?QUOTED-PRINTABLE\s*[;:]/i.test(`${text.split(':', 1)[0]}:`);

/** Physical lines → logical lines: folded continuations joined, quoted-printable soft breaks too. */
function* unfold(text: string): Generator<LogicalLine> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let current: LogicalLine | null = null;
  for (const [i, physical] of lines.entries()) {
    if (current && (physical.startsWith(' ') || physical.startsWith('\t'))) {
      current.text += physical.slice(1);
      continue;
    }
    // 3.0 quoted-printable: a line ending in "=" goes on on the next line, unindented.
    if (current && isQuotedPrintable(current.text) && current.text.endsWith('=')) {
      current.text = current.text.slice(0, -1) + physical;
      continue;
    }
    if (current) yield current;
    current = { line: i + 1, text: physical };
  }
  if (current) yield current;
}

/** Splits on `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The index of the colon that ends the name and parameters (colons may sit inside quotes). */
function valueStart(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return -1;
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      // Characters outside ASCII should not appear in quoted-printable; keep them as UTF-8.
      for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
    }
  }
  try {
    return new TextDecoder(charset, { fatal: false }).decode(Uint8Array.from(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
  }
}

/** One logical line → a property, or null when it has no colon (ignored, as readers do). */
export function parseProperty(text: string): VProperty | null {
  const colon = valueStart(text);
  if (colon < 0) return null;
  const [head = '', ...paramTexts] = splitOutsideQuotes(text.slice(0, colon), ';');
  const name = (head.includes('.') ? head.slice(head.lastIndexOf('.') + 1) : head).trim().toUpperCase();
  if (!name) return null;
  const params: Record<string, string[]> = {};
  for (const p of paramTexts) {
    const eq = p.indexOf('=');
    // 2.1's bare parameters (`TEL;CELL;VOICE:`) are types; QUOTED-PRINTABLE alone is an encoding.
    const key =
      eq < 0 ? (/^quoted-printable$/i.test(p.trim()) ? 'ENCODING' : 'TYPE') : p.slice(0, eq).trim().toUpperCase();
    const values = eq < 0 ? [p] : splitOutsideQuotes(p.slice(eq + 1), ',');
    for (const v of values) {
      const clean = v.trim().replace(/^"(.*)"$/, '$1');
      params[key] = [...(params[key] ?? []), key === 'TYPE' ? clean.toLowerCase() : clean];
    }
  }
  let raw = text.slice(colon + 1);
  if (params.ENCODING?.some((e) => e.toUpperCase() === 'QUOTED-PRINTABLE')) {
    raw = decodeQuotedPrintable(raw, params.CHARSET?.[0] ?? 'utf-8');
  }
  return { name, params, raw };
}

/** The cards of a file, in order. Lines outside BEGIN/END:VCARD are ignored. */
export function* readVcards(text: string): Generator<VCard> {
  let card: VCard | null = null;
  let depth = 0;
  for (const { line, text: logical } of unfold(text)) {
    if (!logical.trim()) continue;
    const property = parseProperty(logical);
    if (!property) continue;
    const value = property.raw.trim().toUpperCase();
    if (property.name === 'BEGIN' && value === 'VCARD') {
      // A card nested in another (AGENT in 2.1) is skipped with its parent's content.
      depth++;
      if (depth === 1) card = { line, version: null, properties: [] };
      continue;
    }
    if (property.name === 'END' && value === 'VCARD') {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && card) {
        yield card;
        card = null;
      }
      continue;
    }
    if (!card || depth !== 1) continue;
    if (property.name === 'VERSION') card.version = property.raw.trim();
    else card.properties.push(property);
  }
}

/** Unescapes a text value: `\n` `\N` → line break, `\,` `\;` `\\` → the character. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN:])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits on an unescaped separator, then unescapes each part (N, ADR, ORG, CATEGORIES). */
export function splitValue(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts.map(unescapeText);
}

// ------------------------------------------------------------------ writing (tests, bench)

/** Escapes a text value the way readers unescape it. */
export function escapeText(value: string): string {
  return value.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r\n|\n|\r/g, '\\n');
}

/** Folds a line at 75 octets without cutting a UTF-8 character, continuations starting with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}
