-- Committed changes to what the server caches per request (sessions and the users, organisations and dataset
-- markings behind them; country groups, used by screens) are announced on the channel chokepoint_state_change,
-- payload = table name. NOTIFY is delivered at commit and never for a rolled-back change. The server keeps its
-- session and screen-context caches only where this delivery is synchronous (embedded PGlite, whose only writer
-- is the server's own process): see src/server/security/stateWatch.ts.
-- Critical goods (migration 400) announce their changes from src/data/reference/criticalGoodsRegistry.ts (notifyStateChange).
CREATE FUNCTION chokepoint_notify_state_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('chokepoint_state_change', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

-- Failed-login counters and lockouts (failed_logins, locked_until) do not change an open session: not announced.
CREATE TRIGGER users_state_change
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF id, username, display_name, organisation_id, role, clearance_level,
    compartments, permissions, password_hash, disabled, password_changed_at
  ON users FOR EACH STATEMENT EXECUTE FUNCTION chokepoint_notify_state_change();
CREATE TRIGGER organisations_state_change
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION chokepoint_notify_state_change();
-- A new session is simply not cached yet; ending or changing one is announced.
CREATE TRIGGER sessions_state_change
  AFTER UPDATE OR DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION chokepoint_notify_state_change();
CREATE TRIGGER dataset_markings_state_change
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dataset_markings
  FOR EACH STATEMENT EXECUTE FUNCTION chokepoint_notify_state_change();
CREATE TRIGGER country_groups_state_change
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON country_groups
  FOR EACH STATEMENT EXECUTE FUNCTION chokepoint_notify_state_change();
