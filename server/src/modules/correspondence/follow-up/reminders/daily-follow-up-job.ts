import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { workingCalendarOf } from '../../../../platform/calendar/organisation-calendar';
import {
  instantAt,
  isWorkingDay,
  localDate,
  nextDay,
  nextWorkingDay,
} from '../../../../platform/calendar/working-days';
import type { Db } from '../../../../platform/db/client';
import { enqueueJob } from '../../../../platform/jobs/enqueue-job';
import type { JobRunner } from '../../../../platform/jobs/runner';
import { organisations } from '../../../org/org.schema';
import { remindDueItems } from './remind-due-items';
import { sendDigests } from './send-digests';

export const DAILY_FOLLOW_UP_JOB = 'correspondence.daily_follow_up';
export const FOLLOW_UP_SCHEDULER_JOB = 'correspondence.follow_up_scheduler';
/** Local hour of the reminders and digests: before the working day starts. */
export const DAILY_HOUR = 7;

/** The next 07:00 in the time zone strictly after `now`, and the local day it belongs to. */
export function nextDailyRun(now: Date, timeZone: string): { day: string; runAt: Date } {
  let day = localDate(now, timeZone);
  let runAt = instantAt(day, DAILY_HOUR, timeZone);
  if (runAt <= now) {
    day = nextDay(day);
    runAt = instantAt(day, DAILY_HOUR, timeZone);
  }
  return { day, runAt };
}

/** Enqueues an organisation's next daily run; the key (organisation, day) makes it once. */
export async function scheduleDailyFollowUp(
  db: Db,
  org: { id: string; timeZone: string },
  now: Date,
): Promise<string | null> {
  const { day, runAt } = nextDailyRun(now, org.timeZone);
  return enqueueJob(db, {
    kind: DAILY_FOLLOW_UP_JOB,
    orgId: org.id,
    runAt,
    payload: { day },
    idempotencyKey: `${DAILY_FOLLOW_UP_JOB}:${org.id}:${day}`,
  });
}

/** Every organisation's next run (new organisations and changed time zones included). */
async function scheduleAll(db: Db, now: Date): Promise<void> {
  const orgs = await db.select({ id: organisations.id, timeZone: organisations.timeZone }).from(organisations);
  for (const org of orgs) await scheduleDailyFollowUp(db, org, now);
}

async function scheduleScheduler(db: Db, now: Date): Promise<void> {
  const runAt = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 + 3_600_000);
  await enqueueJob(db, {
    kind: FOLLOW_UP_SCHEDULER_JOB,
    runAt,
    idempotencyKey: `${FOLLOW_UP_SCHEDULER_JOB}:${runAt.toISOString()}`,
  });
}

/**
 * One organisation's day: on a working day of its calendar, the reminders of items due by the
 * next working day and of overdue items, then the digests. Weekends and holidays are quiet:
 * Friday's run already told what falls due on Monday.
 */
export async function runDailyFollowUp(db: Db, orgId: string, day: string, log: FastifyBaseLogger): Promise<void> {
  const calendar = await workingCalendarOf(db, orgId);
  if (!isWorkingDay(day, calendar)) return;
  const now = instantAt(day, DAILY_HOUR, calendar.timeZone);
  const reminders = await remindDueItems(db, orgId, day, nextWorkingDay(day, calendar));
  const digests = await sendDigests(db, orgId, day, calendar.timeZone, now);
  log.info({ orgId, day, reminders, digests }, 'correspondence follow-up: reminders and digests');
}

/**
 * Registers the daily reminders and digests at 07:00 in each organisation's time zone. An
 * hourly scheduler enqueues each organisation's next run (keys make it once per day), so an
 * organisation created or moved to another time zone is picked up within the hour.
 */
export async function registerDailyFollowUp(db: Db, jobs: JobRunner, log: FastifyBaseLogger): Promise<void> {
  jobs.register(DAILY_FOLLOW_UP_JOB, async (payload, job) => {
    if (!job.orgId || typeof payload.day !== 'string')
      throw new Error('daily follow-up job without organisation or day');
    const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, job.orgId));
    if (!org) return; // The organisation was deleted since.
    await runDailyFollowUp(db, job.orgId, payload.day, log);
  });
  jobs.register(FOLLOW_UP_SCHEDULER_JOB, async () => {
    const now = new Date();
    await scheduleAll(db, now);
    await scheduleScheduler(db, now);
  });
  const now = new Date();
  await scheduleAll(db, now);
  await scheduleScheduler(db, now);
}
