import type { TCreateTask } from '@dircab/contracts';
import { recordAudit } from '../../../platform/audit/record-audit';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { findTask, type TaskRow } from '../queries/find-tasks';
import { tasks } from '../tasks.schema';
import { indexTask } from './index-task';
import { checkAssignee, checkService, linkScope } from './task-references';
import { tellAssignees } from './tell-assignees';

/**
 * Creates a task in the caller's transaction: the tasks screen calls it, and so do other
 * modules (correspondence routing, note contributions, decisions). A task about a record copies
 * that record's confidentiality and people; the assignee, or the assigned service's members, are
 * told (in-app notification).
 * Callers that change the alert feed signal it after their commit (alerts/alert-signals.ts).
 */
export async function createTask(tx: Queryable, actor: Actor, input: TCreateTask): Promise<TaskRow> {
  await checkAssignee(tx, actor, input.assigneeUserId);
  await checkService(tx, actor, input.assigneeServiceId);
  const scope = await linkScope(tx, actor, input.link);
  const [row] = await tx
    .insert(tasks)
    .values({
      orgId: actor.orgId,
      title: input.title,
      description: input.description ?? '',
      assigneeUserId: input.assigneeUserId?.toLowerCase() ?? null,
      assigneeServiceId: input.assigneeServiceId ?? null,
      dueDate: input.dueDate ?? null,
      linkKind: input.link?.kind ?? null,
      linkId: input.link?.id ?? null,
      confidentiality: scope?.confidentiality ?? 'normal',
      members: [...(scope?.members ?? [])],
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new Error('task not created');
  await recordAudit(tx, actor, {
    action: 'task.create',
    recordType: 'task',
    recordId: row.id,
    summary: {
      after: {
        assigneeUserId: row.assigneeUserId,
        assigneeServiceId: row.assigneeServiceId,
        dueDate: row.dueDate,
        linkKind: row.linkKind,
        linkId: row.linkId,
      },
    },
  });
  await indexTask(tx, row);
  await tellAssignees(tx, row, actor.userId);
  const created = await findTask(tx, actor, row.id);
  if (!created) throw new Error('task created but not visible to its creator');
  return created;
}
