import { sql } from 'drizzle-orm';
import { type DbDriver, type Queryable, queryRows } from '../../../platform/db/client';

// The name indexes (trigram on contacts.display_name, full text and trigram on search_index)
// are GIN indexes built with fastupdate = off (migration 0003): PGlite has no autovacuum to
// flush a pending list. Inserting row by row into them was half of an import's time on
// PGlite. For a big import on PGlite the pending list is switched on inside the import's
// transaction, filled, then merged into the index in one sorted pass by
// gin_clean_pending_list() before commit, and fastupdate is switched off again: searches
// after the commit read a clean index, and a rollback restores the option by itself.
//
// Not on PostgreSQL: ALTER INDEX … SET takes an ACCESS EXCLUSIVE lock on the index, which
// would block every reader of contacts for the length of the import; its native GIN insert
// is fast enough (see bench/README.md).

/** Below this many rows the switch costs more than it saves. */
export const DEFERRED_GIN_MIN_ROWS = 5_000;

const TABLES = ['contacts', 'search_index'];

/** The GIN indexes of the tables an import writes that were built with fastupdate off. */
async function slowGinIndexes(tx: Queryable): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    tx,
    sql`select i.relname as name
        from pg_index x
        join pg_class i on i.oid = x.indexrelid
        join pg_class t on t.oid = x.indrelid
        join pg_am am on am.oid = i.relam
        where am.amname = 'gin' and t.relname in (${sql.join(
          TABLES.map((name) => sql`${name}`),
          sql`, `,
        )})
          and t.relnamespace = 'public'::regnamespace
          and coalesce(i.reloptions, '{}') && array['fastupdate=false', 'fastupdate=off']`,
  );
  return rows.map((r) => r.name);
}

const quoted = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

/**
 * Switches the pending lists on once an import in progress is big enough (PGlite only), and
 * merges them before the caller's transaction commits. Call `grown` before writing each batch
 * with the rows read so far, and `finish` after the last batch.
 */
export class DeferredGin {
  private indexes: string[] | null = null;

  constructor(
    private readonly tx: Queryable,
    private readonly driver: DbDriver,
  ) {}

  async grown(rowsRead: number): Promise<void> {
    if (this.indexes || this.driver !== 'pglite' || rowsRead < DEFERRED_GIN_MIN_ROWS) return;
    this.indexes = await slowGinIndexes(this.tx);
    // The pending list is merged when we say so, not every 4 MB.
    await this.tx.execute(sql`set local gin_pending_list_limit = '1GB'`);
    for (const name of this.indexes) {
      await this.tx.execute(sql`alter index ${quoted(name)} set (fastupdate = true)`);
    }
  }

  async finish(): Promise<void> {
    if (!this.indexes) return;
    for (const name of this.indexes) {
      await this.tx.execute(sql`select gin_clean_pending_list(${name}::regclass)`);
      await this.tx.execute(sql`alter index ${quoted(name)} set (fastupdate = false)`);
    }
    this.indexes = null;
    // PGlite has no autovacuum: without fresh statistics its planner would not know the
    // tables grew and could turn away from the name indexes until the nightly ANALYZE.
    await this.tx.execute(sql`analyze contacts`);
    await this.tx.execute(sql`analyze search_index`);
  }
}
