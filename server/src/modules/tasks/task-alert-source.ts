import type { TAlert } from '@dircab/contracts';
import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { registerAlertSource } from '../alerts/alert-sources';
import { orgToday } from './org-today';
import { taskScope } from './queries/find-tasks';
import { visibleTasks } from './tasks.policy';
import { tasks } from './tasks.schema';

/** A week late is no longer a detail. */
const LATE_DAYS = 7;

/** Overdue tasks the actor may see, the oldest due first (tasks_org_open_due_idx). */
export function registerTaskAlertSource(): void {
  registerAlertSource({
    kind: 'task.overdue',
    async find(db, actor, limit): Promise<TAlert[]> {
      const today = orgToday(actor.orgId);
      const rows = await db
        .select({ ...getTableColumns(tasks), late: sql<number>`(${today} - ${tasks.dueDate})::int` })
        .from(tasks)
        .where(
          and(
            eq(tasks.orgId, actor.orgId),
            inArray(tasks.status, ['todo', 'in_progress']),
            sql`${tasks.dueDate} is not null and ${tasks.dueDate} < ${today}`,
            visibleTasks(actor, taskScope),
          ),
        )
        .orderBy(asc(tasks.dueDate), asc(tasks.id))
        .limit(limit);
      return rows.map((t) => ({
        id: `task.overdue:${t.id}`,
        kind: 'task.overdue',
        priority: t.late >= LATE_DAYS ? 'high' : 'normal',
        title: t.title,
        detail: `En retard de ${t.late} jour${t.late > 1 ? 's' : ''} (échéance ${t.dueDate})`,
        url: `/tasks/${t.id}`,
        // The day it fell due, at midnight UTC: what the feed sorts on within a priority.
        at: new Date(`${t.dueDate}T00:00:00Z`).toISOString(),
      }));
    },
  });
}
