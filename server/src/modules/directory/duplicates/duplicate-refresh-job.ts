import type { Db, Queryable } from '../../../platform/db/client';
import { enqueueJob } from '../../../platform/jobs/enqueue-job';
import type { JobRunner } from '../../../platform/jobs/runner';
import { refreshDuplicateCandidates } from './refresh-duplicate-candidates';

export const DUPLICATE_REFRESH_JOB = 'directory.duplicates_refresh';

/** Contacts per job: one trigram lookup each, a few seconds of work on a large address book. */
const PER_JOB = 500;

/**
 * For bulk writes (imports of thousands of rows): the candidates of these contacts are
 * computed later by the job runner instead of inside the import's transaction, which stays
 * fast. Enqueued in the caller's transaction, so nothing is queued if the import rolls back.
 */
export async function enqueueDuplicateRefresh(tx: Queryable, orgId: string, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += PER_JOB) {
    await enqueueJob(tx, { kind: DUPLICATE_REFRESH_JOB, orgId, payload: { ids: ids.slice(i, i + PER_JOB) } });
  }
}

/** The job's handler: idempotent (a refresh recomputes from the contacts as they are). */
export function registerDuplicateRefreshJob(jobs: JobRunner, db: Db): void {
  if (jobs.handlers.has(DUPLICATE_REFRESH_JOB)) return;
  jobs.register(DUPLICATE_REFRESH_JOB, async (payload, job) => {
    const ids = Array.isArray(payload.ids) ? payload.ids.filter((x): x is string => typeof x === 'string') : [];
    if (!job.orgId || ids.length === 0) return;
    const orgId = job.orgId;
    await db.transaction((tx) => refreshDuplicateCandidates(tx, orgId, ids));
  });
}
