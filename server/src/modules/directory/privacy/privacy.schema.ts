import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

/**
 * The organisation's key for the erasure suppression list: the list holds HMACs under it, so
 * without the key it cannot be checked against a list of names, e-mails or phone numbers.
 * One random key per organisation, made on the first erasure; its own table so rotating the
 * session secret (DIRCAB_SECRET) does not empty the list.
 */
export const erasureSuppressionKeys = pgTable('erasure_suppression_keys', {
  orgId: orgIdColumn()
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * People erased on request, as keyed hashes of their natural keys (import identities, e-mails,
 * phones, names with a postcode): imports skip a row that has one of them. No contact id and
 * no clear value: the table says only that someone with this key asked to be forgotten.
 */
export const erasureSuppressions = pgTable(
  'erasure_suppressions',
  {
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    keyHash: text('key_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.keyHash] })],
);
