import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/test-app';
import { type Database, queryRows } from '../../platform/db/client';
import { newId } from '../../platform/db/columns';
import { applyMigrations } from '../../platform/db/migrate';
import { takeNextSequence } from './numbering';

// The counter taken with the register's lock in one statement (registration's incoming path).

let database: Database;
const orgId = newId();

beforeAll(async () => {
  database = await openTestDatabase();
  await applyMigrations(database);
  await database.db.execute(sql`insert into organisations (id, slug, name, kind, official_code, time_zone, currency, locale)
    values (${orgId}, ${`numbering-lock-${orgId}`}, 'Numérotation', 'commune', '98817', 'Pacific/Noumea', 'XPF', 'fr-NC')`);
});
afterAll(() => database.close());

const LOCK = `test.numbering-lock:${orgId}`;

describe('the next sequence taken with a lock first', () => {
  it('holds the lock until the transaction ends and counts on from the last number', async () => {
    const held = await database.db.transaction(async (tx) => {
      const first = await takeNextSequence(tx, orgId, 'in', 2026, LOCK);
      const second = await takeNextSequence(tx, orgId, 'in', 2026, LOCK);
      const locks = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from pg_locks
            where locktype = 'advisory' and granted and pid = pg_backend_pid()`,
      );
      return { first, second, locks: locks[0]?.n ?? 0 };
    });
    expect(held).toEqual({ first: 1, second: 2, locks: 1 });
    const after = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()`,
    );
    expect(after[0]?.n).toBe(0);
  });

  it('makes a registration wait for the one holding the lock, and gives back a rolled-back number', async () => {
    let release!: () => void;
    const holding = new Promise<void>((resolve) => {
      release = resolve;
    });
    let took!: () => void;
    const taken = new Promise<void>((resolve) => {
      took = resolve;
    });
    const first = database.db
      .transaction(async (tx) => {
        const sequence = await takeNextSequence(tx, orgId, 'out', 2026, LOCK);
        took();
        await holding;
        throw new Error(`rolled back with ${sequence}`);
      })
      .catch((error: Error) => error.message);
    await taken;
    let secondDone = false;
    const second = database.db
      .transaction((tx) => takeNextSequence(tx, orgId, 'out', 2026, LOCK))
      .then((sequence) => {
        secondDone = true;
        return sequence;
      });
    // The second waits on the lock (PostgreSQL) or the first's transaction (PGlite).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondDone).toBe(false);
    release();
    expect(await first).toBe('rolled back with 1');
    expect(await second).toBe(1);
  });
});
