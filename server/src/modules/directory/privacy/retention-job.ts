import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../platform/db/client';
import { enqueueJob } from '../../../platform/jobs/enqueue-job';
import { jobs as jobsTable } from '../../../platform/jobs/jobs.schema';
import type { JobRunner } from '../../../platform/jobs/runner';
import { anonymiseExpiredContacts } from './anonymise-expired-contacts';

export const RETENTION_JOB = 'privacy.retention';

/** The next 02:00 UTC after `now`: before the nightly ANALYZE (03:00), a quiet hour. */
export function nextRetentionRunAt(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 2));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

async function scheduleRetention(db: Db, now: Date): Promise<void> {
  const runAt = nextRetentionRunAt(now);
  // One run per night whoever schedules it (several processes on PostgreSQL): the key is the day.
  await enqueueJob(db, {
    kind: RETENTION_JOB,
    runAt,
    idempotencyKey: `${RETENTION_JOB}:${runAt.toISOString().slice(0, 10)}`,
  });
}

/** Registers the daily anonymisation of expired contacts and schedules its next run. */
export async function registerRetentionJob(db: Db, jobs: JobRunner, log: FastifyBaseLogger): Promise<void> {
  jobs.register(RETENTION_JOB, async (_payload, job) => {
    const report = await anonymiseExpiredContacts(db);
    log.info({ report }, 'retention: expired contacts anonymised');
    // The night after this job's own, even when it runs early or late.
    const [row] = await db.select({ runAt: jobsTable.runAt }).from(jobsTable).where(eq(jobsTable.id, job.id));
    await scheduleRetention(db, new Date(Math.max(Date.now(), row?.runAt.getTime() ?? 0)));
  });
  await scheduleRetention(db, new Date());
}
