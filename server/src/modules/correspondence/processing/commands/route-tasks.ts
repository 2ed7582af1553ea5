import type { TRouteCorrespondence } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/client';
import type { Actor } from '../../../../platform/policy/actor';
import { createTask } from '../../../tasks/commands/create-task';
import {
  findOpenLinkedTasks,
  moveLinkedTask,
  settleLinkedTasks,
  startLinkedTasks,
  type TaskAssignee,
} from '../../../tasks/commands/linked-tasks';
import { refreshTaskScope } from '../../../tasks/commands/refresh-task-scope';
import type { ItemRow } from '../../queries/find-correspondence';
import { correspondenceRoutings } from '../processing.schema';

/** Statuses after which the item's work is done: its routing task is done too. */
export const FINISHED_STATUSES = ['sent', 'closed', 'closed_without_reply', 'forwarded'] as const;

const link = (item: ItemRow) => ({ kind: 'correspondence' as const, id: item.id });

/** A task goes to a person, or else to a service: a person named in a service gets it themself. */
const assigneeOf = (a: { userId?: string | null; serviceId?: string | null }): TaskAssignee =>
  a.userId ? { userId: a.userId.toLowerCase(), serviceId: null } : { userId: null, serviceId: a.serviceId ?? null };

const same = (t: { assigneeUserId: string | null; assigneeServiceId: string | null }, a: TaskAssignee) =>
  a.userId ? t.assigneeUserId === a.userId : !t.assigneeUserId && t.assigneeServiceId === a.serviceId;

/**
 * Everyone the item was ever routed to for action: the tasks routing made are theirs (a task
 * someone else created about the item, for another purpose, is left alone).
 */
async function actionAssignees(tx: Queryable, item: ItemRow): Promise<TaskAssignee[]> {
  const r = correspondenceRoutings;
  const lines = await tx
    .select({ userId: r.userId, serviceId: r.serviceId })
    .from(r)
    .where(and(eq(r.orgId, item.orgId), eq(r.itemId, item.id), eq(r.mode, 'action')));
  return lines.map(assigneeOf);
}

/**
 * The lead's task after a routing (issue 6 point 5), in the routing's transaction: routing for
 * action creates a task about the item for that person or service, due on the item's due date;
 * re-routing keeps the task when the lead stays (its due date follows), moves it to the new
 * lead otherwise, and cancels any other routing task still open. Routing for information makes
 * none. The tasks then take the item's confidentiality and named people.
 */
export async function syncRoutingTask(
  tx: Queryable,
  actor: Actor,
  item: ItemRow,
  input: TRouteCorrespondence,
): Promise<void> {
  const leadLine = input.assignments.find((a) => a.mode === 'action');
  if (leadLine) {
    const lead = assigneeOf(leadLine);
    const open = await findOpenLinkedTasks(tx, item.orgId, link(item), await actionAssignees(tx, item));
    const kept = open.find((t) => same(t, lead)) ?? open[0];
    if (kept) {
      if (!same(kept, lead) || kept.dueDate !== item.dueDate) {
        await moveLinkedTask(tx, actor, kept, { ...lead, dueDate: item.dueDate });
      }
      await settleLinkedTasks(
        tx,
        actor,
        open.filter((t) => t.id !== kept.id),
        'cancelled',
      );
    } else {
      await createTask(tx, actor, {
        title: `Traiter le courrier ${item.registrationNumber} : ${item.subject}`.slice(0, 300),
        description: input.comment ?? '',
        assigneeUserId: lead.userId,
        assigneeServiceId: lead.serviceId,
        dueDate: item.dueDate,
        link: link(item),
      });
    }
  }
  await refreshTaskScope(tx, item.orgId, link(item), { confidentiality: item.confidentiality, members: item.members });
}

/** The item's work is done (answered, closed, forwarded): its open routing tasks are done. */
export async function completeRoutingTasks(tx: Queryable, actor: Actor, item: ItemRow): Promise<void> {
  const open = await findOpenLinkedTasks(tx, item.orgId, link(item), await actionAssignees(tx, item));
  await settleLinkedTasks(tx, actor, open, 'done');
}

/** The lead took the item in hand: its routing task is in progress too (« mes tâches » shows it). */
export async function startRoutingTasks(tx: Queryable, actor: Actor, item: ItemRow): Promise<void> {
  const open = await findOpenLinkedTasks(tx, item.orgId, link(item), await actionAssignees(tx, item));
  await startLinkedTasks(tx, actor, open);
}
