-- Each server process keeps the session rows it read by token in memory
-- (server/src/platform/auth/session-cache.ts) and empties that cache whenever anything the
-- session query reads (sessions, users, memberships, organisations) changes, by the
-- application, another process or a hand-written statement: these triggers notify every
-- listening process at commit (NOTIFY waits for the commit, and is dropped with a rollback).
-- Statement-level, not per row, and with an empty payload: PostgreSQL folds identical
-- notifications of one transaction into one, so a bulk change costs one message.
CREATE OR REPLACE FUNCTION dircab_session_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dircab_session_changed', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER session_cache_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION dircab_session_changed();
--> statement-breakpoint
CREATE TRIGGER session_cache_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION dircab_session_changed();
--> statement-breakpoint
CREATE TRIGGER session_cache_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON memberships
  FOR EACH STATEMENT EXECUTE FUNCTION dircab_session_changed();
--> statement-breakpoint
CREATE TRIGGER session_cache_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION dircab_session_changed();
