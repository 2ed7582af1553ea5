import { ROLES } from '@dircab/contracts';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client';
import { notify } from '../../../platform/notifications/notify';
import { NO_CONTENT_ROLES } from '../../../platform/policy/confidentiality';
import { memberships } from '../../org/org.schema';
import type { tasks } from '../tasks.schema';

/** Group staff and the admin never receive the cabinet's work, even if named in a service. */
const CONTENT_ROLES = ROLES.filter((r) => !NO_CONTENT_ROLES.includes(r));

/**
 * Tells whoever now holds a task: its assignee, or every active member of the assigned service
 * (they all see it: « tâches de mon service »). The actor who assigned it is not told of their
 * own act. Telling the title reveals nothing: each one told sees the task. A dedupe key per
 * holder keeps a repeated assignment from notifying twice.
 */
export async function tellAssignees(tx: Queryable, row: typeof tasks.$inferSelect, actorUserId: string): Promise<void> {
  let userIds: string[] = [];
  if (row.assigneeUserId) userIds = [row.assigneeUserId];
  else if (row.assigneeServiceId) {
    const members = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.orgId, row.orgId),
          eq(memberships.serviceId, row.assigneeServiceId),
          eq(memberships.active, true),
          inArray(memberships.role, CONTENT_ROLES),
          ne(memberships.userId, actorUserId),
        ),
      );
    userIds = members.map((m) => m.userId);
  }
  userIds = userIds.filter((id) => id !== actorUserId);
  if (userIds.length === 0) return;
  const holder = row.assigneeUserId ?? `service:${row.assigneeServiceId}`;
  await notify(tx, {
    orgId: row.orgId,
    userIds,
    kind: 'task.assigned',
    title: row.assigneeUserId ? `Nouvelle tâche : ${row.title}` : `Nouvelle tâche pour votre service : ${row.title}`,
    ...(row.dueDate ? { body: `Échéance : ${row.dueDate}` } : {}),
    link: `/tasks/${row.id}`,
    recordKind: 'task',
    recordId: row.id,
    dedupeKey: `task.assigned:${row.id}:${holder}`,
  });
}
