import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/test-app';
import { queryRows } from './client';

describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL connection pool', () => {
  it('survives the server closing an idle connection, and queries again', async () => {
    const database = await openTestDatabase();
    try {
      const [me] = await queryRows<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`);
      // Another session ends ours, as a restart or a failover would, while the pool keeps it idle.
      const admin = await openTestDatabase();
      try {
        await admin.db.execute(sql`select pg_terminate_backend(${me?.pid ?? 0})`);
      } finally {
        await admin.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [again] = await queryRows<{ ok: number }>(database.db, sql`select 1 as ok`);
      expect(again?.ok).toBe(1);
    } finally {
      await database.close();
    }
  });
});
