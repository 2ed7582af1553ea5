// Bulk loading's usual move: the GIN indexes (full text, trigrams, arrays) of the tables the
// generator fills are dropped before the load and built again after it from their own
// definitions (pg_indexes.indexdef, WITH options included), so the database ends with exactly
// the migrations' indexes. Building a GIN index from sorted entries is many times cheaper than
// inserting a million rows' words into it one row at a time; the import path keeps its own
// deferral (directory/imports/deferred-gin.ts) for the contacts.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../../server/src/platform/db/client';

export const BULK_TABLES = ['correspondence_items', 'search_index', 'agenda_events', 'cases', 'notes'];

export async function withGinIndexesDeferred<T>(database: Database, work: () => Promise<T>): Promise<T> {
  const indexes = await queryRows<{ name: string; definition: string }>(
    database.db,
    sql`select indexname as name, indexdef as definition from pg_indexes
      where schemaname = 'public' and indexdef like '% USING gin %'
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
