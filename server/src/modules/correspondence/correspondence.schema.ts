import type { TConfidentiality } from '@dircab/contracts';
import {
  CORRESPONDENCE_CHANNELS,
  CORRESPONDENCE_DIRECTIONS,
  CORRESPONDENCE_PRIORITIES,
  CORRESPONDENCE_STATUSES,
  IMPLICIT_DECISION_RULES,
} from '@dircab/contracts/correspondence';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, orgIdColumn, updatedAtColumn } from '../../platform/db/columns';
import { contacts, territories } from '../directory/directory.schema';
import { organisations } from '../org/org.schema';

/**
 * Kinds of item an organisation registers: whether an acknowledgement is due (CRPA L.112-3),
 * whether it is a request subject to a decision and what silence becomes (L.231-1), and the
 * processing delay that sets the due date.
 */
export const correspondenceItemTypes = pgTable(
  'correspondence_item_types',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    label: text('label').notNull(),
    acknowledgementDue: boolean('acknowledgement_due').notNull().default(false),
    /** Null: not a request subject to a decision (an invitation, a simple letter). */
    implicitDecisionRule: text('implicit_decision_rule', { enum: IMPLICIT_DECISION_RULES }),
    /** Months of silence before the implicit decision: two by default (L.231-1). */
    implicitDecisionMonths: integer('implicit_decision_months').notNull().default(2),
    /** Null: no due date. */
    processingWorkingDays: integer('processing_working_days'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex('correspondence_item_types_org_code_uq').on(t.orgId, t.code)],
);

/**
 * The last registration number given, per organisation, direction and year. Registration
 * increments it with UPDATE … RETURNING in its own transaction: the row stays locked until
 * commit, so two registrations never share a number, and a rollback gives the number back.
 */
export const correspondenceCounters = pgTable(
  'correspondence_counters',
  {
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: CORRESPONDENCE_DIRECTIONS }).notNull(),
    year: integer('year').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.direction, t.year] })],
);

/** Per-organisation numbering formats; no row means the defaults (`{year}-A-{seq:6}`). */
export const correspondenceSettings = pgTable('correspondence_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  incomingFormat: text('incoming_format').notNull(),
  outgoingFormat: text('outgoing_format').notNull(),
  updatedAt: updatedAtColumn(),
});

/** Every registered item, incoming or outgoing, whatever its channel. */
export const correspondenceItems = pgTable(
  'correspondence_items',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: CORRESPONDENCE_DIRECTIONS }).notNull(),
    registrationNumber: text('registration_number').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    channel: text('channel', { enum: CORRESPONDENCE_CHANNELS }).notNull(),
    typeId: uuid('type_id').references(() => correspondenceItemTypes.id, { onDelete: 'restrict' }),
    subject: text('subject').notNull(),
    body: text('body').notNull().default(''),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    senderContactId: uuid('sender_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    senderName: text('sender_name').notNull(),
    senderEmail: text('sender_email'),
    senderPhone: text('sender_phone'),
    senderAddress: text('sender_address'),
    topic: text('topic'),
    territoryId: uuid('territory_id').references(() => territories.id, { onDelete: 'set null' }),
    priority: text('priority', { enum: CORRESPONDENCE_PRIORITIES }).notNull().default('normal'),
    confidentiality: text('confidentiality').$type<TConfidentiality>().notNull().default('normal'),
    members: uuid('members').array().notNull().default(sql`'{}'::uuid[]`),
    status: text('status', { enum: CORRESPONDENCE_STATUSES }).notNull().default('registered'),
    dueDate: date('due_date'),
    implicitDecisionDate: date('implicit_decision_date'),
    implicitDecisionRule: text('implicit_decision_rule', { enum: IMPLICIT_DECISION_RULES }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    // The register: one number per organisation, and one sequence per direction and year.
    uniqueIndex('correspondence_items_org_number_uq').on(t.orgId, t.registrationNumber),
    uniqueIndex('correspondence_items_org_seq_uq').on(t.orgId, t.direction, t.year, t.sequence),
    // The list reads newest received first (keyset on received_at, id); one index per filter.
    index('correspondence_items_org_received_idx').on(t.orgId, t.receivedAt.desc(), t.id.desc()),
    index('correspondence_items_org_status_idx').on(t.orgId, t.status, t.receivedAt.desc(), t.id.desc()),
    index('correspondence_items_org_channel_idx').on(t.orgId, t.channel, t.receivedAt.desc(), t.id.desc()),
    index('correspondence_items_org_direction_idx').on(t.orgId, t.direction, t.receivedAt.desc(), t.id.desc()),
    index('correspondence_items_org_type_idx').on(t.orgId, t.typeId, t.receivedAt.desc(), t.id.desc()),
    index('correspondence_items_org_territory_idx').on(t.orgId, t.territoryId, t.receivedAt.desc(), t.id.desc()),
    index('correspondence_items_sender_idx').on(t.orgId, t.senderContactId),
    // Services and officials see only the items they are named on: `members @> array[me]`.
    index('correspondence_items_members_idx').using('gin', t.members),
    index('correspondence_items_subject_trgm_idx').using('gin', sql`dircab_unaccent(lower(${t.subject})) gin_trgm_ops`),
  ],
);
