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
  type AnyPgColumn,
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
import { users } from '../../platform/auth/auth.schema';
import { createdAtColumn, idColumn, orgIdColumn, updatedAtColumn } from '../../platform/db/columns';
import { contacts, services, territories } from '../directory/directory.schema';
import { organisations } from '../org/org.schema';
import { correspondenceReplies } from './processing/processing.schema';

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
  /** Registration emails the acknowledgement of digital items whose type calls for one. */
  autoAcknowledge: boolean('auto_acknowledge').notNull().default(true),
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
    /**
     * Every service the item was ever routed to, and every person: kept in step by the routing
     * command from correspondence_routings, so that what a service sees is one GIN lookup.
     */
    serviceIds: uuid('service_ids').array().notNull().default(sql`'{}'::uuid[]`),
    routedUserIds: uuid('routed_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /**
     * Who besides the cabinet sees the item, as one GIN-indexed array of keys: the people named
     * on it and, unless it is confidential, the people and services it was routed to (their
     * uuids), and for a normal item its topic (`topic:voirie`, for the officials' portfolios).
     * A service or an official sees an item with one `audience && array[their keys]`, one
     * bitmap scan: an OR of several GIN and topic conditions made the planner read the table.
     */
    audience: text('audience')
      .array()
      .notNull()
      .generatedAlwaysAs(
        sql`(case when confidentiality = 'confidential' then members else members || routed_user_ids || service_ids end)::text[]
          || case when confidentiality = 'normal' and topic is not null then array['topic:' || topic] else '{}'::text[] end`,
      ),
    /** The current lead (for action): the queues "mine" and "my service" read them. */
    leadServiceId: uuid('lead_service_id').references(() => services.id, { onDelete: 'set null' }),
    leadUserId: uuid('lead_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** An outgoing reply points at the incoming item it answers. */
    inReplyToId: uuid('in_reply_to_id').references((): AnyPgColumn => correspondenceItems.id, {
      onDelete: 'set null',
    }),
    /** The case (dossier) of the item; the cases module adds the foreign key with its table. */
    caseId: uuid('case_id'),
    /** Free labels of the organisation, as first spelt (« Voirie », « À rappeler »). */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /**
     * The same tags as keys (spaces collapsed, lower case: `tagKey`), written with them by
     * `withTags`: the `?tag=` filter is one GIN lookup whatever the spelling typed.
     */
    tagKeys: text('tag_keys').array().notNull().default(sql`'{}'::text[]`),
    /**
     * A campaign copy: the lead's reply it copies (send-campaign-copies.ts), so the copy's
     * letter finds that reply again. Null on every other item.
     */
    campaignReplyId: uuid('campaign_reply_id').references((): AnyPgColumn => correspondenceReplies.id, {
      onDelete: 'set null',
    }),
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
    // Services see what was routed to them, officials what falls in their portfolio.
    index('correspondence_items_service_ids_idx').using('gin', t.serviceIds),
    index('correspondence_items_audience_idx').using('gin', t.audience),
    index('correspondence_items_routed_users_idx').using('gin', t.routedUserIds),
    index('correspondence_items_org_topic_idx').on(t.orgId, t.topic, t.receivedAt.desc(), t.id.desc()),
    // The queues: mine, my service, and the due dates of open items.
    index('correspondence_items_org_lead_user_idx').on(t.orgId, t.leadUserId, t.receivedAt.desc(), t.id.desc()),
    index('correspondence_items_org_lead_service_idx').on(t.orgId, t.leadServiceId, t.receivedAt.desc(), t.id.desc()),
    index('correspondence_items_org_due_idx')
      .on(t.orgId, t.dueDate)
      .where(
        sql`${t.dueDate} is not null and ${t.status} in ('routed', 'in_progress', 'reply_drafted', 'in_review', 'to_sign', 'waiting_info')`,
      ),
    index('correspondence_items_in_reply_to_idx').on(t.inReplyToId),
    index('correspondence_items_tag_keys_idx').using('gin', t.tagKeys),
    // The tag suggestions read the organisation's latest tagged items only.
    index('correspondence_items_org_tagged_idx')
      .on(t.orgId, t.receivedAt.desc(), t.id.desc())
      .where(sql`${t.tagKeys} <> '{}'::text[]`),
    index('correspondence_items_campaign_reply_idx').on(t.campaignReplyId).where(sql`${t.campaignReplyId} is not null`),
    index('correspondence_items_subject_trgm_idx').using('gin', sql`dircab_unaccent(lower(${t.subject})) gin_trgm_ops`),
  ],
);
