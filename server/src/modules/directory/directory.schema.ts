import type { TConfidentiality, TPostalAddress } from '@dircab/contracts';
import { CONTACT_KINDS, CONTACT_ORG_TYPES } from '@dircab/contracts/directory';
import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, orgIdColumn, updatedAtColumn } from '../../platform/db/columns';
import { organisations } from '../org/org.schema';

/** The organisation's neighbourhoods: used to file, filter and report. */
export const territories = pgTable(
  'territories',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    code: text('code'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  // One "Boulari" per organisation, whatever the case.
  (t) => [uniqueIndex('territories_org_name_uq').on(t.orgId, sql`lower(${t.name})`)],
);

/** The administration's departments, with the topics they handle (routing will suggest from them). */
export const services = pgTable(
  'services',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    headName: text('head_name'),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex('services_org_name_uq').on(t.orgId, sql`lower(${t.name})`),
    index('services_topics_idx').using('gin', t.topics),
  ],
);

export interface ContactEmail {
  label?: string | null | undefined;
  email: string;
}
export interface ContactPhone {
  label?: string | null | undefined;
  /** E.164. */
  number: string;
}

/** Persons and organisations of the cabinet's address book. */
export const contacts = pgTable(
  'contacts',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CONTACT_KINDS }).notNull(),
    civility: text('civility', { enum: ['M.', 'Mme'] }),
    firstName: text('first_name'),
    lastName: text('last_name'),
    name: text('name'),
    orgType: text('org_type', { enum: CONTACT_ORG_TYPES }),
    formOfAddress: text('form_of_address'),
    jobTitle: text('job_title'),
    employer: text('employer'),
    addresses: jsonb('addresses').$type<TPostalAddress[]>().notNull().default([]),
    emails: jsonb('emails').$type<ContactEmail[]>().notNull().default([]),
    phones: jsonb('phones').$type<ContactPhone[]>().notNull().default([]),
    territoryId: uuid('territory_id').references(() => territories.id, { onDelete: 'set null' }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    source: text('source'),
    consent: boolean('consent').notNull().default(false),
    consentDate: date('consent_date', { mode: 'string' }),
    confidentiality: text('confidentiality').$type<TConfidentiality>().notNull().default('normal'),
    members: uuid('members').array().notNull().default(sql`'{}'::uuid[]`),
    // Maintained by the commands (contact-names.ts): what lists show and how they sort.
    displayName: text('display_name').notNull(),
    sortName: text('sort_name').notNull(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    // The retention clock (RGPD): the last exchange with the contact or change to it (privacy/).
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    // Set once the retention job or an erasure has stripped the personal data (privacy/).
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true, mode: 'date' }),
    // Set with deleted_at when a merge folds this contact into another (merge-contacts.ts).
    mergedIntoId: uuid('merged_into_id'),
    // The name search's key (find-contacts.ts), stored: the trigram index's recheck then reads it
    // instead of unaccenting the name of every candidate (half the time of a common name's search).
    nameKey: text('name_key').generatedAlwaysAs(sql`dircab_unaccent(lower(display_name))`),
  },
  (t) => [
    // Keyset pagination (sort_name, id), with and without the kind filter.
    index('contacts_org_sort_idx').on(t.orgId, t.sortName, t.id),
    index('contacts_org_kind_sort_idx').on(t.orgId, t.kind, t.sortName, t.id),
    index('contacts_org_territory_idx').on(t.orgId, t.territoryId),
    index('contacts_tags_idx').using('gin', t.tags),
    // The retention job's range scan: expired contacts of one kind not yet anonymised.
    index('contacts_retention_idx').on(t.orgId, t.kind, t.lastActivityAt).where(sql`${t.anonymisedAt} is null`),
    // The kept contact's timeline gathers the history of the contacts merged into it.
    index('contacts_org_merged_into_idx').on(t.orgId, t.mergedIntoId),
    // Accent- and typo-tolerant names: the list's search (find-contacts.ts) and the duplicates'
    // similarity (find-matches.ts). The only GIN index on names: every GIN index costs a bulk
    // import dearly (imports/deferred-gin.ts).
    index('contacts_name_key_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`).with({ fastupdate: false }),
    // A letter writer's exact name (find-contact-for-sender.ts), at each registration. Through
    // the trigram index, or the primary key the planner took for its `order by id limit 1`, a
    // name the directory lacks read every contact of the organisation (25 ms at 25,000).
    index('contacts_org_name_key_idx').on(t.orgId, t.nameKey),
  ],
);
