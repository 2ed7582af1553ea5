import { sql } from 'drizzle-orm';
import { type Db, type Queryable, queryRows } from '../../../platform/db/client';
import { enqueueJob } from '../../../platform/jobs/enqueue-job';
import type { JobRunner } from '../../../platform/jobs/runner';
import { REFRESH_BATCH, refreshStatistics } from './duplicate-refresh-job';
import { refreshCandidatesByKeys } from './refresh-candidates-by-keys';

export const DUPLICATE_REBUILD_JOB = 'directory.duplicates_rebuild';

/** Batches per job: the job then hands over to its continuation, so other jobs get a turn. */
const BATCHES_PER_JOB = 50;

/**
 * Contacts written without the duplicate machinery have no match keys and no candidates:
 * those created before the candidates table (migration 0007) and those the demo seeders
 * insert in bulk. This job fills them for one organisation, in id order from `after`, one
 * short transaction per REFRESH_BATCH contacts. A live contact always has at least its name
 * key once refreshed, so « without keys » is what is left to do (a name with no letter is
 * passed over: the walk goes on by id, it never loops).
 */
export function registerDuplicateRebuildJob(jobs: JobRunner, db: Db): void {
  if (jobs.handlers.has(DUPLICATE_REBUILD_JOB)) return;
  jobs.register(DUPLICATE_REBUILD_JOB, async (payload, job) => {
    if (!job.orgId) return;
    const orgId = job.orgId;
    let after = typeof payload.after === 'string' ? payload.after : null;
    await refreshStatistics(db);
    for (let round = 0; round < BATCHES_PER_JOB; round++) {
      const done = await db.transaction(async (tx) => {
        const ids = await contactsWithoutKeys(tx, orgId, after, REFRESH_BATCH);
        await refreshCandidatesByKeys(tx, orgId, ids);
        return ids;
      });
      if (done.length < REFRESH_BATCH) return;
      after = done.at(-1) ?? null;
    }
    // More to do: the next job goes on from here (its key makes a retry enqueue it once).
    await enqueueJob(db, {
      kind: DUPLICATE_REBUILD_JOB,
      orgId,
      payload: { after },
      idempotencyKey: `${DUPLICATE_REBUILD_JOB}:${orgId}:${after}`,
    });
  });
}

/** The organisation's live contacts without any match key, in id order after `after`. */
export async function contactsWithoutKeys(
  tx: Queryable,
  orgId: string,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select c.id::text as id from contacts c
        where c.org_id = ${orgId} and c.deleted_at is null and c.anonymised_at is null
          ${after ? sql`and c.id > ${after}::uuid` : sql``}
          and not exists (select 1 from contact_match_keys k where k.contact_id = c.id)
        order by c.id
        limit ${limit}`,
  );
  return rows.map((r) => r.id);
}

/**
 * At start: one rebuild job for each organisation that has contacts without keys. The key
 * names the first such contact, so starting again before the job ran enqueues nothing more,
 * and contacts left without keys later (a demo seeded afterwards) get a job of their own.
 */
export async function enqueueDuplicateRebuilds(db: Db): Promise<number> {
  const orgs = await queryRows<{ id: string }>(db, sql`select id::text as id from organisations`);
  let enqueued = 0;
  for (const org of orgs) {
    const [first] = await contactsWithoutKeys(db, org.id, null, 1);
    if (!first) continue;
    const id = await enqueueJob(db, {
      kind: DUPLICATE_REBUILD_JOB,
      orgId: org.id,
      payload: {},
      idempotencyKey: `${DUPLICATE_REBUILD_JOB}:${org.id}:start:${first}`,
    });
    if (id) enqueued++;
  }
  return enqueued;
}
