-- Extensions used by search: both ship with PGlite and with PostgreSQL's contrib.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE, so it cannot stand in an index or a generated column;
-- naming the dictionary makes the result depend on its argument alone.
CREATE OR REPLACE FUNCTION dircab_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
