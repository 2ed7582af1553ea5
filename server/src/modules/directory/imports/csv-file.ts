import type { TCsvMapping } from '@dircab/contracts';
import { problems } from '../../../platform/errors/problem';
import type { ContactDraft } from './contact-draft';
import { type CsvDelimiter, type CsvRecord, guessDelimiter, readCsv } from './csv';
import { draftFromRecord, planColumns } from './csv-mapping';

/** A CSV file opened for import or preview: its separator, its header, the rest of its records. */
export interface CsvFile {
  delimiter: CsvDelimiter;
  header: string[];
  records: Generator<CsvRecord>;
}

const fileError = (message: string) =>
  problems.badRequest('Le fichier ne peut pas être importé.', [{ path: 'file', message, code: 'invalid_file' }]);

/** Reads the header line (400 on `file` when there is none). */
export function openCsv(text: string, delimiter?: CsvDelimiter): CsvFile {
  const chosen = delimiter ?? guessDelimiter(text);
  const records = readCsv(text, chosen);
  const first = records.next();
  if (first.done) throw fileError('Le fichier est vide.');
  const header = first.value.fields.map((h) => h.trim());
  if (header.every((h) => !h)) throw fileError('La première ligne doit nommer les colonnes.');
  return { delimiter: chosen, header, records };
}

/** A spreadsheet's trailing `;;;;` lines: no data, not rows. */
export const isBlank = (record: CsvRecord) => record.fields.every((f) => f.trim() === '');

/** The file's records as contact drafts, through the mapping (blank lines skipped). */
export function* csvDrafts(file: CsvFile, mapping: TCsvMapping): Generator<ContactDraft> {
  const plan = planColumns(file.header, mapping);
  for (const record of file.records) {
    if (isBlank(record)) continue;
    yield draftFromRecord(plan, record);
  }
}
