-- The correspondence GIN indexes (members, subject trigrams) follow the rule of 0003/0009:
-- on PGlite nothing (no autovacuum) would ever merge a pending list, which every list of a
-- service and every subject search would then read in full, so they insert row by row there;
-- on PostgreSQL they keep the default pending list.
DO $$
BEGIN
  IF version() LIKE '%PGlite%' THEN
    ALTER INDEX "correspondence_items_members_idx" SET (fastupdate = false);
    ALTER INDEX "correspondence_items_subject_trgm_idx" SET (fastupdate = false);
    PERFORM gin_clean_pending_list('correspondence_items_members_idx'::regclass);
    PERFORM gin_clean_pending_list('correspondence_items_subject_trgm_idx'::regclass);
  END IF;
END $$;
