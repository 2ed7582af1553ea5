import type { TUpdateTask } from '@dircab/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { diffSummary, recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import { problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { findTask, type TaskRow } from '../queries/find-tasks';
import { taskPolicy } from '../tasks.policy';
import { tasks } from '../tasks.schema';
import { indexTask } from './index-task';
import { checkAssignee, checkService } from './task-references';
import { tellAssignees } from './tell-assignees';

/**
 * Edits a task (404 when hidden). Its assignee or their service move the status only; the
 * creator and the heads of the cabinet change the rest (403 otherwise). Done stamps the day.
 */
export async function updateTask(tx: Queryable, actor: Actor, id: string, input: TUpdateTask): Promise<TaskRow> {
  const before = await findTask(tx, actor, id, true);
  if (!before) throw problems.notFound();
  const onlyStatus = Object.keys(input).every((k) => k === 'status');
  if (!taskPolicy.can(actor, onlyStatus ? 'progress' : 'update', before)) throw problems.forbidden();
  await checkAssignee(tx, actor, input.assigneeUserId);
  await checkService(tx, actor, input.assigneeServiceId);
  // A task goes to a person or a service: naming one clears the other.
  const assignee =
    input.assigneeUserId !== undefined && input.assigneeUserId !== null
      ? { assigneeUserId: input.assigneeUserId.toLowerCase(), assigneeServiceId: null }
      : input.assigneeServiceId !== undefined && input.assigneeServiceId !== null
        ? { assigneeServiceId: input.assigneeServiceId, assigneeUserId: null }
        : {
            ...(input.assigneeUserId === null ? { assigneeUserId: null } : {}),
            ...(input.assigneeServiceId === null ? { assigneeServiceId: null } : {}),
          };
  const changes = {
    title: input.title,
    description: input.description,
    dueDate: input.dueDate,
    status: input.status,
    ...assignee,
  };
  const finished = input.status === 'done' || input.status === 'cancelled';
  const [row] = await tx
    .update(tasks)
    .set({
      ...changes,
      ...(input.status !== undefined ? { completedAt: finished ? (before.completedAt ?? new Date()) : null } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(eq(tasks.orgId, actor.orgId), eq(tasks.id, id)))
    .returning();
  if (!row) throw problems.notFound();
  const { description: _d, ...audited } = changes;
  await recordAudit(tx, actor, {
    action: 'task.update',
    recordType: 'task',
    recordId: row.id,
    summary: {
      ...diffSummary(before, audited),
      ...(input.description !== undefined && input.description !== before.description
        ? { descriptionChanged: true }
        : {}),
    },
  });
  await indexTask(tx, row);
  const reassigned =
    (row.assigneeUserId && row.assigneeUserId !== before.assigneeUserId) ||
    (row.assigneeServiceId && row.assigneeServiceId !== before.assigneeServiceId);
  if (reassigned) await tellAssignees(tx, row, actor.userId);
  const after = await findTask(tx, actor, row.id);
  // Reassigned away by its assignee: they no longer see it, but the change is theirs to know.
  return after ?? { ...row, inMyService: false, overdue: false };
}
