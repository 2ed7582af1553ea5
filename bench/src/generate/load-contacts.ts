// The address book, loaded through the product's own CSV import (parse, match, write,
// index the names and the search rows, audit) in chunks: the rows are exactly what an import
// writes, and 250,000 contacts never sit in one string.
import { csvDrafts, openCsv } from '../../../server/src/modules/directory/imports/csv-file';
import { suggestMapping } from '../../../server/src/modules/directory/imports/csv-mapping';
import { importContacts } from '../../../server/src/modules/directory/imports/import-contacts';
import type { Database } from '../../../server/src/platform/db/client';
import type { Actor } from '../../../server/src/platform/policy/actor';
import { contactRow, HEADER, seededRandom } from '../contact-rows';

const CHUNK_ROWS = 10_000;

const quote = (s: string) => (/[;"\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** CSV chunks of the seeded address book, `;`-separated as a French spreadsheet writes it. */
export function* contactCsvChunks(rows: number, seed: number, chunkRows = CHUNK_ROWS): Generator<string> {
  const random = seededRandom(seed);
  for (let start = 0; start < rows; start += chunkRows) {
    const lines = [HEADER.join(';')];
    for (let i = start; i < Math.min(rows, start + chunkRows); i++)
      lines.push(contactRow(random, i).map(quote).join(';'));
    yield `${lines.join('\r\n')}\r\n`;
  }
}

/** Imports `rows` contacts for the actor's organisation; the number written. */
export async function loadContacts(database: Database, actor: Actor, rows: number, seed: number): Promise<number> {
  let created = 0;
  for (const text of contactCsvChunks(rows, seed)) {
    const result = await database.db.transaction(async (tx) => {
      const file = openCsv(text);
      return importContacts(tx, actor, csvDrafts(file, suggestMapping(file.header)), {
        format: 'csv',
        source: 'Import CSV (banc d’essai)',
        region: 'NC',
        driver: database.driver,
      });
    });
    created += result.created;
  }
  return created;
}
