import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../../platform/db/client';
import { enqueueJob } from '../../../platform/jobs/enqueue-job';
import type { JobRunner } from '../../../platform/jobs/runner';
import { refreshCandidatesByKeys } from './refresh-candidates-by-keys';

export const DUPLICATE_REFRESH_JOB = 'directory.duplicates_refresh';

/** Contacts per job (the ids travel in the payload). */
const PER_JOB = 500;

/**
 * Contacts per transaction inside a job. On PGlite the database runs one transaction at a
 * time, so a job's transaction holds every user request back while it runs. Measured on
 * PGlite at 100,000 realistic contacts (bench/src/duplicate-refresh.ts): 100 a batch gave
 * 157 ms on average and 410 ms at most (common names: about 80 key hits per contact), so 50.
 */
export const REFRESH_BATCH = 50;

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

/**
 * Refreshes these contacts by exact keys, REFRESH_BATCH per transaction: a short transaction
 * each, so the requests of users interleave with the job's work.
 */
export async function refreshInShortTransactions(db: Db, orgId: string, ids: readonly string[]): Promise<void> {
  await refreshStatistics(db);
  for (let i = 0; i < ids.length; i += REFRESH_BATCH) {
    const batch = ids.slice(i, i + REFRESH_BATCH);
    await db.transaction((tx) => refreshCandidatesByKeys(tx, orgId, batch));
  }
}

/**
 * Right after a bulk import the tables' statistics are stale (PGlite has no autovacuum; the
 * machine's PostgreSQL may run without it) and the planner chose whole-table plans: 15 s for
 * one job of 500 contacts after a 526-row import on PGlite, holding every request back. Forcing
 * index plans (enable_seqscan off) made it worse on fresh small tables; fresh statistics, once
 * a job, fix the cause (1.6 s → see the commit).
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`analyze contacts, contact_match_keys, contact_duplicate_candidates`);
}

/** The job's handler: idempotent (a refresh recomputes from the contacts as they are). */
export function registerDuplicateRefreshJob(jobs: JobRunner, db: Db): void {
  if (jobs.handlers.has(DUPLICATE_REFRESH_JOB)) return;
  jobs.register(DUPLICATE_REFRESH_JOB, async (payload, job) => {
    const ids = Array.isArray(payload.ids) ? payload.ids.filter((x): x is string => typeof x === 'string') : [];
    if (!job.orgId || ids.length === 0) return;
    await refreshInShortTransactions(db, job.orgId, ids);
  });
}
