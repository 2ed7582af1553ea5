import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, orgIdColumn, updatedAtColumn } from '../../../platform/db/columns';
import { organisations } from '../../org/org.schema';
import { correspondenceItems, correspondenceItemTypes } from '../correspondence.schema';

/**
 * Tokens a mail gateway presents (`Authorization: Bearer …`) to deliver raw messages to
 * `POST /api/v1/correspondence/inbound`. Only the SHA-256 of the token is kept: it is shown
 * once, at creation.
 */
export const correspondenceGatewayTokens = pgTable(
  'correspondence_gateway_tokens',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, so a person can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAtColumn(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('correspondence_gateway_tokens_org_idx').on(t.orgId, t.id)],
);

/**
 * The Message-ID of every e-mail registered, per organisation: the same message delivered
 * twice (a gateway retry, an .eml uploaded again) finds its item instead of taking a number.
 */
export const correspondenceEmailMessages = pgTable(
  'correspondence_email_messages',
  {
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => correspondenceItems.id, { onDelete: 'cascade' }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.messageId] }),
    index('correspondence_email_messages_item_idx').on(t.itemId),
  ],
);

/** The public web form of an organisation: the web sites allowed to post to it from a browser (CORS). */
export const correspondencePublicForms = pgTable('correspondence_public_forms', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  allowedOrigins: text('allowed_origins').array().notNull().default(sql`'{}'::text[]`),
  /** The item type given to the form's requests (its delay, its acknowledgement); none by default. */
  typeId: uuid('type_id').references(() => correspondenceItemTypes.id, { onDelete: 'set null' }),
  updatedAt: updatedAtColumn(),
});

/** Identical or near-identical items from many writers (a petition, an organised e-mail campaign). */
export const correspondenceCampaigns = pgTable(
  'correspondence_campaigns',
  {
    id: idColumn(),
    orgId: orgIdColumn().references(() => organisations.id, { onDelete: 'cascade' }),
    /** The first item's subject. */
    label: text('label').notNull(),
    firstItemId: uuid('first_item_id').references(() => correspondenceItems.id, { onDelete: 'set null' }),
    itemCount: integer('item_count').notNull().default(0),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index('correspondence_campaigns_org_idx').on(t.orgId, t.id.desc())],
);

/** An item's campaign (at most one), kept apart from the items table. */
export const correspondenceCampaignItems = pgTable(
  'correspondence_campaign_items',
  {
    itemId: uuid('item_id')
      .primaryKey()
      .references(() => correspondenceItems.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => correspondenceCampaigns.id, { onDelete: 'cascade' }),
    orgId: orgIdColumn(),
    addedAt: createdAtColumn(),
  },
  (t) => [index('correspondence_campaign_items_campaign_idx').on(t.campaignId, t.itemId)],
);

/**
 * An incoming item's normalised text (subject and body, lower case, without accents nor
 * punctuation), what near-identical items are compared on with pg_trgm's `similarity()`.
 */
export const correspondenceFingerprints = pgTable('correspondence_fingerprints', {
  itemId: uuid('item_id')
    .primaryKey()
    .references(() => correspondenceItems.id, { onDelete: 'cascade' }),
  orgId: orgIdColumn(),
  receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** Who wrote it (contact, else e-mail, else name): a writer's own repeated letters are no campaign. */
  senderKey: text('sender_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
});

/**
 * Locality-sensitive hashing of the fingerprints (MinHash of word shingles, in bands): two
 * near-identical texts share at least one band key with near certainty, two unrelated ones
 * almost never. Finding the candidates is then exact-key B-tree lookups bounded by the
 * 90-day window, whatever the size of the register (campaign-fingerprint.ts).
 */
export const correspondenceFingerprintBands = pgTable(
  'correspondence_fingerprint_bands',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => correspondenceItems.id, { onDelete: 'cascade' }),
    orgId: orgIdColumn(),
    band: bigint('band', { mode: 'bigint' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.band] }),
    // item_id in the key: the candidates' lookup reads the index alone (an index-only scan)
    // instead of one heap page per band entry, thousands at 1,000,000 items (bench, issue 7).
    index('correspondence_fingerprint_bands_lookup_idx').on(t.orgId, t.band, t.receivedAt, t.itemId),
  ],
);
