import { registerTaskLinkKind } from '../tasks/task-link-kinds';
import { findCase } from './queries/find-cases';

/**
 * A task about a case: the case must be one the creator sees; the task copies its
 * confidentiality and people (update-case.ts refreshes them when they change).
 */
export function registerCaseTaskLink(): void {
  registerTaskLinkKind({
    kind: 'case',
    async scopeOf(db, actor, id) {
      const found = await findCase(db, actor, id);
      return found ? { confidentiality: found.confidentiality, members: found.viewers } : null;
    },
  });
}
