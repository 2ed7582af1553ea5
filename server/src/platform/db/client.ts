import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import { preparingClient } from './prepared-statements';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema>;
/** Anything that runs queries: the database or a transaction in progress. */
export type Queryable = Db | Tx;

export type DbDriver = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  driver: DbDriver;
  close(): Promise<void>;
  /** The embedded engine, when there is one (backup uses it). */
  pglite?: PGlite;
  /** The PostgreSQL URL, for a connection the pool cannot give (the session cache's LISTEN). */
  url?: string;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; absent means in memory (tests). */
  dataDir?: string | undefined;
  /** A PGlite dump (from backup) to start from. */
  loadDataDir?: Blob | File;
}

export const PGLITE_EXTENSIONS = { unaccent, pg_trgm };

/** Opens PGlite (embedded) or PostgreSQL, with the same schema and the same API. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    // Each statement with parameters is prepared once per connection (prepared-statements.ts).
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, Client: preparingClient() });
    // An idle connection the server closes (restart, failover, a forced DROP DATABASE in the
    // tests) is reported here; without a listener node-postgres would crash the process.
    // The pool replaces the connection on the next query.
    pool.on('error', (error) => {
      if ((error as { code?: string }).code !== '57P01')
        console.error('PostgreSQL idle connection error:', error.message);
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, driver: 'postgres', url: options.databaseUrl, close: () => pool.end() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    const client = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: PGLITE_EXTENSIONS,
    });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    const close = async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    };
    return { db, driver: 'pglite', pglite: client, close };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Rows of a raw SQL query, typed by the caller (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
