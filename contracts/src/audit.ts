import { z } from 'zod';
import { page, ZPageQuery, ZUuid } from './common';

export const ZAuditQuery = ZPageQuery.extend({
  recordType: z.string().min(1).max(60).optional(),
  recordId: z.string().min(1).max(100).optional(),
  actorId: ZUuid.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z.object({
  id: ZUuid,
  actorId: ZUuid.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  at: z.string(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = page(ZAuditEntry);

/** People who may appear as authors in the audit trail, for its filter. */
export const ZAuditActors = z.object({ data: z.array(z.object({ id: ZUuid, name: z.string() })) });
