import { eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { jobs } from './jobs.schema';

export type JobRow = typeof jobs.$inferSelect;

/** The time a runner pass works at: the database's clock unless a test passes its own. */
export function clockAt(now: Date | undefined): SQL {
  return now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
}

/**
 * Takes the oldest due job and marks it running, in one statement: SKIP LOCKED lets several
 * processes on PostgreSQL share the table without taking the same job; PGlite runs one
 * statement at a time anyway. No transaction is held while the handler runs.
 */
export async function claimNextJob(db: Queryable, at: SQL): Promise<JobRow | null> {
  const [job] = await db
    .update(jobs)
    .set({ status: 'running', lockedAt: at, attempts: sql`${jobs.attempts} + 1` })
    .where(
      eq(
        jobs.id,
        sql`(select id from jobs where status = 'pending' and run_at <= ${at} order by run_at limit 1 for update skip locked)`,
      ),
    )
    .returning();
  return job ?? null;
}

/**
 * Crash recovery: a job still `running` after `timeoutMs` belongs to a process that died
 * (or a handler that hung); it goes back to pending, or to failed when it has no try left.
 */
export async function recoverStaleJobs(db: Queryable, at: SQL, timeoutMs: number): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({
      status: sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then 'failed' else 'pending' end`,
      lockedAt: null,
      lastError: sql`'Interrupted: still running after ' || ${Math.round(timeoutMs / 1000)}::int || ' s (process stopped?)'`,
      finishedAt: sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then ${at} else null end`,
    })
    .where(
      sql`${jobs.status} = 'running' and ${jobs.lockedAt} < ${at} - make_interval(secs => ${timeoutMs / 1000}::float8)`,
    )
    .returning({ id: jobs.id });
  return rows.length;
}
