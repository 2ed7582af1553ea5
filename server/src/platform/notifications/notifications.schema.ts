import { DIGEST_MODES } from '@dircab/contracts/notifications';
import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../modules/org/org.schema';
import { users } from '../auth/auth.schema';
import { createdAtColumn, idColumn, orgIdColumn, updatedAtColumn } from '../db/columns';

/** What a user is told in Dircab: a reminder, a digest, an item routed to them. */
export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** A path of the web app (`/courrier/<id>`), never an outside address. */
    link: text('link'),
    recordKind: text('record_kind'),
    recordId: uuid('record_id'),
    /**
     * Set by senders that may run twice (a job is at-least-once): a second notification with
     * the same key for the same user is not written (`correspondence.due:<item>:<day>`).
     */
    dedupeKey: text('dedupe_key'),
    createdAt: createdAtColumn(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    // The bell's list, newest first (keyset on created_at, id), and its unread filter and count.
    index('notifications_user_idx').on(t.userId, t.orgId, t.createdAt.desc(), t.id.desc()),
    index('notifications_user_unread_idx')
      .on(t.userId, t.orgId, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.readAt} is null`),
    uniqueIndex('notifications_user_dedupe_uq').on(t.userId, t.dedupeKey),
  ],
);

/** A member's notification choices in one organisation; no row means the defaults (no digest). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    digest: text('digest', { enum: DIGEST_MODES }).notNull().default('none'),
    updatedAt: updatedAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] })],
);
