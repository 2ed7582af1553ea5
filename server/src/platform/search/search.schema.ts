import { sql } from 'drizzle-orm';
import { customType, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One row per searchable record, fed by the modules (platform/search/search-index.ts).
 * Visibility columns mirror the record's so search filters in SQL like every query.
 */
export const searchIndex = pgTable(
  'search_index',
  {
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    recordId: text('record_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    url: text('url').notNull(),
    confidentiality: text('confidentiality').notNull().default('normal'),
    members: uuid('members').array().notNull().default(sql`'{}'::uuid[]`),
    // French full-text over title (weight A) and body (weight B), accents removed.
    document: tsvector('document').generatedAlwaysAs(
      sql`setweight(to_tsvector('french', dircab_unaccent(title)), 'A') || setweight(to_tsvector('french', dircab_unaccent(body)), 'B')`,
    ),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.kind, t.recordId] }),
    // fastupdate off here, and so on PGlite: it has no autovacuum to flush a GIN pending list,
    // which every search would then read in full (and the planner, costing it, turns to a
    // sequential scan). On PostgreSQL migration 0009 turns the pending list back on (autovacuum
    // merges it; big imports merge it before commit: directory/imports/deferred-gin.ts).
    index('search_document_idx').using('gin', t.document).with({ fastupdate: false }),
    index('search_title_trgm_idx')
      .using('gin', sql`dircab_unaccent(lower(${t.title})) gin_trgm_ops`)
      .with({ fastupdate: false }),
  ],
);
