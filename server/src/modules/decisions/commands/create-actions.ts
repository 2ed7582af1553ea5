import type { TCreateDecisionAction } from '@dircab/contracts';
import type { Queryable } from '../../../platform/db/client';
import { HttpProblem, problems } from '../../../platform/errors/problem';
import type { Actor } from '../../../platform/policy/actor';
import { createTask } from '../../tasks/commands/create-task';

/**
 * Each follow-up action becomes a task linked to the decision (so it shows in the service's or
 * the person's task list). A bad assignee answers 400 on `<path>.<i>.<field>`.
 */
export async function createDecisionActions(
  tx: Queryable,
  actor: Actor,
  decisionId: string,
  actions: readonly TCreateDecisionAction[],
  path = 'actions',
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, action] of actions.entries()) {
    try {
      const task = await createTask(tx, actor, {
        title: action.title,
        ...(action.assigneeServiceId
          ? { assigneeServiceId: action.assigneeServiceId }
          : { assigneeUserId: action.assigneeUserId }),
        dueDate: action.dueDate,
        link: { kind: 'decision', id: decisionId },
      });
      ids.push(task.id);
    } catch (error) {
      // The tasks module names its own fields: say which action of this form they are.
      if (error instanceof HttpProblem && error.status === 400) {
        throw problems.badRequest(
          error.detail,
          (error.errors ?? []).map((e) => ({ ...e, path: `${path}.${i}.${e.path}` })),
        );
      }
      throw error;
    }
  }
  return ids;
}
