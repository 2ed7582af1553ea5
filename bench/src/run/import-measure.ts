// The CSV import of the issue (250,000 contacts), through the product's import command in one
// transaction, into an organisation of its own (a fresh address book, as a first import is).
import { sql } from 'drizzle-orm';
import { csvDrafts, openCsv } from '../../../server/src/modules/directory/imports/csv-file';
import { suggestMapping } from '../../../server/src/modules/directory/imports/csv-mapping';
import { importContacts } from '../../../server/src/modules/directory/imports/import-contacts';
import type { Database } from '../../../server/src/platform/db/client';
import { newId } from '../../../server/src/platform/db/columns';
import type { Actor } from '../../../server/src/platform/policy/actor';
import { contactsCsv } from '../contact-rows';

export interface ImportResult {
  rows: number;
  created: number;
  seconds: number;
  rowsPerSecond: number;
}

export async function measureImport(
  database: Database,
  userId: string,
  rows: number,
  seed: number,
): Promise<ImportResult> {
  const orgId = newId();
  await database.db.execute(sql`insert into organisations (id, slug, name, kind, official_code, time_zone, currency, locale)
    values (${orgId}, ${`bench-import-${orgId}`}, 'Import (banc d’essai)', 'commune', '98817', 'Pacific/Noumea', 'XPF', 'fr-NC')`);
  const actor: Actor = {
    userId,
    name: 'Banc d’essai',
    email: 'bench@example.nc',
    orgId,
    role: 'chief_of_staff',
    sessionId: '',
    ip: '127.0.0.1',
  };
  const text = contactsCsv(rows, seed + 20);
  const started = performance.now();
  const result = await database.db.transaction((tx) => {
    const file = openCsv(text);
    return importContacts(tx, actor, csvDrafts(file, suggestMapping(file.header)), {
      format: 'csv',
      source: 'Import CSV',
      region: 'NC',
      driver: database.driver,
    });
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    rows: result.rows,
    created: result.created,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(result.rows / seconds),
  };
}
