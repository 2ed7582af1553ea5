import { RELATION_KINDS } from '@dircab/contracts/relations';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, orgIdColumn, updatedAtColumn } from '../../platform/db/columns';
import { organisations } from '../org/org.schema';
import { contacts } from './directory.schema';

/**
 * Relations between two contacts (Julie « travaille pour » Association X). Stored once, read
 * from both sides: the web words the inverse (« emploie »).
 */
export const contactRelations = pgTable(
  'contact_relations',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    fromContactId: uuid('from_contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    toContactId: uuid('to_contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: RELATION_KINDS }).notNull(),
    label: text('label'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index('contact_relations_org_from_idx').on(t.orgId, t.fromContactId, t.id),
    index('contact_relations_org_to_idx').on(t.orgId, t.toContactId, t.id),
    // The same relation twice is a duplicate; two roles in one association are not.
    uniqueIndex('contact_relations_uq').on(
      t.orgId,
      t.fromContactId,
      t.toContactId,
      t.kind,
      sql`coalesce(lower(${t.label}), '')`,
    ),
    check('contact_relations_not_self', sql`${t.fromContactId} <> ${t.toContactId}`),
  ],
);

/**
 * Exact keys that make two contacts likely the same: `email:…`, `phone:+687…`,
 * `address:98809|12 rue …`. Maintained with the contact (duplicate-candidates.ts), so a match
 * is one index lookup instead of a scan of the jsonb arrays.
 */
export const contactMatchKeys = pgTable(
  'contact_match_keys',
  {
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.key] }), index('contact_match_keys_org_key_idx').on(t.orgId, t.key)],
);

/**
 * Likely duplicate pairs of the organisation (contact_a < contact_b), with a score and its
 * reasons: the organisation-wide list reads this table instead of comparing every pair.
 */
export const contactDuplicateCandidates = pgTable(
  'contact_duplicate_candidates',
  {
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    contactA: uuid('contact_a')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    contactB: uuid('contact_b')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.contactA, t.contactB] }),
    // The list pages on (score desc, a, b); the refresh finds a contact's pairs by either side.
    index('contact_duplicate_candidates_list_idx').on(t.orgId, t.score.desc(), t.contactA, t.contactB),
    index('contact_duplicate_candidates_b_idx').on(t.orgId, t.contactB),
  ],
);

/** Pairs a user said are not the same (contact_a < contact_b): they stop appearing. */
export const contactDuplicateDismissals = pgTable(
  'contact_duplicate_dismissals',
  {
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    contactA: uuid('contact_a')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    contactB: uuid('contact_b')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    dismissedBy: uuid('dismissed_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.contactA, t.contactB] })],
);
