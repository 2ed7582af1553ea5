-- The agenda keeps each organisation's officials index in memory while a stamp read from the
-- database is unchanged (server/src/modules/agenda/officials-cache.ts). Any change to what the
-- index is built from (officials, their mandates, political groups, the officials' contacts),
-- by the application, another process or a hand-written statement, must change the stamp:
--   * at the change, a transaction-local setting tells readers in that same transaction not to
--     trust the cache (they see their own uncommitted rows; nothing read there is kept);
--   * at commit (deferred constraint triggers), the stamp gets a new random value. Taking the
--     stamp's row lock at commit, not at the change, keeps two writers of one organisation
--     from deadlocking on it; a random value is never reused, even after a rollback.
CREATE OR REPLACE FUNCTION dircab_agenda_officials_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  changed_org uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN changed_org := OLD.org_id; ELSE changed_org := NEW.org_id; END IF;
  -- A contact matters only when it is an official's (the address book holds thousands).
  IF TG_TABLE_NAME = 'contacts' AND NOT EXISTS (
       SELECT 1 FROM officials o WHERE o.org_id = changed_org AND o.contact_id = NEW.id) THEN
    RETURN NULL;
  END IF;
  IF TG_ARGV[0] = 'at_commit' THEN
    INSERT INTO agenda_officials_versions (org_id, version) VALUES (changed_org, gen_random_uuid())
      ON CONFLICT (org_id) DO UPDATE SET version = excluded.version;
  ELSE
    PERFORM set_config('dircab.officials_changed', 'on', true);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER agenda_officials_changed AFTER INSERT OR UPDATE OR DELETE ON officials
  FOR EACH ROW EXECUTE FUNCTION dircab_agenda_officials_changed('now');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER agenda_officials_version AFTER INSERT OR UPDATE OR DELETE ON officials
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION dircab_agenda_officials_changed('at_commit');
--> statement-breakpoint
CREATE TRIGGER agenda_officials_changed AFTER INSERT OR UPDATE OR DELETE ON political_groups
  FOR EACH ROW EXECUTE FUNCTION dircab_agenda_officials_changed('now');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER agenda_officials_version AFTER INSERT OR UPDATE OR DELETE ON political_groups
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION dircab_agenda_officials_changed('at_commit');
--> statement-breakpoint
-- Mandates of other bodies' elected members (protocol's ranking, imported by the thousand) have
-- no official: they leave the stamp alone.
CREATE TRIGGER agenda_officials_changed_insert AFTER INSERT ON mandates
  FOR EACH ROW WHEN (NEW.official_id IS NOT NULL) EXECUTE FUNCTION dircab_agenda_officials_changed('now');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER agenda_officials_version_insert AFTER INSERT ON mandates
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW.official_id IS NOT NULL) EXECUTE FUNCTION dircab_agenda_officials_changed('at_commit');
--> statement-breakpoint
CREATE TRIGGER agenda_officials_changed_update AFTER UPDATE ON mandates
  FOR EACH ROW WHEN (OLD.official_id IS NOT NULL OR NEW.official_id IS NOT NULL)
  EXECUTE FUNCTION dircab_agenda_officials_changed('now');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER agenda_officials_version_update AFTER UPDATE ON mandates
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.official_id IS NOT NULL OR NEW.official_id IS NOT NULL)
  EXECUTE FUNCTION dircab_agenda_officials_changed('at_commit');
--> statement-breakpoint
CREATE TRIGGER agenda_officials_changed_delete AFTER DELETE ON mandates
  FOR EACH ROW WHEN (OLD.official_id IS NOT NULL) EXECUTE FUNCTION dircab_agenda_officials_changed('now');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER agenda_officials_version_delete AFTER DELETE ON mandates
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.official_id IS NOT NULL) EXECUTE FUNCTION dircab_agenda_officials_changed('at_commit');
--> statement-breakpoint
-- Of a contact, the index reads the name, the sort name (the council's order) and whether it is deleted.
CREATE TRIGGER agenda_officials_changed AFTER UPDATE ON contacts
  FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name
    OR OLD.sort_name IS DISTINCT FROM NEW.sort_name OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION dircab_agenda_officials_changed('now');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER agenda_officials_version AFTER UPDATE ON contacts
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name
    OR OLD.sort_name IS DISTINCT FROM NEW.sort_name OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION dircab_agenda_officials_changed('at_commit');
--> statement-breakpoint
-- Organisations that already have officials get their first stamp (no row means none ever changed).
INSERT INTO agenda_officials_versions (org_id, version)
  SELECT o.org_id, gen_random_uuid() FROM (SELECT DISTINCT org_id FROM officials) o
  ON CONFLICT (org_id) DO NOTHING;
