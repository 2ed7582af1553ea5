import type { TTask, TTaskQuery } from '@dircab/contracts';
import { and, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor';
import type { Actor } from '../../../platform/policy/actor';
import { orgToday } from '../org-today';
import { myServiceId, taskPolicy, visibleTasks } from '../tasks.policy';
import { taskDueKey, tasks } from '../tasks.schema';

export type TaskRow = typeof tasks.$inferSelect & { inMyService: boolean; overdue: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4}-\d{2}-\d{2}|infinity)$/;
const OPEN = ['todo', 'in_progress'] as const;

export const taskScope = {
  orgId: tasks.orgId,
  confidentiality: tasks.confidentiality,
  members: tasks.members,
  assigneeUserId: tasks.assigneeUserId,
  assigneeServiceId: tasks.assigneeServiceId,
  createdBy: tasks.createdBy,
};

/** The columns, plus two the policy and the screen need, computed where the data is. */
function selection(actor: Actor) {
  return {
    ...getTableColumns(tasks),
    inMyService: sql<boolean>`coalesce(${tasks.assigneeServiceId} = ${myServiceId(actor)}, false)`,
    overdue: sql<boolean>`coalesce(${tasks.status} in ('todo', 'in_progress') and ${tasks.dueDate} < ${orgToday(actor.orgId)}, false)`,
  };
}

export function presentTask(actor: Actor, row: TaskRow): TTask {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    assigneeUserId: row.assigneeUserId,
    assigneeServiceId: row.assigneeServiceId,
    dueDate: row.dueDate,
    status: row.status,
    link: row.linkKind && row.linkId ? { kind: row.linkKind, id: row.linkId } : null,
    confidentiality: row.confidentiality,
    overdue: row.overdue,
    createdById: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    policies: taskPolicy.policiesFor(actor, row),
  };
}

/** One task the actor may see, or null (404). `forUpdate` locks it for a change. */
export async function findTask(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<TaskRow | null> {
  const query = db
    .select(selection(actor))
    .from(tasks)
    .where(and(eq(tasks.orgId, actor.orgId), eq(tasks.id, id), visibleTasks(actor, taskScope)));
  const [row] = forUpdate ? await query.for('update', { of: tasks }) : await query;
  return row ?? null;
}

/**
 * Tasks the actor may see, by due date (none last) then creation; each view reads its own
 * index (tasks_org_assignee_idx, tasks_org_service_idx, tasks_org_creator_idx,
 * tasks_org_open_due_idx, tasks_org_due_idx).
 */
export async function findTasks(
  db: Queryable,
  actor: Actor,
  query: TTaskQuery,
): Promise<{ data: TTask[]; nextCursor: string | null }> {
  const where: SQL[] = [eq(tasks.orgId, actor.orgId), visibleTasks(actor, taskScope)];
  switch (query.view) {
    case 'mine':
      where.push(eq(tasks.assigneeUserId, actor.userId));
      break;
    case 'my_service':
      where.push(sql`${tasks.assigneeServiceId} = ${myServiceId(actor)}`);
      break;
    case 'created_by_me':
      where.push(eq(tasks.createdBy, actor.userId));
      break;
    case 'overdue':
      where.push(inArray(tasks.status, [...OPEN]), sql`${tasks.dueDate} < ${orgToday(actor.orgId)}`);
      break;
    case 'all':
      break;
  }
  if (query.status) where.push(eq(tasks.status, query.status));
  if (query.linkKind) where.push(eq(tasks.linkKind, query.linkKind));
  if (query.linkId) where.push(eq(tasks.linkId, query.linkId));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['d', 'id']);
    if (!UUID.test(c.id) || !DAY.test(c.d)) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    where.push(sql`(${taskDueKey(tasks)}, ${tasks.id}) > (${c.d}::date, ${c.id}::uuid)`);
  }
  const rows = await db
    .select(selection(actor))
    .from(tasks)
    .where(and(...where))
    .orderBy(taskDueKey(tasks), tasks.id)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => presentTask(actor, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ d: last.dueDate ?? 'infinity', id: last.id }) : null,
  };
}
