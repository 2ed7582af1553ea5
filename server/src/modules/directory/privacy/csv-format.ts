/** French spreadsheets read `;` as the separator and need the BOM to take the file as UTF-8. */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

/**
 * A cell a spreadsheet would run as a formula (`=`, `@`, or `+`/`-` not starting a number) is
 * prefixed with an apostrophe (CSV injection). Phone numbers (`+687…`) stay as they are.
 */
function defuse(value: string): string {
  if (/^[=@\t\r]/.test(value) || /^[+-][^\d\s]/.test(value)) return `'${value}`;
  return value;
}

/** One cell: quoted when it holds the separator, a quote or a line break (RFC 4180). */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const safe = defuse(value);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line, CRLF-terminated. */
export function csvLine(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(CSV_SEPARATOR)}\r\n`;
}
