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
