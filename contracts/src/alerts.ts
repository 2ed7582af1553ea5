import { z } from 'zod';

// The executive's alert feed (issue 6): one prioritised list fed by every module's source.

export const ALERT_PRIORITIES = ['critical', 'high', 'normal'] as const;
export const ZAlertPriority = z.enum(ALERT_PRIORITIES);
export type TAlertPriority = z.infer<typeof ZAlertPriority>;

export const ZAlert = z.object({
  /** `<kind>:<record id>`: unique in the feed. */
  id: z.string(),
  /** The source (`case.escalated`, `task.overdue`, later `correspondence.to_sign`, `note.to_read`…). */
  kind: z.string(),
  priority: ZAlertPriority,
  title: z.string(),
  detail: z.string().nullable(),
  /** Where the web opens the record. */
  url: z.string(),
  /** When the alert arose (escalation, due date…). */
  at: z.string(),
});
export type TAlert = z.infer<typeof ZAlert>;

export const ZAlertQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** The top of the feed: every source gives at most `limit`, the merge keeps the `limit` first. */
export const ZAlertFeed = z.object({ data: z.array(ZAlert) });
export type TAlertFeed = z.infer<typeof ZAlertFeed>;
