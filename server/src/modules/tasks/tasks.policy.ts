import type { TConfidentiality, TRole } from '@dircab/contracts';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/policy/actor';
import { CABINET_ROLES, canSee, NO_CONTENT_ROLES, visibleTo } from '../../platform/policy/confidentiality';
import { definePolicy } from '../../platform/policy/define-policy';
import { memberships } from '../org/org.schema';

/** Who creates tasks: the cabinet, officials, and services (for themselves or another service). */
const CREATE: readonly TRole[] = [...CABINET_ROLES, 'official', 'services'];
/** The heads of the cabinet reassign and edit any task they see. */
const LEADS: readonly TRole[] = ['executive', 'chief_of_staff', 'cabinet_head'];

export const TASK_ROLES = { create: CREATE } as const;

export interface TaskRecord {
  orgId: string;
  confidentiality: TConfidentiality;
  /** The linked record's named people. */
  members: readonly string[];
  assigneeUserId: string | null;
  createdBy: string | null;
  /** The task is assigned to the actor's own service (computed in SQL: `myServiceTask`). */
  inMyService: boolean;
}

/** The actor's directory service, as an SQL scalar (memberships.service_id; null if none). */
export function myServiceId(actor: Actor): SQL {
  return sql`(select ${memberships.serviceId} from ${memberships}
              where ${memberships.orgId} = ${actor.orgId} and ${memberships.userId} = ${actor.userId})`;
}

export interface TaskScopeColumns {
  orgId: SQLWrapper;
  confidentiality: SQLWrapper;
  members: SQLWrapper;
  assigneeUserId: SQLWrapper;
  assigneeServiceId: SQLWrapper;
  createdBy: SQLWrapper;
}

/** In memory: the twin of `visibleTasks` for a task already loaded. */
export function canSeeTask(actor: Actor, t: TaskRecord): boolean {
  if (t.orgId !== actor.orgId || NO_CONTENT_ROLES.includes(actor.role)) return false;
  if (t.assigneeUserId === actor.userId || t.createdBy === actor.userId || t.inMyService) return true;
  if (t.members.includes(actor.userId)) return true;
  return CABINET_ROLES.includes(actor.role) && canSee(actor, t);
}

/**
 * SQL: the tasks the actor may see. Its assignee (person or service), its creator and the
 * linked record's people always; the cabinet by the linked record's confidentiality (a task
 * about a confidential case is hidden from whoever does not see the case); officials and
 * services only their own.
 */
export function visibleTasks(actor: Actor, c: TaskScopeColumns): SQL {
  if (NO_CONTENT_ROLES.includes(actor.role)) return sql`false`;
  const own = sql`(${c.assigneeUserId} = ${actor.userId} or ${c.createdBy} = ${actor.userId}
                   or ${c.members} @> array[${actor.userId}::uuid] or ${c.assigneeServiceId} = ${myServiceId(actor)})`;
  if (!CABINET_ROLES.includes(actor.role)) return sql`(${c.orgId} = ${actor.orgId} and ${own})`;
  return sql`(${c.orgId} = ${actor.orgId} and (${own} or ${visibleTo(actor, c)}))`;
}

/** The assignee or their service move the status; the creator and the heads change the rest. */
function mayEdit(actor: Actor, t: TaskRecord): boolean {
  return canSeeTask(actor, t) && (t.createdBy === actor.userId || LEADS.includes(actor.role));
}
function mayProgress(actor: Actor, t: TaskRecord): boolean {
  return mayEdit(actor, t) || (canSeeTask(actor, t) && (t.assigneeUserId === actor.userId || t.inMyService));
}

export const taskPolicy = definePolicy<'read' | 'update' | 'progress', TaskRecord>({
  read: (actor, t) => canSeeTask(actor, t),
  update: mayEdit,
  progress: mayProgress,
});
