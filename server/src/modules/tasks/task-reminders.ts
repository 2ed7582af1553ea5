import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { type Db, queryRows } from '../../platform/db/client';
import { enqueueJob } from '../../platform/jobs/enqueue-job';
import { jobs as jobsTable } from '../../platform/jobs/jobs.schema';
import type { JobRunner } from '../../platform/jobs/runner';
import { notify } from '../../platform/notifications/notify';

export const TASK_REMINDERS_JOB = 'tasks.reminders';

/** Tasks per transaction: short transactions, PGlite serves requests between them. */
const BATCH = 200;

/** The next 18:00 UTC after `now`: early morning in Nouméa (05:00), evening in Paris (19:00). */
export function nextReminderRunAt(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 18));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

interface DueRow {
  id: string;
  org_id: string;
  title: string;
  due_date: string;
  assignee_user_id: string | null;
  assignee_service_id: string | null;
  state: 'due_tomorrow' | 'overdue';
}

/**
 * Reminds the assignee (or the active members of the assigned service) of each open task due
 * tomorrow or overdue, in each organisation's calendar. Once per task and state: the dedupe key
 * holds the due date, so a rerun never reminds twice and a new due date reminds again.
 */
export async function sendTaskReminders(db: Db): Promise<{ tasks: number; notifications: number }> {
  let after = '00000000-0000-0000-0000-000000000000';
  let seen = 0;
  let sent = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await queryRows<DueRow>(
        tx,
        sql`select t.id::text, t.org_id::text, t.title, t.due_date::text, t.assignee_user_id::text,
                   t.assignee_service_id::text,
                   case when t.due_date < today.d then 'overdue' else 'due_tomorrow' end as state
            from tasks t
            join organisations o on o.id = t.org_id
            cross join lateral (select (now() at time zone o.time_zone)::date as d) today
            where t.status in ('todo', 'in_progress') and t.due_date is not null
              and t.due_date <= today.d + 1 and t.due_date <> today.d and t.id > ${after}::uuid
            order by t.id limit ${BATCH}`,
      );
      for (const t of rows) {
        const userIds = t.assignee_user_id
          ? [t.assignee_user_id]
          : t.assignee_service_id
            ? (
                await queryRows<{ user_id: string }>(
                  tx,
                  sql`select user_id::text from memberships
                      where org_id = ${t.org_id} and service_id = ${t.assignee_service_id} and active`,
                )
              ).map((m) => m.user_id)
            : [];
        sent += await notify(tx, {
          orgId: t.org_id,
          userIds,
          kind: t.state === 'overdue' ? 'task.overdue' : 'task.due_tomorrow',
          title: t.state === 'overdue' ? `Tâche en retard : ${t.title}` : `Tâche à rendre demain : ${t.title}`,
          body: `Échéance : ${t.due_date}`,
          link: `/tasks/${t.id}`,
          recordKind: 'task',
          recordId: t.id,
          dedupeKey: `task.${t.state}:${t.id}:${t.due_date}`,
        });
      }
      return rows;
    });
    seen += batch.length;
    if (batch.length < BATCH) break;
    after = batch.at(-1)?.id ?? after;
  }
  return { tasks: seen, notifications: sent };
}

async function scheduleReminders(db: Db, now: Date): Promise<void> {
  const runAt = nextReminderRunAt(now);
  // One run a day whoever schedules it (several processes on PostgreSQL): the key is the day.
  await enqueueJob(db, {
    kind: TASK_REMINDERS_JOB,
    runAt,
    idempotencyKey: `${TASK_REMINDERS_JOB}:${runAt.toISOString().slice(0, 10)}`,
  });
}

/** Registers the daily reminders and schedules the next run. */
export async function registerTaskReminders(db: Db, jobs: JobRunner, log: FastifyBaseLogger): Promise<void> {
  if (!jobs.handlers.has(TASK_REMINDERS_JOB)) {
    jobs.register(TASK_REMINDERS_JOB, async (_payload, job) => {
      const report = await sendTaskReminders(db);
      log.info({ report }, 'tasks: reminders sent');
      const [row] = await db.select({ runAt: jobsTable.runAt }).from(jobsTable).where(eq(jobsTable.id, job.id));
      await scheduleReminders(db, new Date(Math.max(Date.now(), row?.runAt.getTime() ?? 0)));
    });
  }
  await scheduleReminders(db, new Date());
}
