ALTER TABLE "contacts" ADD COLUMN "name_key" text GENERATED ALWAYS AS (dircab_unaccent(lower(display_name))) STORED;--> statement-breakpoint
CREATE INDEX "contacts_name_key_trgm_idx" ON "contacts" USING gin ("name_key" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
-- As migration 0009 for the other name indexes: PostgreSQL keeps its pending list (autovacuum
-- merges it; a big import merges it before commit), PGlite keeps fastupdate off.
DO $$
BEGIN
  IF version() NOT LIKE '%PGlite%' THEN
    ALTER INDEX "contacts_name_key_trgm_idx" SET (fastupdate = true);
  END IF;
END $$;
