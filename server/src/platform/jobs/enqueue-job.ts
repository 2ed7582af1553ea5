import type { Queryable } from '../db/client';
import { jobs } from './jobs.schema';

export interface EnqueueJobInput {
  kind: string;
  payload?: Record<string, unknown>;
  /** Not before this time; now when absent. */
  runAt?: Date;
  orgId?: string | null;
  /** A second job with the same key is silently not created (e.g. `mail.reminder:<id>:<day>`). */
  idempotencyKey?: string;
  maxAttempts?: number;
}

/**
 * Enqueues a job in the caller's transaction, so it exists only if the change commits.
 * Returns the new job's id, or null when a job with the same idempotency key already exists.
 */
export async function enqueueJob(tx: Queryable, input: EnqueueJobInput): Promise<string | null> {
  const rows = await tx
    .insert(jobs)
    .values({
      kind: input.kind,
      payload: input.payload ?? {},
      orgId: input.orgId ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      ...(input.runAt ? { runAt: input.runAt } : {}),
      ...(input.maxAttempts !== undefined ? { maxAttempts: input.maxAttempts } : {}),
    })
    // Keys are unique (jobs_idempotency_idx); NULL keys never conflict.
    .onConflictDoNothing({ target: jobs.idempotencyKey })
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}
