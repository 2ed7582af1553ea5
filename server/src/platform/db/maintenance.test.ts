import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { jobs } from '../jobs/jobs.schema';
import { ANALYZE_JOB, nextAnalyzeAt } from './maintenance';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('database maintenance', () => {
  it('schedules the next nightly statistics refresh at 03:00 UTC', () => {
    expect(nextAnalyzeAt(new Date('2026-11-23T02:00:00Z')).toISOString()).toBe('2026-11-23T03:00:00.000Z');
    expect(nextAnalyzeAt(new Date('2026-11-23T03:00:00Z')).toISOString()).toBe('2026-11-24T03:00:00.000Z');
    expect(nextAnalyzeAt(new Date('2026-12-31T22:00:00Z')).toISOString()).toBe('2027-01-01T03:00:00.000Z');
  });

  it('on the embedded database, runs ANALYZE nightly and reschedules itself once per night', async () => {
    const { db, database, jobs: runner } = t.app.ctx;
    const pending = () =>
      db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, ANALYZE_JOB), eq(jobs.status, 'pending')));
    if (database.driver !== 'pglite') {
      // PostgreSQL's autovacuum keeps statistics: nothing is scheduled there.
      expect(await pending()).toHaveLength(0);
      return;
    }
    const [job] = await pending();
    expect(job?.runAt.getUTCHours()).toBe(3);
    // Other modules' nightly jobs fall due by then too: look at this job's own row.
    await runner.runDue(new Date(job?.runAt.getTime() ?? 0));
    const [ran] = await db
      .select()
      .from(jobs)
      .where(eq(jobs.id, job?.id ?? ''));
    expect(ran).toMatchObject({ status: 'done', attempts: 1 });
    const next = await pending();
    expect(next).toHaveLength(1);
    expect(next[0]?.runAt.getTime()).toBeGreaterThan(job?.runAt.getTime() ?? 0);
  });
});
