import type { TCreateSavedView } from '@dircab/contracts';
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../../platform/auth/auth.schema';
import { createdAtColumn, idColumn, orgIdColumn } from '../../../platform/db/columns';
import { organisations } from '../../org/org.schema';

/** A user's named set of inbox filters, kept on the server so it follows them across devices. */
export const correspondenceSavedViews = pgTable(
  'correspondence_saved_views',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    filters: jsonb('filters').$type<TCreateSavedView['filters']>().notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('correspondence_saved_views_user_name_uq').on(t.orgId, t.userId, t.name),
    index('correspondence_saved_views_user_idx').on(t.orgId, t.userId, t.id),
  ],
);
