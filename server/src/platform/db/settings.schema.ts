import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Instance-wide settings, such as the secret that signs session cookies. */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
