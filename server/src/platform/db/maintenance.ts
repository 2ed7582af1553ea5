import { eq, sql } from 'drizzle-orm';
import { enqueueJob } from '../jobs/enqueue-job';
import { jobs as jobsTable } from '../jobs/jobs.schema';
import type { JobRunner } from '../jobs/runner';
import type { Database } from './client';

export const ANALYZE_JOB = 'db.analyze';

/** The next 03:00 UTC after `now`: a quiet hour for a nightly statistics refresh. */
export function nextAnalyzeAt(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 3));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

async function scheduleAnalyze(database: Database, now: Date) {
  const runAt = nextAnalyzeAt(now);
  // One job per night whoever schedules it: the key is the night's date.
  await enqueueJob(database.db, {
    kind: ANALYZE_JOB,
    runAt,
    idempotencyKey: `${ANALYZE_JOB}:${runAt.toISOString().slice(0, 10)}`,
  });
}

/**
 * PGlite has no autovacuum, so its planner never learns table sizes and ignores the search
 * indexes (seen with EXPLAIN at 3,000 rows). Refresh the statistics at start-up and every
 * night. PostgreSQL's autovacuum does this by itself.
 */
export async function registerDatabaseMaintenance(database: Database, jobs: JobRunner): Promise<void> {
  if (database.driver !== 'pglite') return;
  jobs.register(ANALYZE_JOB, async (_payload, job) => {
    await database.db.execute(sql`analyze`);
    // The night after this job's own, even when it runs early or late.
    const [row] = await database.db.select({ runAt: jobsTable.runAt }).from(jobsTable).where(eq(jobsTable.id, job.id));
    const after = Math.max(Date.now(), row?.runAt.getTime() ?? 0);
    await scheduleAnalyze(database, new Date(after));
  });
  await database.db.execute(sql`analyze`);
  await scheduleAnalyze(database, new Date());
}
