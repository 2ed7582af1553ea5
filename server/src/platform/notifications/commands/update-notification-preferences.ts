import type { TNotificationPreferences } from '@dircab/contracts';
import { recordAudit } from '../../audit/record-audit';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../policy/actor';
import { notificationPreferences } from '../notifications.schema';
import { findNotificationPreferences } from '../queries/find-notification-preferences';

/** Sets the actor's digest choice; audited, since it decides what is e-mailed out of Dircab. */
export async function updateNotificationPreferences(
  tx: Queryable,
  actor: Actor,
  input: TNotificationPreferences,
): Promise<TNotificationPreferences> {
  const before = await findNotificationPreferences(tx, actor);
  await tx
    .insert(notificationPreferences)
    .values({ orgId: actor.orgId, userId: actor.userId, digest: input.digest })
    .onConflictDoUpdate({
      target: [notificationPreferences.orgId, notificationPreferences.userId],
      set: { digest: input.digest, updatedAt: new Date() },
    });
  if (before.digest !== input.digest) {
    await recordAudit(tx, actor, {
      action: 'notifications.preferences_update',
      recordType: 'notification_preferences',
      recordId: actor.userId,
      summary: { before, after: input },
    });
  }
  return input;
}
