import type { TTaskLinkKind } from '@dircab/contracts';
import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { tasks } from '../tasks.schema';
import { indexTask } from './index-task';
import { tellAssignees } from './tell-assignees';

export type LinkedTaskRow = typeof tasks.$inferSelect;

/** A task's assignee: a person, or else a service. */
export interface TaskAssignee {
  userId: string | null;
  serviceId: string | null;
}

const sameAssignee = (a: TaskAssignee) =>
  a.userId
    ? eq(tasks.assigneeUserId, a.userId.toLowerCase())
    : (and(isNull(tasks.assigneeUserId), eq(tasks.assigneeServiceId, a.serviceId ?? '')) as SQL);

/**
 * The open tasks about a record that are assigned to one of `assignees`, locked, oldest first
 * (tasks_org_link_idx). Read for the module that made them (correspondence routing), whoever
 * the actor is: moving or closing them follows the record, not the actor's own task rights.
 */
export async function findOpenLinkedTasks(
  tx: Queryable,
  orgId: string,
  link: { kind: TTaskLinkKind; id: string },
  assignees: readonly TaskAssignee[],
): Promise<LinkedTaskRow[]> {
  const named = assignees.filter((a) => a.userId || a.serviceId);
  if (named.length === 0) return [];
  return tx
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.orgId, orgId),
        eq(tasks.linkKind, link.kind),
        eq(tasks.linkId, link.id),
        inArray(tasks.status, ['todo', 'in_progress']),
        or(...named.map(sameAssignee)),
      ),
    )
    .orderBy(tasks.id)
    .for('update');
}

/** Gives an open task to another assignee and due date (a re-routing), audited; the new assignee is told. */
export async function moveLinkedTask(
  tx: Queryable,
  actor: Actor,
  task: LinkedTaskRow,
  to: TaskAssignee & { dueDate: string | null },
): Promise<LinkedTaskRow> {
  const assignee = to.userId
    ? { assigneeUserId: to.userId.toLowerCase(), assigneeServiceId: null }
    : { assigneeUserId: null, assigneeServiceId: to.serviceId };
  const sameHolder =
    assignee.assigneeUserId === task.assigneeUserId && assignee.assigneeServiceId === task.assigneeServiceId;
  const [row] = await tx
    .update(tasks)
    // A new holder starts it afresh: they have not taken it in hand yet.
    .set({
      ...assignee,
      dueDate: to.dueDate,
      ...(sameHolder ? {} : { status: 'todo' as const }),
      updatedAt: sql`now()`,
    })
    .where(and(eq(tasks.orgId, task.orgId), eq(tasks.id, task.id)))
    .returning();
  if (!row) throw new Error('linked task vanished');
  await recordAudit(tx, actor, {
    action: 'task.update',
    recordType: 'task',
    recordId: row.id,
    summary: {
      before: {
        assigneeUserId: task.assigneeUserId,
        assigneeServiceId: task.assigneeServiceId,
        dueDate: task.dueDate,
        status: task.status,
      },
      after: {
        assigneeUserId: row.assigneeUserId,
        assigneeServiceId: row.assigneeServiceId,
        dueDate: row.dueDate,
        status: row.status,
      },
      reason: 'linked_record',
    },
  });
  await indexTask(tx, row);
  if (!sameHolder) await tellAssignees(tx, row, actor.userId);
  return row;
}

/**
 * Ends open tasks because their record moved on: `done` when the record's work is done (the
 * item answered or closed), `cancelled` when the work went elsewhere (re-routed). Audited.
 */
export async function settleLinkedTasks(
  tx: Queryable,
  actor: Actor,
  rows: readonly LinkedTaskRow[],
  status: 'done' | 'cancelled',
): Promise<void> {
  for (const task of rows) {
    const [row] = await tx
      .update(tasks)
      .set({ status, completedAt: new Date(), updatedAt: sql`now()` })
      .where(and(eq(tasks.orgId, task.orgId), eq(tasks.id, task.id)))
      .returning();
    if (!row) continue;
    await recordAudit(tx, actor, {
      action: 'task.update',
      recordType: 'task',
      recordId: row.id,
      summary: { before: { status: task.status }, after: { status }, reason: 'linked_record' },
    });
    await indexTask(tx, row);
  }
}

/** Marks open tasks as started (their record was taken in hand), audited; those already started are left. */
export async function startLinkedTasks(tx: Queryable, actor: Actor, rows: readonly LinkedTaskRow[]): Promise<void> {
  for (const task of rows.filter((t) => t.status === 'todo')) {
    const [row] = await tx
      .update(tasks)
      .set({ status: 'in_progress', updatedAt: sql`now()` })
      .where(and(eq(tasks.orgId, task.orgId), eq(tasks.id, task.id)))
      .returning();
    if (!row) continue;
    await recordAudit(tx, actor, {
      action: 'task.update',
      recordType: 'task',
      recordId: row.id,
      summary: { before: { status: task.status }, after: { status: row.status }, reason: 'linked_record' },
    });
    await indexTask(tx, row);
  }
}
