/**
 * A small RFC 4180 reader for `;`-separated files (the RNE's): quoted fields with doubled
 * quotes and line breaks inside, CRLF or LF, a leading BOM. Yields one record per line with
 * its 1-based line number (where the record starts), so errors name the line a user sees.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export function* readCsv(text: string, separator = ';'): Generator<CsvRecord> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let done = false;
    while (!done) {
      if (i < n && text[i] === '"') {
        // Quoted field: up to the closing quote; "" is a quote.
        i++;
        for (;;) {
          if (i >= n) break;
          const c = text[i] as string;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
      }
      // Unquoted part (or what follows a closing quote, kept as is).
      while (i < n) {
        const c = text[i] as string;
        if (c === separator || c === '\n' || c === '\r') break;
        field += c;
        i++;
      }
      fields.push(field);
      field = '';
      if (i >= n) {
        done = true;
      } else if (text[i] === separator) {
        i++;
      } else {
        if (text[i] === '\r') i++;
        if (text[i] === '\n') i++;
        line++;
        done = true;
      }
    }
    // Blank lines are not records.
    if (fields.length > 1 || fields[0] !== '') yield { line: start, fields };
  }
}

/** Writes records the way readCsv reads them (used by tests and generated files). */
export function writeCsv(rows: readonly (readonly string[])[], separator = ';', eol = '\n'): string {
  const quote = (s: string) =>
    s.includes('"') || s.includes(separator) || s.includes('\n') || s.includes('\r')
      ? `"${s.replaceAll('"', '""')}"`
      : s;
  return rows.map((r) => r.map(quote).join(separator)).join(eol) + eol;
}

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * The separator of a file, read from its first line (outside quotes): the candidate found
 * most often; a comma when none is (a one-column file).
 */
export function guessDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of CSV_DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** UTF-8 as most tools write it; a file that is not valid UTF-8 is read as Latin-1 (Excel's "CSV"). */
export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('latin1').decode(buffer);
  }
}
