import type { Queryable } from '../db/client';
import { notifications } from './notifications.schema';

export interface NotifyInput {
  orgId: string;
  userIds: readonly string[];
  kind: string;
  title: string;
  body?: string;
  /** A path of the web app (`/courrier/<id>`). */
  link?: string | null;
  recordKind?: string | null;
  recordId?: string | null;
  /**
   * For senders that may run twice (jobs run at least once): per user, a notification whose key
   * was already written is skipped, so a rerun never notifies twice.
   */
  dedupeKey?: string | null;
}

/**
 * Notifies users in the caller's transaction (it exists only if the change commits). Other
 * modules call it; the caller decides who may be told, and tells only about what they may see.
 * Returns how many notifications were written.
 */
export async function notify(tx: Queryable, input: NotifyInput): Promise<number> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return 0;
  const rows = await tx
    .insert(notifications)
    .values(
      userIds.map((userId) => ({
        orgId: input.orgId,
        userId,
        kind: input.kind,
        title: input.title,
        body: input.body ?? '',
        link: input.link ?? null,
        recordKind: input.recordKind ?? null,
        recordId: input.recordId ?? null,
        dedupeKey: input.dedupeKey ?? null,
      })),
    )
    // notifications_user_dedupe_uq; NULL keys never conflict.
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  return rows.length;
}
