import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { problems } from '../../errors/problem';
import type { Actor } from '../../policy/actor';
import { notifications } from '../notifications.schema';
import { findNotification, type NotificationRow } from '../queries/find-notifications';

/**
 * Marks one of the actor's notifications read (again: no change, the first reading time stays).
 * Not audited: a user's own reading is no change to the organisation's records.
 */
export async function markNotificationRead(tx: Queryable, actor: Actor, id: string): Promise<NotificationRow> {
  const row = await findNotification(tx, actor, id);
  if (!row) throw problems.notFound();
  if (row.readAt) return row;
  const [updated] = await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.id, id), isNull(notifications.readAt)))
    .returning();
  return updated ?? row;
}

/** Marks all the actor's unread notifications in the organisation read; returns how many. */
export async function markAllNotificationsRead(tx: Queryable, actor: Actor): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(eq(notifications.userId, actor.userId), eq(notifications.orgId, actor.orgId), isNull(notifications.readAt)),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
