/** The first number a format gives this year (`{year}-A-{seq:6}` → 2026-A-000001), for the preview. */
export function previewNumber(format: string, year: number): string {
  return format
    .replace(/\{year\}/g, String(year))
    .replace(/\{seq(?::(\d{1,2}))?\}/g, (_m, width: string | undefined) => '1'.padStart(Number(width ?? 1), '0'));
}
