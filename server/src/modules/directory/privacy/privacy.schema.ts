import { integer, pgTable, uuid } from 'drizzle-orm/pg-core';
import { orgIdColumn, updatedAtColumn } from '../../../platform/db/columns';
import { organisations } from '../../org/org.schema';

/**
 * Retention periods of the organisation's contacts, in months (RGPD). No row: the defaults of
 * retention-defaults.ts. One row per organisation, set by the heads or the admin.
 */
export const privacyRetention = pgTable('privacy_retention', {
  orgId: orgIdColumn()
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  constituentsMonths: integer('constituents_months').notNull(),
  otherOfficialsMonths: integer('other_officials_months').notNull(),
  ownOfficialsMonths: integer('own_officials_months').notNull(),
  organisationNotesMonths: integer('organisation_notes_months').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAtColumn(),
});
