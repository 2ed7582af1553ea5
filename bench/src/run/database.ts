// A throwaway database per run: PGlite in a temporary folder (on disk, as the product keeps
// it), or a new PostgreSQL database on DATABASE_URL's server; migrated by the product's own
// migrations (with every index); removed after the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, queryRows } from '../../../server/src/platform/db/client';
import { applyMigrations } from '../../../server/src/platform/db/migrate';
import { createScratchDatabase, dropScratchDatabase } from '../../../server/test/scratch-database';

export interface BenchDatabase {
  database: Database;
  /** `PostgreSQL 17.6 …` or `PGlite 0.5 (PostgreSQL 18.6)`. */
  version: string;
  drop(): Promise<void>;
}

export async function openBenchDatabase(db: 'pglite' | 'postgres'): Promise<BenchDatabase> {
  if (db === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('--db postgres needs DATABASE_URL');
    const scratch = await createScratchDatabase(url, 'dircab_bench');
    const database = await openDatabase({ databaseUrl: scratch.url });
    return finish(database, async () => {
      await database.close();
      await dropScratchDatabase(url, scratch.name);
    });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'dircab-bench-'));
  const database = await openDatabase({ dataDir });
  return finish(database, async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
}

async function finish(database: Database, drop: () => Promise<void>): Promise<BenchDatabase> {
  try {
    await applyMigrations(database);
    const [row] = await queryRows<{ v: string }>(database.db, sql`select version() as v`);
    const version = row?.v.split(' on ')[0] ?? 'unknown';
    return { database, version: database.driver === 'pglite' ? `PGlite (${version})` : version, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}
