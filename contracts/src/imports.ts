import { z } from 'zod';

// Imports into the directory (issue 3): `POST /api/v1/imports`, multipart `file` + `format`.
// Three formats: the national register of elected officials (`rne`), a spreadsheet's CSV
// (`csv`, with a column mapping) and address-book cards (`vcard`, 3.0 and 4.0).
// `POST /api/v1/imports/preview` reads the file without writing: the wizard shows its
// columns, a sample and the suggested mapping before the dry run.

export const IMPORT_FORMATS = ['rne', 'csv', 'vcard'] as const;
export const ZImportFormat = z.enum(IMPORT_FORMATS, {
  message: 'Format inconnu : choisissez « rne », « csv » ou « vcard ».',
});
export type TImportFormat = z.infer<typeof ZImportFormat>;

/**
 * The contact fields a CSV column can fill. Several columns may feed `tags` (each cell split
 * on `,` `;` or `|`); `email2` / `phone2` are a second address or number.
 */
export const CSV_TARGET_FIELDS = [
  'externalId',
  'kind',
  'civility',
  'firstName',
  'lastName',
  'name',
  'orgType',
  'formOfAddress',
  'jobTitle',
  'employer',
  'email',
  'email2',
  'phone',
  'phone2',
  'addressLine1',
  'addressLine2',
  'postcode',
  'city',
  'country',
  'territory',
  'tags',
  'notes',
  'source',
  'consent',
  'consentDate',
] as const;
export const ZCsvTargetField = z.enum(CSV_TARGET_FIELDS);
export type TCsvTargetField = z.infer<typeof ZCsvTargetField>;

/** Column header as it stands in the file → the contact field it fills (null: ignored). */
export const ZCsvMapping = z.record(z.string().min(1).max(200), ZCsvTargetField.nullable());
export type TCsvMapping = z.infer<typeof ZCsvMapping>;

/** The multipart fields next to `file`. */
export const ZImportFields = z.strictObject({
  format: ZImportFormat,
  /** `true`: everything is checked and counted, nothing is written. */
  dryRun: z.enum(['true', 'false']).optional(),
  /** CSV only: the column mapping as JSON (`TCsvMapping`); without it, the suggested one. */
  mapping: z.string().max(20_000).optional(),
  /** CSV only: the separator; guessed from the header when absent. */
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
});
export type TImportFields = z.infer<typeof ZImportFields>;

/** The multipart fields of a preview. */
export const ZImportPreviewFields = z.strictObject({
  format: ZImportFormat,
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
});
export type TImportPreviewFields = z.infer<typeof ZImportPreviewFields>;

export const ZImportRowError = z.object({
  row: z.number().int(),
  /** The mapped field at fault, when one is. */
  field: z.string().optional(),
  message: z.string(),
});
export type TImportRowError = z.infer<typeof ZImportRowError>;

export const ZImportResult = z.object({
  format: ZImportFormat,
  dryRun: z.boolean(),
  /** Data rows (or cards) read, the header excluded. */
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Rows already imported and unchanged. */
  unchanged: z.number().int(),
  /** Rows not imported: errors and repeated rows of the same file. */
  skipped: z.number().int(),
  /** Row numbers are the file's line numbers (the header is line 1); the first 1,000. */
  errors: z.array(ZImportRowError),
  /** Milliseconds spent, for the wizard and the benchmarks. */
  durationMs: z.number().int().optional(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

export const ZImportPreview = z.object({
  format: ZImportFormat,
  /** Data rows (or cards) in the file. */
  rows: z.number().int(),
  /** CSV: the separator read or given. */
  delimiter: z.string().nullable(),
  /** The file's columns (CSV, RNE) or the card properties found (vCard). */
  columns: z.array(z.string()),
  /** Up to 20 first rows, cell by cell, in the order of `columns`. */
  sample: z.array(z.array(z.string())),
  /** CSV: the mapping guessed from the headers (« Nom », « Courriel », « Code postal »…). */
  suggestedMapping: ZCsvMapping,
  /** RNE: how many rows are the organisation's own officials. */
  ownOfficials: z.number().int().optional(),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;
