import type { TNotificationPreferences } from '@dircab/contracts';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../policy/actor';
import { notificationPreferences } from '../notifications.schema';

/** The actor's choices in the current organisation; no row: no digest. */
export async function findNotificationPreferences(db: Queryable, actor: Actor): Promise<TNotificationPreferences> {
  const [row] = await db
    .select({ digest: notificationPreferences.digest })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.orgId, actor.orgId), eq(notificationPreferences.userId, actor.userId)));
  return { digest: row?.digest ?? 'none' };
}
