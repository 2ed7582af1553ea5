DROP INDEX "search_document_idx";--> statement-breakpoint
DROP INDEX "search_title_trgm_idx";--> statement-breakpoint
CREATE INDEX "search_document_idx" ON "search_index" USING gin ("document") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "search_title_trgm_idx" ON "search_index" USING gin (dircab_unaccent(lower("title")) gin_trgm_ops) WITH (fastupdate=false);