-- Sign-in abuse (issue 18, docs/security.md "Sign-in back-off and account lock"): state every server process
-- shares, so that running several processes on one PostgreSQL does not multiply an attacker's attempts.

-- Failed sign-ins per key: 'address:<client address>' and 'pair:<client address> <username>'. blocked_until is when
-- the key may try again (exponential back-off). Rows are forgotten, then deleted, an hour after their last failure.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  blocked_until timestamptz NOT NULL
);
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_at);

-- Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that signed in as a
-- user holds a random token, of which only the SHA-256 is kept. The account lock after repeated failures does not
-- apply to a client presenting a valid one for that user.
CREATE TABLE login_devices (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_devices_user ON login_devices (user_id);

-- Requests per named counter and hour, all clients together (no address): the consultation desk's overall limit.
CREATE TABLE request_counts (
  name text NOT NULL,
  window_start timestamptz NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (name, window_start)
);
