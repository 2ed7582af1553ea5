import { ACK_CHANNELS, ACK_TEMPLATE_KINDS } from '@dircab/contracts/correspondence-acknowledgement';
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../../platform/auth/auth.schema';
import { createdAtColumn, idColumn, orgIdColumn, updatedAtColumn } from '../../../platform/db/columns';
import { organisations } from '../../org/org.schema';
import { correspondenceItems } from '../correspondence.schema';

/**
 * Acknowledgement templates of an organisation (CRPA L.112-3, R.112-5), with `{{merge fields}}`.
 * One is the default: the one used when an item is acknowledged.
 */
export const correspondenceAckTemplates = pgTable(
  'correspondence_ack_templates',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ACK_TEMPLATE_KINDS }).notNull().default('acknowledgement'),
    subject: text('subject').notNull(),
    bodyHtml: text('body_html').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex('correspondence_ack_templates_org_name_uq').on(t.orgId, sql`lower(${t.name})`),
    // At most one default per organisation and kind.
    uniqueIndex('correspondence_ack_templates_default_uq').on(t.orgId, t.kind).where(sql`${t.isDefault}`),
    index('correspondence_ack_templates_org_idx').on(t.orgId, t.id),
  ],
);

/**
 * The letterhead and the cabinet's contacts that acknowledgements print: the secretariat is
 * the service in charge until an item is routed, and the court is where an implicit
 * rejection can be challenged.
 */
export const correspondenceLetterheads = pgTable('correspondence_letterheads', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  organisationName: text('organisation_name').notNull(),
  addressLines: text('address_lines').array().notNull().default(sql`'{}'::text[]`),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  /** "Nouméa", "Le Mont-Dore": the place before the date. */
  place: text('place').notNull(),
  secretariatName: text('secretariat_name').notNull(),
  secretariatEmail: text('secretariat_email'),
  secretariatPhone: text('secretariat_phone'),
  executiveName: text('executive_name'),
  executiveTitle: text('executive_title'),
  /** "le tribunal administratif de Nouméa". */
  appealCourt: text('appeal_court').notNull(),
  updatedAt: updatedAtColumn(),
});

/** Each acknowledgement given: by email (a `mail.send` job) or as a printed letter. */
export const correspondenceAcknowledgements = pgTable(
  'correspondence_acknowledgements',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => correspondenceItems.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: ACK_CHANNELS }).notNull(),
    recipient: text('recipient'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
    emailJobId: uuid('email_job_id'),
    templateId: uuid('template_id').references(() => correspondenceAckTemplates.id, { onDelete: 'set null' }),
    /** Sent by registration itself (digital channel, type calling for one, setting on). */
    automatic: boolean('automatic').notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (t) => [index('correspondence_acknowledgements_item_idx').on(t.orgId, t.itemId, t.sentAt)],
);
