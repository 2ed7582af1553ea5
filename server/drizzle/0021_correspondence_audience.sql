ALTER TABLE "correspondence_items" ADD COLUMN "audience" text[] GENERATED ALWAYS AS ((case when confidentiality = 'confidential' then members else members || routed_user_ids || service_ids end)::text[]
          || case when confidentiality = 'normal' and topic is not null then array['topic:' || topic] else '{}'::text[] end) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "correspondence_items_audience_idx" ON "correspondence_items" USING gin ("audience");--> statement-breakpoint
-- As 0013: on PGlite (no autovacuum) the audience GIN index inserts row by row.
DO $$
BEGIN
  IF version() LIKE '%PGlite%' THEN
    ALTER INDEX "correspondence_items_audience_idx" SET (fastupdate = false);
  END IF;
END $$;
