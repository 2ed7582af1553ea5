import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { Database, Db } from '../src/platform/db/client';
import * as schema from '../src/platform/db/schema';

/**
 * The test database behind a drizzle instance that hands `record` every statement it sends:
 * the caches' tests count the statements a request costs instead of timing it.
 */
export function recordingStatements(db: Db, driver: Database['driver'], record: (query: string) => void): Db {
  const logger = { logQuery: (query: string) => record(query) };
  const client = (db as unknown as { $client: never }).$client;
  return (driver === 'pglite'
    ? drizzlePglite(client, { schema, logger })
    : drizzlePg(client, { schema, logger })) as unknown as Db;
}
