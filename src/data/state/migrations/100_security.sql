-- Security model (PRODUCT.md §3.9, issue #5): organisations, users, sessions, API tokens, dataset markings,
-- the hash-chained audit log and the anonymous consultation desk.

-- kind: ministry | company | association | foreign_partner. sharing_cap: highest marking level (0–3) the
-- organisation may receive; a member's effective clearance never exceeds it.
CREATE TABLE organisations (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('ministry', 'company', 'association', 'foreign_partner')),
  sharing_cap smallint NOT NULL CHECK (sharing_cap BETWEEN 0 AND 3),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  organisation_id text NOT NULL REFERENCES organisations (id),
  role text NOT NULL CHECK (role IN ('administrator', 'analyst', 'viewer', 'auditor')),
  clearance_level smallint NOT NULL CHECK (clearance_level BETWEEN 0 AND 3),
  compartments jsonb NOT NULL DEFAULT '[]',
  -- Extra permissions beyond the role's (e.g. declassify).
  permissions jsonb NOT NULL DEFAULT '[]',
  -- argon2id PHC string; never logged, never returned.
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);

-- Session ids and CSRF tokens live only in the client's cookies; the database keeps their SHA-256.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked boolean NOT NULL DEFAULT false
);

CREATE TABLE dataset_markings (
  dataset_id text PRIMARY KEY,
  marking jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);

-- Append-only, hash-chained: hash = SHA-256(canonical JSON of the entry including prev_hash).
-- `at` is text (ISO 8601 from the application) so that both back ends hash the same bytes.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at text NOT NULL,
  actor_id text,
  actor text NOT NULL,
  action text NOT NULL,
  object_type text NOT NULL,
  object_id text,
  marking jsonb,
  details jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Anonymous consultation desk: a case is known only by the SHA-256 of its random token; no IP, no user agent.
CREATE TABLE consultation_cases (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  topic text NOT NULL CHECK (topic IN ('technology_leakage', 'coercion', 'other')),
  created_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed'))
);

CREATE TABLE consultation_messages (
  id bigserial PRIMARY KEY,
  case_id text NOT NULL REFERENCES consultation_cases (id) ON DELETE CASCADE,
  author text NOT NULL CHECK (author IN ('requester', 'staff')),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consultation_messages_case ON consultation_messages (case_id, id);

-- The newest audit entry, updated in the same transaction as each append, so that deleting entries from
-- the end of the chain is detected too (verify also accepts an externally recorded head).
CREATE TABLE audit_head (
  id smallint PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
