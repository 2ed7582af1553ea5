import { sql } from 'drizzle-orm';
import { type DbDriver, type Queryable, queryRows } from '../../../platform/db/client';

// The name indexes (trigram on contacts.display_name, full text and trigram on search_index)
// are GIN indexes. Inserting into them row by row was half of an import's time. A GIN index
// with a pending list (fastupdate) takes new entries in a list instead, merged into the index
// in one sorted pass, which is much cheaper per row. For a big import:
//
// - PGlite: the indexes are built with fastupdate = off (migration 0003: no autovacuum would
//   ever merge the list). The import switches the list on inside its transaction, fills it,
//   merges it with gin_clean_pending_list() before commit and switches it off again; a
//   rollback restores the option by itself. PGlite runs one transaction at a time, so the
//   ACCESS EXCLUSIVE lock of ALTER INDEX blocks nobody who was not already waiting.
// - PostgreSQL: the indexes keep their pending list (migration 0009); ALTER INDEX would block
//   every reader of contacts for the length of the import. The import only raises
//   gin_pending_list_limit for its own transaction (a setting, no lock), so the list is merged
//   a few times in big sorted passes, and merges what is left before commit.

/** Below this many rows the switch costs more than it saves. */
export const DEFERRED_GIN_MIN_ROWS = 5_000;

/** PostgreSQL: concurrent searches read the list until it is merged, so it stays moderate. */
const PENDING_LIST_LIMIT: Record<DbDriver, string> = { pglite: '1GB', postgres: '64MB' };

const TABLES = ['contacts', 'search_index'];

/** The GIN indexes of the tables an import writes, and whether each was built with fastupdate off. */
async function ginIndexes(tx: Queryable): Promise<{ name: string; off: boolean }[]> {
  return queryRows<{ name: string; off: boolean }>(
    tx,
    sql`select i.relname as name,
               coalesce(i.reloptions, '{}') && array['fastupdate=false', 'fastupdate=off'] as off
        from pg_index x
        join pg_class i on i.oid = x.indexrelid
        join pg_class t on t.oid = x.indrelid
        join pg_am am on am.oid = i.relam
        where am.amname = 'gin' and t.relnamespace = 'public'::regnamespace
          and t.relname in (${sql.join(
            TABLES.map((name) => sql`${name}`),
            sql`, `,
          )})`,
  );
}

const quoted = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

/**
 * Defers the GIN work of an import in progress once it is big enough, and merges it before
 * the caller's transaction commits. Call `grown` before writing each batch with the rows read
 * so far, and `finish` after the last batch.
 */
export class DeferredGin {
  private indexes: { name: string; off: boolean }[] | null = null;

  constructor(
    private readonly tx: Queryable,
    private readonly driver: DbDriver,
  ) {}

  async grown(rowsRead: number): Promise<void> {
    if (this.indexes || rowsRead < DEFERRED_GIN_MIN_ROWS) return;
    this.indexes = await ginIndexes(this.tx);
    await this.tx.execute(sql`select set_config('gin_pending_list_limit', ${PENDING_LIST_LIMIT[this.driver]}, true)`);
    if (this.driver !== 'pglite') return;
    for (const { name, off } of this.indexes) {
      if (off) await this.tx.execute(sql`alter index ${quoted(name)} set (fastupdate = true)`);
    }
  }

  async finish(): Promise<void> {
    if (!this.indexes) return;
    for (const { name, off } of this.indexes) {
      await this.tx.execute(sql`select gin_clean_pending_list(${name}::regclass)`);
      if (off && this.driver === 'pglite') {
        await this.tx.execute(sql`alter index ${quoted(name)} set (fastupdate = false)`);
      }
    }
    this.indexes = null;
    // PGlite has no autovacuum (and a PostgreSQL may run without it): without fresh
    // statistics the planner would not know the tables grew and could turn away from the
    // name indexes until the next ANALYZE.
    await this.tx.execute(sql`analyze contacts`);
    await this.tx.execute(sql`analyze search_index`);
  }
}
