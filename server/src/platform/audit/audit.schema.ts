import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../db/columns';

/**
 * Append-only audit trail. A trigger (migration 0001) refuses UPDATE and DELETE, so not even
 * a bug in the application can rewrite history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: idColumn(),
    // Null for instance-level actions (e.g. a sign-in before an organisation is chosen).
    orgId: uuid('org_id'),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id'),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    // UUIDv7 ids sort by time: lists page on (org, id) alone.
    index('audit_org_id_idx').on(t.orgId, t.id.desc()),
    index('audit_org_record_idx').on(t.orgId, t.recordType, t.recordId, t.id.desc()),
    index('audit_org_actor_idx').on(t.orgId, t.actorId, t.id.desc()),
  ],
);
