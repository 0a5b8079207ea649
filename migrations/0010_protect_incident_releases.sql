-- Published incident releases are frozen (issue 10): a correction becomes a new version of the period,
-- never a change of what was published. Enforced here as well as in the service, like the audit log
-- (0003), so it holds for PGlite and for any database role.
CREATE FUNCTION incident_release_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' OR OLD.state = 'published' THEN
    RAISE EXCEPTION 'published incident releases are frozen' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER incident_releases_frozen BEFORE UPDATE OR DELETE ON incident_releases
  FOR EACH ROW EXECUTE FUNCTION incident_release_is_frozen();
--> statement-breakpoint
CREATE TRIGGER incident_releases_no_truncate BEFORE TRUNCATE ON incident_releases
  FOR EACH STATEMENT EXECUTE FUNCTION incident_release_is_frozen();
--> statement-breakpoint
-- The threshold is at least 3 from now on (a figure of 1 or 2 identifies people too easily).
UPDATE cities SET incident_threshold = 3 WHERE incident_threshold < 3;
