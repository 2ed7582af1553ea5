import { ORG_KINDS, ROLES } from '@dircab/contracts/org';
import { boolean, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.schema';
import { createdAtColumn, idColumn, updatedAtColumn } from '../../platform/db/columns';
import { services } from '../directory/directory.schema';

/** A tenant: a commune, département, EPCI or CCAS, with its own settings and data. */
export const organisations = pgTable('organisations', {
  id: idColumn(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ORG_KINDS }).notNull(),
  officialCode: text('official_code').notNull(),
  timeZone: text('time_zone').notNull(),
  currency: text('currency').notNull(),
  locale: text('locale').notNull().default('fr-FR'),
  createdAt: createdAtColumn(),
  updatedAt: updatedAtColumn(),
});

/** A user's place in an organisation: one role per organisation. */
export const memberships = pgTable(
  'memberships',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    jobTitle: text('job_title'),
    /** The directory service a `services` user works in: routing to it shows them the item. */
    serviceId: uuid('service_id').references(() => services.id, { onDelete: 'set null' }),
    /** Signs outgoing mail by delegation of the executive (the executive always may). */
    signsMail: boolean('signs_mail').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);
