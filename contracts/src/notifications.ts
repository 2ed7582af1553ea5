import { z } from 'zod';
import { ZPageQuery, ZPolicies, ZUuid } from './common';

// In-app notifications (issue 4, follow-up): the kernel every module notifies through.

/** What a user receives by way of a daily digest. */
export const DIGEST_MODES = ['none', 'in_app', 'email'] as const;
export const ZDigestMode = z.enum(DIGEST_MODES);
export type TDigestMode = z.infer<typeof ZDigestMode>;

export const ZNotification = z.object({
  id: ZUuid,
  /** Machine kind (`correspondence.due_tomorrow`, `correspondence.overdue`, `digest.daily`…). */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** Path inside the web app the notification opens (`/courrier/…`), if any. */
  link: z.string().nullable(),
  recordKind: z.string().nullable(),
  recordId: ZUuid.nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  policies: ZPolicies,
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationPage = z.object({ data: z.array(ZNotification), nextCursor: z.string().nullable() });
export type TNotificationPage = z.infer<typeof ZNotificationPage>;

export const ZNotificationQuery = ZPageQuery.extend({
  /** `true`: only the unread ones. */
  unread: z
    .enum(['true', 'false'], { message: 'Valeur true ou false attendue.' })
    .transform((v) => v === 'true')
    .optional(),
});
export type TNotificationQuery = z.infer<typeof ZNotificationQuery>;

export const ZUnreadCount = z.object({ unread: z.number().int().min(0) });
export type TUnreadCount = z.infer<typeof ZUnreadCount>;

export const ZReadAll = z.object({ marked: z.number().int().min(0) });

export const ZNotificationPreferences = z.strictObject({
  /** The daily digest at 07:00 in the organisation's time zone: none, in Dircab, or by e-mail too. */
  digest: ZDigestMode,
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;
