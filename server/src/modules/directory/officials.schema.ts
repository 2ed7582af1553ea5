import { MANDATE_BODIES, MANDATE_FUNCTIONS, POLITICAL_SIDES } from '@dircab/contracts/officials';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.schema';
import { createdAtColumn, idColumn, orgIdColumn, updatedAtColumn } from '../../platform/db/columns';
import { organisations } from '../org/org.schema';
import { contacts } from './directory.schema';

/**
 * The organisation's political groups. Affiliation is sensitive (RGPD): cabinet roles see it,
 * and a group_staff member sees the officials of the groups naming them in `staff` only.
 */
export const politicalGroups = pgTable(
  'political_groups',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    side: text('side', { enum: POLITICAL_SIDES }).notNull(),
    /** The group's staff (user ids with the group_staff role). */
    staff: uuid('staff').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex('political_groups_org_name_uq').on(t.orgId, sql`lower(${t.name})`)],
);

/** The organisation's elected members: a person contact, optionally a user account. */
export const officials = pgTable(
  'officials',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    portfolios: text('portfolios').array().notNull().default(sql`'{}'::text[]`),
    politicalGroupId: uuid('political_group_id').references(() => politicalGroups.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex('officials_org_contact_uq').on(t.orgId, t.contactId),
    index('officials_org_group_idx').on(t.orgId, t.politicalGroupId),
  ],
);

/**
 * Mandates of every elected person the address book knows: the organisation's officials
 * (`official_id`, `is_own_organisation`) and the contacts of other bodies, so protocol can
 * rank them. `external_key` is the natural key of an imported mandate (re-imports update it).
 */
export const mandates = pgTable(
  'mandates',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    officialId: uuid('official_id').references(() => officials.id, { onDelete: 'set null' }),
    isOwnOrganisation: boolean('is_own_organisation').notNull().default(false),
    function: text('function', { enum: MANDATE_FUNCTIONS }).notNull(),
    rank: integer('rank'),
    label: text('label'),
    body: text('body', { enum: MANDATE_BODIES }).notNull(),
    bodyName: text('body_name'),
    collectivityCode: text('collectivity_code'),
    collectivityName: text('collectivity_name'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    source: text('source'),
    externalKey: text('external_key'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index('mandates_org_contact_idx').on(t.orgId, t.contactId),
    index('mandates_org_official_idx').on(t.orgId, t.officialId),
    // The contacts list's mandate filter (every maire…).
    index('mandates_org_function_idx').on(t.orgId, t.function, t.contactId),
    uniqueIndex('mandates_org_external_key_uq').on(t.orgId, t.externalKey),
  ],
);

/**
 * How an imported person is recognised on the next import: e.g. the RNE identity (normalised
 * last name, first name and birth date) → the contact it became.
 */
export const contactIdentities = pgTable(
  'contact_identities',
  {
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    key: text('key').notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('contact_identities_uq').on(t.orgId, t.source, t.key),
    index('contact_identities_contact_idx').on(t.contactId),
  ],
);
