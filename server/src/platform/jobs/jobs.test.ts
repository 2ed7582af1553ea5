import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import type { Db } from '../db/client';
import { enqueueJob } from './enqueue-job';
import { jobs } from './jobs.schema';
import { JobRunner } from './runner';

let t: TestApp;
let db: Db;

beforeAll(async () => {
  t = await createTestApp();
  db = t.app.ctx.db;
  // The app's modules schedule their own jobs at start (nightly ANALYZE, retention, duplicate
  // rebuild); the kernel's tests count what their runners do, so they start from an empty queue.
  await db.delete(jobs);
});
afterAll(() => t.close());

/** A runner of its own per test, so each test registers only the kinds it needs. */
function runner(options = {}) {
  return new JobRunner(db, t.app.log, options);
}

async function jobById(id: string | null) {
  if (!id) throw new Error('no job id');
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  if (!job) throw new Error(`job ${id} not found`);
  return job;
}

const later = (ms: number) => new Date(Date.now() + ms);

describe('job runner', () => {
  it('runs a due job once and marks it done', async () => {
    const r = runner();
    const seen: unknown[] = [];
    r.register('test.once', async (payload, job) => {
      seen.push({ payload, attempts: job.attempts });
    });
    const id = await enqueueJob(db, { kind: 'test.once', payload: { n: 1 } });
    expect(await r.runDue()).toMatchObject({ done: 1 });
    await r.runDue();
    expect(seen).toEqual([{ payload: { n: 1 }, attempts: 1 }]);
    const job = await jobById(id);
    expect(job).toMatchObject({ status: 'done', attempts: 1, lockedAt: null, lastError: null });
    expect(job.finishedAt).toBeInstanceOf(Date);
  });

  it('retries a failing handler with a growing back-off until it succeeds', async () => {
    const r = runner();
    let calls = 0;
    r.register('test.flaky', async () => {
      calls++;
      if (calls <= 2) throw new Error(`panne n° ${calls}`);
    });
    const id = await enqueueJob(db, { kind: 'test.flaky' });
    const enqueued = await jobById(id);

    expect(await r.runDue()).toMatchObject({ retried: 1 });
    const first = await jobById(id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'panne n° 1' });
    // 30 s after the try, give or take the clocks of the database and of the test.
    expect(first.runAt.getTime() - enqueued.runAt.getTime()).toBeGreaterThan(25_000);

    // Not due yet: nothing happens.
    await r.runDue();
    expect(calls).toBe(1);

    const t1 = later(31_000);
    expect(await r.runDue(t1)).toMatchObject({ retried: 1 });
    const second = await jobById(id);
    expect(second).toMatchObject({ status: 'pending', attempts: 2, lastError: 'panne n° 2' });
    // The second wait doubles: 60 s after that try.
    expect(second.runAt.getTime()).toBe(t1.getTime() + 60_000);

    expect(await r.runDue(later(31_000 + 61_000))).toMatchObject({ done: 1 });
    const done = await jobById(id);
    expect(done).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(calls).toBe(3);
  });

  it('marks a job failed with its last error once maxAttempts is reached', async () => {
    const r = runner();
    r.register('test.broken', async () => {
      throw new Error('service injoignable');
    });
    const id = await enqueueJob(db, { kind: 'test.broken', maxAttempts: 2 });
    await r.runDue();
    expect(await r.runDue(later(3_600_000))).toMatchObject({ failed: 1 });
    const job = await jobById(id);
    expect(job).toMatchObject({ status: 'failed', attempts: 2, lastError: 'service injoignable' });
    expect(job.finishedAt).toBeInstanceOf(Date);
    // A failed job is never picked again.
    expect(await r.runDue(later(10 * 3_600_000))).toMatchObject({ done: 0, retried: 0, failed: 0 });
  });

  it('fails a job of an unknown kind at once, saying so', async () => {
    const id = await enqueueJob(db, { kind: 'test.nobody-handles-this' });
    expect(await runner().runDue()).toMatchObject({ failed: 1 });
    const job = await jobById(id);
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    expect(job.lastError).toMatch(/No handler registered for job kind "test.nobody-handles-this"/);
  });

  it('creates one job for one idempotency key', async () => {
    const r = runner();
    let calls = 0;
    r.register('test.dedupe', async () => {
      calls++;
    });
    const first = await enqueueJob(db, { kind: 'test.dedupe', idempotencyKey: 'dedupe:42' });
    const second = await enqueueJob(db, { kind: 'test.dedupe', idempotencyKey: 'dedupe:42' });
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    await r.runDue();
    // Even once the first is done, the key stays taken.
    expect(await enqueueJob(db, { kind: 'test.dedupe', idempotencyKey: 'dedupe:42' })).toBeNull();
    await r.runDue();
    expect(calls).toBe(1);
    expect(await db.select().from(jobs).where(eq(jobs.idempotencyKey, 'dedupe:42'))).toHaveLength(1);
  });

  it('never runs a job enqueued in a transaction that rolled back', async () => {
    const r = runner();
    let calls = 0;
    r.register('test.rolled-back', async () => {
      calls++;
    });
    await expect(
      db.transaction(async (tx) => {
        await enqueueJob(tx, { kind: 'test.rolled-back', idempotencyKey: 'rolled-back:1' });
        throw new Error('la modification échoue');
      }),
    ).rejects.toThrow('la modification échoue');
    await r.runDue();
    expect(calls).toBe(0);
    expect(await db.select().from(jobs).where(eq(jobs.kind, 'test.rolled-back'))).toHaveLength(0);
  });

  it('gives back a job left running by a crashed process, and runs it', async () => {
    const r = runner({ lockTimeoutMs: 5 * 60_000 });
    let calls = 0;
    r.register('test.crashed', async () => {
      calls++;
    });
    const [stale] = await db
      .insert(jobs)
      .values({ kind: 'test.crashed', status: 'running', attempts: 1, lockedAt: later(-3_600_000) })
      .returning();
    // One still within its lock timeout is left alone: its process may be working on it.
    const [fresh] = await db
      .insert(jobs)
      .values({ kind: 'test.crashed', status: 'running', attempts: 1, lockedAt: later(-60_000) })
      .returning();
    const result = await r.runDue();
    expect(result).toMatchObject({ recovered: 1, done: 1 });
    expect(calls).toBe(1);
    expect(await jobById(stale?.id ?? null)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await jobById(fresh?.id ?? null)).toMatchObject({ status: 'running', attempts: 1 });
  });

  it('does not run a job before its runAt', async () => {
    const r = runner();
    let calls = 0;
    r.register('test.scheduled', async () => {
      calls++;
    });
    const id = await enqueueJob(db, { kind: 'test.scheduled', runAt: later(3_600_000) });
    await r.runDue();
    expect(calls).toBe(0);
    expect(await jobById(id)).toMatchObject({ status: 'pending', attempts: 0 });
    await r.runDue(later(3_600_000 + 1000));
    expect(calls).toBe(1);
  });

  it('never hands the same job to two runners working at the same time', async () => {
    const runs = new Map<string, number>();
    const count = async (payload: Record<string, unknown>) => {
      const key = String(payload.n);
      runs.set(key, (runs.get(key) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const a = runner();
    const b = runner();
    a.register('test.shared', count);
    b.register('test.shared', count);
    for (let n = 0; n < 20; n++) await enqueueJob(db, { kind: 'test.shared', payload: { n } });
    const [ra, rb] = await Promise.all([a.runDue(), b.runDue()]);
    expect((ra?.done ?? 0) + (rb?.done ?? 0)).toBe(20);
    expect(runs.size).toBe(20);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
  });

  it('polls on its own once started, and stop() waits for the job in progress', async () => {
    const r = runner({ pollIntervalMs: 20 });
    let finished = false;
    let started!: () => void;
    const startedP = new Promise<void>((resolve) => {
      started = resolve;
    });
    r.register('test.polled', async () => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 100));
      finished = true;
    });
    const id = await enqueueJob(db, { kind: 'test.polled' });
    r.start();
    await startedP;
    await r.stop();
    expect(finished).toBe(true);
    expect(await jobById(id)).toMatchObject({ status: 'done' });
  });
});
