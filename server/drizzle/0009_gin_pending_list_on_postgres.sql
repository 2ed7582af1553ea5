-- On PostgreSQL the name GIN indexes go back to PostgreSQL's default, a pending list
-- (fastupdate): an insert adds to the list, which the inserting backend merges in one sorted
-- pass when it passes gin_pending_list_limit (4 MB) and vacuum merges too, so a search never
-- reads more than that. Row-by-row GIN inserts (fastupdate off) were half of a big import's
-- time; an import raises the limit for its own transaction and merges the list before commit
-- (server/src/modules/directory/imports/deferred-gin.ts), with no lock that blocks readers.
-- PGlite keeps fastupdate off (migration 0003): nothing there would ever merge the list
-- outside imports, which switch it on for their own transaction.
DO $$
BEGIN
  IF version() NOT LIKE '%PGlite%' THEN
    ALTER INDEX "contacts_name_trgm_idx" SET (fastupdate = true);
    ALTER INDEX "search_document_idx" SET (fastupdate = true);
    ALTER INDEX "search_title_trgm_idx" SET (fastupdate = true);
  END IF;
END $$;
