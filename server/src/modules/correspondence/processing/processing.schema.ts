import { ROUTING_MODES } from '@dircab/contracts/correspondence-processing';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../../platform/auth/auth.schema';
import { createdAtColumn, idColumn, orgIdColumn, updatedAtColumn } from '../../../platform/db/columns';
import { services } from '../../directory/directory.schema';
import { organisations } from '../../org/org.schema';
import { correspondenceItems } from '../correspondence.schema';

/**
 * Routing (imputation) lines of an item: to a service, a person, or a person in a service, for
 * action or for information. Re-routing ends the current lines (`ended_at`) and adds new ones,
 * so the history stays.
 */
export const correspondenceRoutings = pgTable(
  'correspondence_routings',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => correspondenceItems.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id').references(() => services.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    mode: text('mode', { enum: ROUTING_MODES }).notNull(),
    comment: text('comment'),
    routedBy: uuid('routed_by').references(() => users.id, { onDelete: 'set null' }),
    routedAt: timestamp('routed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('correspondence_routings_item_idx').on(t.itemId, t.routedAt),
    // The suggestion counts how a type's or a writer's items were routed (lead lines).
    index('correspondence_routings_org_service_idx').on(t.orgId, t.serviceId),
  ],
);

/** The draft reply of an incoming item (one per item), then the sent letter's trace. */
export const correspondenceReplies = pgTable(
  'correspondence_replies',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => correspondenceItems.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    bodyHtml: text('body_html').notNull(),
    recipientName: text('recipient_name').notNull(),
    recipientEmail: text('recipient_email'),
    recipientAddress: text('recipient_address'),
    reviewOrder: text('review_order', { enum: ['sequential', 'parallel'] })
      .notNull()
      .default('sequential'),
    /** Each submission for review opens a round; approvals belong to one. */
    round: integer('round').notNull().default(0),
    returnComment: text('return_comment'),
    outgoingItemId: uuid('outgoing_item_id').references(() => correspondenceItems.id, { onDelete: 'set null' }),
    sendMethod: text('send_method', { enum: ['email', 'post'] }),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex('correspondence_replies_item_uq').on(t.itemId)],
);

/**
 * The visas and the signature of a reply, per round. `waiting` marks the steps someone must
 * act on now (the next reviewer in order, or all of them at once): the "to review" queue is
 * an index lookup on it.
 */
export const correspondenceApprovals = pgTable(
  'correspondence_approvals',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => correspondenceItems.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    kind: text('kind', { enum: ['review', 'signature'] }).notNull(),
    /** The reviewer; for the signature, who signed (anyone who may sign can). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    waiting: boolean('waiting').notNull().default(false),
    decision: text('decision', { enum: ['approve', 'return'] }),
    comment: text('comment'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('correspondence_approvals_item_idx').on(t.itemId, t.round, t.position),
    index('correspondence_approvals_waiting_idx').on(t.orgId, t.userId).where(sql`${t.waiting}`),
  ],
);

/** Reply templates of the organisation, with `{{merge fields}}`. */
export const correspondenceReplyTemplates = pgTable(
  'correspondence_reply_templates',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    subject: text('subject').notNull(),
    bodyHtml: text('body_html').notNull(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex('correspondence_reply_templates_org_name_uq').on(t.orgId, sql`lower(${t.name})`),
    index('correspondence_reply_templates_org_idx').on(t.orgId, t.id),
  ],
);
