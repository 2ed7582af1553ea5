import { eq, sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, dropScratchDatabase } from '../../../test/scratch-database';
import { organisations } from '../../modules/org/org.schema';
import { openDatabase, queryRows } from './client';
import { applyMigrations } from './migrate';
import { preparingClient, statementName } from './prepared-statements';

const url = process.env.DATABASE_URL;

// node-postgres only: PGlite runs every statement unnamed, and has no other connection anyway.
describe.skipIf(!url)('statements prepared once per connection (PostgreSQL)', () => {
  let scratch: { name: string; url: string };
  const opened: pg.Client[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase(url as string, 'dircab_test');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((client) => client.end()));
  });
  afterAll(() => dropScratchDatabase(url as string, scratch.name));

  async function connect(max?: number): Promise<pg.Client> {
    const Client = preparingClient(max);
    const client = new Client({ connectionString: scratch.url });
    await client.connect();
    opened.push(client);
    return client;
  }

  /** What this connection keeps prepared (a statement without parameters: never itself prepared). */
  async function preparedOn(client: pg.Client) {
    const { rows } = await client.query(
      'select name, statement, generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements order by statement',
    );
    return rows as { name: string; statement: string; generic: number; custom: number }[];
  }

  it('prepares a statement with parameters at its first run, then reuses it and its plan', async () => {
    const client = await connect();
    const text = 'select $1::int + 1 as n';
    for (let i = 0; i < 8; i++) {
      expect((await client.query({ text, values: [i] })).rows).toEqual([{ n: i + 1 }]);
    }
    const [statement, ...others] = await preparedOn(client);
    expect(others).toEqual([]);
    expect(statement?.name).toBe(statementName(text));
    // Planned for each value five times, then the generic plan kept (PostgreSQL's default).
    expect(statement?.custom).toBe(5);
    expect(statement?.generic).toBe(3);
  });

  it('leaves statements without parameters to the simple protocol', async () => {
    const client = await connect();
    await client.query('select 1 as one; select 2 as two');
    await client.query({ text: 'select 3 as three', values: [] });
    expect(await preparedOn(client)).toEqual([]);
  });

  it('prepares no more than its bound on one connection, and runs the rest unnamed', async () => {
    const client = await connect(3);
    for (let round = 0; round < 2; round++) {
      for (let k = 0; k < 5; k++) {
        const { rows } = await client.query({ text: `select $1::int * ${k} as n`, values: [round + 1] });
        expect(rows).toEqual([{ n: (round + 1) * k }]);
      }
    }
    expect((await preparedOn(client)).map((s) => s.statement)).toEqual([
      'select $1::int * 0 as n',
      'select $1::int * 1 as n',
      'select $1::int * 2 as n',
    ]);
  });

  it('gives the database’s error for a statement that does not parse, every time, and goes on', async () => {
    const client = await connect();
    for (let i = 0; i < 2; i++) {
      await expect(client.query({ text: 'select $1::int +', values: [1] })).rejects.toMatchObject({ code: '42601' });
    }
    expect((await client.query({ text: 'select $1::text as t', values: ['ok'] })).rows).toEqual([{ t: 'ok' }]);
  });

  it('is what the product’s PostgreSQL pool runs drizzle’s statements with', async () => {
    const database = await openDatabase({ databaseUrl: scratch.url });
    try {
      await applyMigrations(database);
      const kept = await database.db.transaction(async (tx) => {
        // One connection for the transaction: the statement read twice, then what it holds (the
        // migrations may have left statements of their own on it).
        const read = () =>
          tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'nowhere'));
        expect(await read()).toEqual([]);
        expect(await read()).toEqual([]);
        return queryRows<{ statement: string; runs: number }>(
          tx,
          sql`select statement, (generic_plans + custom_plans)::int as runs from pg_prepared_statements
              where statement like '%from "organisations"%'`,
        );
      });
      expect(kept).toEqual([
        { statement: 'select "id" from "organisations" where "organisations"."slug" = $1', runs: 2 },
      ]);
    } finally {
      await database.close();
    }
  });
});
