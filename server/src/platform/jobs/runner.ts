import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client';
import { claimNextJob, clockAt, type JobRow, recoverStaleJobs } from './claim-job';
import { jobs } from './jobs.schema';
import { retryDelayMs } from './retry-delay';

/**
 * Does the work of one job kind. **Handlers must be idempotent**: a job runs at least once,
 * not exactly once. It is tried again after an error, and after a crash or a lock timeout it
 * runs again even if the first run had done part (or all) of the work. Check the state before
 * acting (was the reminder already sent?), or write with upserts and idempotency keys.
 * A handler opens its own transaction if it needs one; the runner holds none while it runs.
 */
export type JobHandler = (
  payload: Record<string, unknown>,
  job: { id: string; kind: string; orgId: string | null; attempts: number; maxAttempts: number },
) => Promise<void>;

export interface JobRunnerOptions {
  /** Between two polls of the table. */
  pollIntervalMs?: number;
  /** A job running longer than this is presumed dead and given back (crash recovery). */
  lockTimeoutMs?: number;
  /** At most this many jobs per pass, so a long queue does not starve the next poll's recovery. */
  batchSize?: number;
}

export interface RunDueResult {
  done: number;
  retried: number;
  failed: number;
  recovered: number;
}

/**
 * In-process runner of the persistent `jobs` table, on PGlite as on PostgreSQL. Jobs are
 * enqueued with `enqueueJob` in the transaction of the change that needs them.
 */
export class JobRunner {
  readonly handlers = new Map<string, JobHandler>();
  private readonly pollIntervalMs: number;
  private readonly lockTimeoutMs: number;
  private readonly batchSize: number;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;
  private stopping = false;

  constructor(
    readonly db: Db,
    readonly log: FastifyBaseLogger,
    options: JobRunnerOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.lockTimeoutMs = options.lockTimeoutMs ?? 10 * 60_000;
    this.batchSize = options.batchSize ?? 50;
  }

  /** Declares the handler of a kind; modules register theirs when the app is built. */
  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`A handler is already registered for job kind "${kind}".`);
    this.handlers.set(kind, handler);
  }

  /** Polls every `pollIntervalMs`; the timer does not keep the process alive. */
  start(): void {
    if (this.timer) return;
    this.stopping = false;
    const tick = async () => {
      this.current = this.pass(undefined, true).catch((err) => this.log.error({ err }, 'job runner pass failed'));
      await this.current;
      this.current = undefined;
      if (!this.stopping) this.schedule(tick);
    };
    this.schedule(tick);
  }

  /** Stops polling and waits for the job in progress; the rest of the batch stays pending. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  /**
   * Runs the due jobs once (tests drive the runner with it). `now` replaces the database
   * clock, so a test can travel past a back-off or a lock timeout.
   */
  runDue(now?: Date): Promise<RunDueResult> {
    return this.pass(now, false);
  }

  private async pass(now: Date | undefined, polled: boolean): Promise<RunDueResult> {
    const at = clockAt(now);
    const result: RunDueResult = { done: 0, retried: 0, failed: 0, recovered: 0 };
    result.recovered = await recoverStaleJobs(this.db, at, this.lockTimeoutMs);
    if (result.recovered > 0) this.log.warn({ count: result.recovered }, 'stale running jobs given back');
    for (let i = 0; i < this.batchSize; i++) {
      if (polled && this.stopping) break;
      const job = await claimNextJob(this.db, at);
      if (!job) break;
      result[await this.runOne(job, at)]++;
    }
    return result;
  }

  private async runOne(job: JobRow, at: SQL): Promise<'done' | 'retried' | 'failed'> {
    const handler = this.handlers.get(job.kind);
    // Only this claim may close the job: after a lock timeout it may belong to another run.
    const mine = and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts));
    try {
      if (!handler) throw new UnknownJobKindError(job.kind);
      await handler(job.payload, {
        id: job.id,
        kind: job.kind,
        orgId: job.orgId,
        attempts: job.attempts,
        maxAttempts: job.maxAttempts,
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // Waiting will not give a handler to a kind nobody registered: fail at once.
      const final = err instanceof UnknownJobKindError || job.attempts >= job.maxAttempts;
      const delaySeconds = retryDelayMs(job.attempts) / 1000;
      await this.db
        .update(jobs)
        .set(
          final
            ? { status: 'failed', lockedAt: null, lastError: message, finishedAt: at }
            : {
                status: 'pending',
                lockedAt: null,
                lastError: message,
                runAt: sql`${at} + make_interval(secs => ${delaySeconds}::float8)`,
              },
        )
        .where(mine);
      this.log[final ? 'error' : 'warn'](
        { err, jobId: job.id, kind: job.kind, attempts: job.attempts },
        final ? 'job failed for good' : 'job failed, will retry',
      );
      return final ? 'failed' : 'retried';
    }
    await this.db.update(jobs).set({ status: 'done', lockedAt: null, lastError: null, finishedAt: at }).where(mine);
    return 'done';
  }

  private schedule(tick: () => Promise<void>) {
    this.timer = setTimeout(tick, this.pollIntervalMs);
    this.timer.unref();
  }
}

/** A job whose kind no handler was registered for (a removed module, a typo). */
export class UnknownJobKindError extends Error {
  constructor(kind: string) {
    super(`No handler registered for job kind "${kind}".`);
    this.name = 'UnknownJobKindError';
  }
}
