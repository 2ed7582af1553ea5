import type { TConfidentiality, TTaskLinkKind } from '@dircab/contracts';
import type { Queryable } from '../../platform/db/client';
import type { Actor } from '../../platform/policy/actor';

/** Who may see a linked record: a task about it copies this. */
export interface TaskLinkScope {
  confidentiality: TConfidentiality;
  members: readonly string[];
}

/**
 * A kind of record a task can be about. `scopeOf` answers null when the record does not exist
 * or the actor may not see it (creating the task then fails with 400 on `link.id`). Modules
 * register their kind when loaded (cases, correspondence; notes and decisions will).
 */
export interface TaskLinkKind {
  kind: TTaskLinkKind;
  scopeOf(db: Queryable, actor: Actor, id: string): Promise<TaskLinkScope | null>;
}

const kinds = new Map<TTaskLinkKind, TaskLinkKind>();

/** Registering a kind again replaces it: several apps are built in one test process. */
export function registerTaskLinkKind(kind: TaskLinkKind): void {
  kinds.set(kind.kind, kind);
}

export function taskLinkKind(kind: TTaskLinkKind): TaskLinkKind | undefined {
  return kinds.get(kind);
}
