// Bulk loading's usual move: the secondary indexes of the tables the generator fills (GIN for
// full text, trigrams and arrays; the B-trees of every list filter) are dropped before the
// load and built again after it from their own definitions (pg_indexes.indexdef, WITH options
// included), so the database ends with exactly the migrations' indexes. Building an index from
// sorted entries is many times cheaper than inserting a million rows into it one at a time.
// Unique indexes stay (primary keys, the register's numbers: the load must not break them).
// The import path keeps its own deferral (directory/imports/deferred-gin.ts) for the contacts.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../../server/src/platform/db/client';

export const BULK_TABLES = [
  'correspondence_items',
  'correspondence_fingerprint_bands',
  'search_index',
  'agenda_events',
  'agenda_event_officials',
  'cases',
  'case_links',
  'notes',
];

export async function withIndexesDeferred<T>(database: Database, work: () => Promise<T>): Promise<T> {
  const indexes = await queryRows<{ name: string; definition: string }>(
    database.db,
    sql`select indexname as name, indexdef as definition from pg_indexes
      where schemaname = 'public' and indexdef not like 'CREATE UNIQUE INDEX%'
        and tablename in (${sql.join(
          BULK_TABLES.map((t) => sql`${t}`),
          sql`, `,
        )})
      order by indexname`,
  );
  for (const index of indexes) await database.db.execute(sql.raw(`drop index "${index.name}"`));
  try {
    return await work();
  } finally {
    // Built again even when the load failed: the database is thrown away, but never half-indexed.
    for (const index of indexes) await database.db.execute(sql.raw(index.definition));
  }
}
