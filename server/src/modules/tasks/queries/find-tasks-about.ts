import type { TTaskLinkKind, TTaskStatus } from '@dircab/contracts';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { users } from '../../../platform/auth/auth.schema';
import type { Queryable } from '../../../platform/db/client';
import type { Actor } from '../../../platform/policy/actor';
import { visibleTasks } from '../tasks.policy';
import { tasks } from '../tasks.schema';
import { taskScope } from './find-tasks';

export interface TaskAbout {
  id: string;
  title: string;
  status: TTaskStatus;
  dueDate: string | null;
  createdAt: Date;
  createdByName: string | null;
}

/**
 * The tasks about one record that the actor may see, newest first (ids are UUIDv7), strictly
 * before `beforeId`: the record's timeline merges them with its own entries (tasks_org_link_idx).
 */
export async function findTasksAbout(
  db: Queryable,
  actor: Actor,
  link: { kind: TTaskLinkKind; id: string },
  beforeId: string | null,
  limit: number,
): Promise<TaskAbout[]> {
  const where: SQL[] = [
    eq(tasks.orgId, actor.orgId),
    eq(tasks.linkKind, link.kind),
    eq(tasks.linkId, link.id),
    visibleTasks(actor, taskScope),
  ];
  if (beforeId) where.push(sql`${tasks.id} < ${beforeId}::uuid`);
  return db
    .select({
      id: tasks.id,
      title: tasks.title,
      status: tasks.status,
      dueDate: tasks.dueDate,
      createdAt: tasks.createdAt,
      createdByName: users.name,
    })
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.createdBy))
    .where(and(...where))
    .orderBy(desc(tasks.id))
    .limit(limit);
}
