import { randomBytes } from 'node:crypto';
import pg from 'pg';

// A PostgreSQL database of its own for one test file or one benchmark run, on the server that
// DATABASE_URL names: created empty, dropped after. Nothing is ever written to that URL's own
// database.

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new empty database `<prefix>_<random>`; its name and URL. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<{ name: string; url: string }> {
  if (!/^[a-z][a-z0-9_]*$/.test(prefix)) throw new Error(`bad database prefix: ${prefix}`);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  return { name, url: databaseUrl(serverUrl, name) };
}

/** Drops a database made by createScratchDatabase, whoever is still connected to it. */
export async function dropScratchDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`bad database name: ${name}`);
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
