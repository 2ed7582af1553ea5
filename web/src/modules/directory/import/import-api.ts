import type { TCsvMapping, TImportFormat, TImportPreview, TImportResult } from '@dircab/contracts';
import { http } from '../../../app/api/http';

/** The CSV separators the server reads; '' lets it guess from the header. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type TDelimiter = (typeof DELIMITERS)[number];

export interface ImportRequest {
  file: File;
  format: TImportFormat;
  delimiter?: TDelimiter | '' | undefined;
  /** CSV only: column header → contact field (null: ignored). */
  mapping?: TCsvMapping | undefined;
}

/** The multipart body of POST /api/v1/imports and /preview (contracts/src/imports.ts). */
export function importForm(req: ImportRequest, extra: { dryRun?: boolean; preview?: boolean } = {}): FormData {
  const form = new FormData();
  // Text fields first: the server reads them whatever the order, but a proxy may stream.
  form.set('format', req.format);
  if (req.delimiter && req.format === 'csv') form.set('delimiter', req.delimiter);
  if (!extra.preview) {
    form.set('dryRun', extra.dryRun ? 'true' : 'false');
    if (req.format === 'csv' && req.mapping) form.set('mapping', JSON.stringify(req.mapping));
  }
  form.set('file', req.file, req.file.name);
  return form;
}

export const importApi = {
  /** Reads the file without writing: columns, a sample, the suggested mapping. */
  preview: (req: ImportRequest) =>
    http.postForm<TImportPreview>('/api/v1/imports/preview', importForm(req, { preview: true })),
  /** `dryRun`: everything checked and counted, nothing written. */
  run: (req: ImportRequest, dryRun: boolean) =>
    http.postForm<TImportResult>('/api/v1/imports', importForm(req, { dryRun })),
};
