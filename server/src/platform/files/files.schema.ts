import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, orgIdColumn } from '../db/columns';

/** PostgreSQL `bytea`; PGlite answers a Uint8Array, node-postgres a Buffer: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  toDriver: (value) => value,
});

/**
 * Stored files (scanned letters, e-mail attachments…). The content lives in the database,
 * so the embedded engine's one data folder, which the backup command saves whole, holds it
 * too. A file belongs to one record (`owner_kind`, `owner_id`) and is served only through
 * that record's access check (file-owners.ts).
 */
export const files = pgTable(
  'files',
  {
    id: idColumn(),
    orgId: orgIdColumn(),
    ownerKind: text('owner_kind').notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** The name as given, cleaned of paths and control characters. */
    filename: text('filename').notNull(),
    /** Sniffed from the content's magic bytes, never the client's word. */
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** The text layer of a PDF, once the extraction job has run (null: not extracted or none). */
    extractedText: text('extracted_text'),
    textExtractedAt: timestamp('text_extracted_at', { withTimezone: true, mode: 'date' }),
    /** Null when no user uploaded it (an e-mail gateway, the public form). */
    createdBy: uuid('created_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('files_owner_idx').on(t.orgId, t.ownerKind, t.ownerId, t.id)],
);

export type FileRow = typeof files.$inferSelect;
