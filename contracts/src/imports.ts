import { z } from 'zod';

// Imports into the directory (issue 3): `POST /api/v1/imports`, multipart `file` + `format`.
// This increment reads the national register of elected officials (`rne`).

export const IMPORT_FORMATS = ['rne'] as const;
export const ZImportFormat = z.enum(IMPORT_FORMATS, { message: 'Format inconnu : seul « rne » est accepté.' });
export type TImportFormat = z.infer<typeof ZImportFormat>;

/** The multipart fields next to `file`. */
export const ZImportFields = z.strictObject({
  format: ZImportFormat,
  /** `true`: everything is checked and counted, nothing is written. */
  dryRun: z.enum(['true', 'false']).optional(),
});
export type TImportFields = z.infer<typeof ZImportFields>;

export const ZImportRowError = z.object({ row: z.number().int(), message: z.string() });

export const ZImportResult = z.object({
  format: ZImportFormat,
  dryRun: z.boolean(),
  /** Data rows read (the header excluded). */
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Rows already imported and unchanged. */
  unchanged: z.number().int(),
  /** Rows not imported: errors and repeated rows of the same file. */
  skipped: z.number().int(),
  /** Row numbers are the file's line numbers (the header is line 1). */
  errors: z.array(ZImportRowError),
});
export type TImportResult = z.infer<typeof ZImportResult>;
