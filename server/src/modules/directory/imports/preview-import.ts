import type { TImportFormat, TImportPreview } from '@dircab/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { organisations } from '../../org/org.schema';
import { type CsvDelimiter, readCsv } from './csv';
import { isBlank, openCsv } from './csv-file';
import { suggestMapping } from './csv-mapping';
import { readRneRow, rneLayout, sameCode } from './rne';
import { readVcards } from './vcard';
import { previewCells } from './vcard-drafts';

const SAMPLE = 20;

const fileError = (message: string) =>
  problems.badRequest('Le fichier ne peut pas être lu.', [{ path: 'file', message, code: 'invalid_file' }]);

/**
 * Reads a file without writing anything: its columns (or card properties), its first 20
 * rows, its row count, the mapping suggested from its headers (CSV) and, for the RNE, how
 * many rows are the organisation's own officials.
 */
export async function previewImport(
  db: Queryable,
  actor: Actor,
  format: TImportFormat,
  text: string,
  delimiter?: CsvDelimiter,
): Promise<TImportPreview> {
  if (format === 'csv') {
    const file = openCsv(text, delimiter);
    const sample: string[][] = [];
    let rows = 0;
    for (const record of file.records) {
      if (isBlank(record)) continue;
      rows++;
      if (sample.length < SAMPLE) sample.push(file.header.map((_h, i) => record.fields[i] ?? ''));
    }
    return {
      format,
      rows,
      delimiter: file.delimiter,
      columns: file.header,
      sample,
      suggestedMapping: suggestMapping(file.header),
    };
  }
  if (format === 'vcard') {
    const cards = [...readVcards(text)];
    if (cards.length === 0) throw fileError('Aucune fiche BEGIN:VCARD … END:VCARD dans ce fichier.');
    const columns = [...new Set(cards.flatMap((c) => c.properties.map((p) => p.name)))].filter(
      (name) => name !== 'PHOTO' && name !== 'LOGO' && name !== 'SOUND' && name !== 'KEY',
    );
    return {
      format,
      rows: cards.length,
      delimiter: null,
      columns,
      sample: cards.slice(0, SAMPLE).map((c) => previewCells(c, columns)),
      suggestedMapping: {},
    };
  }
  const records = readCsv(text);
  const first = records.next();
  if (first.done) throw fileError('Le fichier est vide.');
  const layout = rneLayout(first.value.fields);
  if ('missing' in layout) {
    throw fileError(
      `Ce n’est pas un fichier du Répertoire national des élus : colonnes manquantes ${layout.missing.join(', ')}.`,
    );
  }
  const [org] = await db
    .select({ officialCode: organisations.officialCode })
    .from(organisations)
    .where(eq(organisations.id, actor.orgId));
  if (!org) throw problems.notFound();
  const sample: string[][] = [];
  let rows = 0;
  // Officials, not rows: one person may hold two mandates of the organisation.
  const own = new Set<string>();
  for (const record of records) {
    rows++;
    if (sample.length < SAMPLE) sample.push(first.value.fields.map((_h, i) => record.fields[i] ?? ''));
    const row = readRneRow(layout, record);
    if (!('error' in row) && sameCode(row.collectivityCode, org.officialCode)) own.add(row.personKey);
  }
  return {
    format,
    rows,
    delimiter: ';',
    columns: first.value.fields,
    sample,
    suggestedMapping: {},
    ownOfficials: own.size,
  };
}
