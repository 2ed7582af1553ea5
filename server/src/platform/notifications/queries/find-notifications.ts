import type { TNotification, TNotificationQuery } from '@dircab/contracts';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { problems } from '../../errors/problem';
import { decodeCursor, encodeCursor } from '../../http/cursor';
import type { Actor } from '../../policy/actor';
import { notifications } from '../notifications.schema';

export type NotificationRow = typeof notifications.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A user's own notifications in the current organisation: nobody else's is ever read. */
const mine = (actor: Actor): SQL[] => [eq(notifications.userId, actor.userId), eq(notifications.orgId, actor.orgId)];

export function presentNotification(row: NotificationRow): TNotification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    recordKind: row.recordKind,
    recordId: row.recordId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    policies: { read: true, markRead: row.readAt === null },
  };
}

/** One of the actor's notifications, or null (404: another user's is as if it did not exist). */
export async function findNotification(db: Queryable, actor: Actor, id: string): Promise<NotificationRow | null> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(...mine(actor), eq(notifications.id, id)));
  return row ?? null;
}

/** The actor's notifications, newest first (keyset on notifications_user_idx or its unread twin). */
export async function findNotifications(
  db: Queryable,
  actor: Actor,
  query: TNotificationQuery,
): Promise<{ data: TNotification[]; nextCursor: string | null }> {
  const t = notifications;
  const where = mine(actor);
  if (query.unread) where.push(isNull(t.readAt));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ['c', 'id']);
    if (!UUID.test(c.id) || Number.isNaN(Date.parse(c.c))) {
      throw problems.badRequest('Le curseur de pagination est invalide.', [
        { path: 'cursor', message: 'Curseur invalide : repartez de la première page.', code: 'invalid_cursor' },
      ]);
    }
    where.push(sql`(${t.createdAt}, ${t.id}) < (${c.c}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(t)
    .where(and(...where))
    // NULLS LAST as the indexes are built, so they serve the order.
    .orderBy(sql`${t.createdAt} desc nulls last`, sql`${t.id} desc nulls last`)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(presentNotification),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ c: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/** The bell's figure: the actor's unread notifications (the partial unread index). */
export async function countUnread(db: Queryable, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(...mine(actor), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
