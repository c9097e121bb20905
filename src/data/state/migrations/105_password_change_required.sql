-- A password someone else chose for the user (the generated one-time password of a new account, of a reset, of the
-- first administrator) must be changed at the next sign-in: until then the session reaches only /auth/me,
-- /auth/password and /auth/logout (src/server/security/plugin.ts). Accounts from before this migration keep
-- working as they were.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Cached sessions carry the flag: announce its changes like the other columns of a session's user (migration 102).
DROP TRIGGER users_state_change ON users;
CREATE TRIGGER users_state_change
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF id, username, display_name, organisation_id, role, clearance_level,
    compartments, permissions, password_hash, disabled, password_changed_at, must_change_password
  ON users FOR EACH STATEMENT EXECUTE FUNCTION chokepoint_notify_state_change();
