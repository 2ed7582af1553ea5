// Batched inserts for both engines: one statement per batch of rows, each column sent as one
// array parameter and spread back with unnest(). One round trip and one plan per 5,000 rows
// on PostgreSQL and on PGlite alike, with no limit on parameters (65,535 for a VALUES list).
import type { Database } from '../../../server/src/platform/db/client';

export const BATCH_ROWS = 5_000;

/** A column and its PostgreSQL type; array and jsonb columns travel as text and are cast back. */
export type Column = readonly [name: string, type: string];

interface RawClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The driver's own client (node-postgres pool or PGlite): drizzle would expand arrays. */
export function rawClient(database: Database): RawClient {
  const client = (database.db as unknown as { $client?: RawClient }).$client;
  if (!client) throw new Error('no raw client on this database');
  return client;
}

/** `{a,"b c"}`: an array literal, for array columns sent through a text[] parameter. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/** Inserts rows (objects keyed by column name) in one statement. */
export async function insertRows(
  database: Database,
  table: string,
  columns: readonly Column[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const carried = (type: string) => (type.endsWith('[]') || type === 'jsonb' ? 'text' : type);
  const params = columns.map(([name, type]) =>
    rows.map((row) => {
      const value = row[name];
      if (value === null || value === undefined) return null;
      if (type.endsWith('[]')) return arrayLiteral(value as string[]);
      if (type === 'jsonb') return JSON.stringify(value);
      return value;
    }),
  );
  const names = columns.map(([name]) => name).join(', ');
  const unnest = columns.map(([, type], i) => `$${i + 1}::${carried(type)}[]`).join(', ');
  const selected = columns.map(([name, type]) => (carried(type) === type ? name : `${name}::${type}`)).join(', ');
  await rawClient(database).query(
    `insert into ${table} (${names}) select ${selected} from unnest(${unnest}) as t(${names})`,
    params,
  );
}

/** Streams rows into a table in batches, calling `after` with each batch (to index it). */
export async function insertStream<T extends object>(
  database: Database,
  table: string,
  columns: readonly Column[],
  rows: Iterable<T>,
  after?: (batch: T[]) => Promise<void>,
): Promise<number> {
  let batch: T[] = [];
  let total = 0;
  const flush = async () => {
    await insertRows(database, table, columns, batch as unknown as Record<string, unknown>[]);
    if (after) await after(batch);
    total += batch.length;
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  if (batch.length > 0) await flush();
  return total;
}
