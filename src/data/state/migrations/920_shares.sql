-- Sharing analyses (issue 24): any result (a screen, a product dossier, a scenario run, a zone assessment, an
-- exercise report) shared with named organisations or users under a marking, with an expiry. The share keeps a
-- snapshot of the result as its sender saw it; the marking is at least the join of what the result read (lower only
-- with the declassify permission). A signed read-only link lets a named person without an account read it.
CREATE TABLE shares (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('screen', 'dossier', 'scenario-run', 'zone', 'exercise-report')),
  -- The parameters naming the result (reporter, year, method, dataset; hs6; run id; entry; exercise id, org).
  source jsonb NOT NULL,
  title text NOT NULL,
  note text,
  snapshot jsonb NOT NULL,
  -- The marking the result carried when it was shared (the join of what it read).
  source_marking jsonb NOT NULL,
  marking jsonb NOT NULL,
  expires_at timestamptz NOT NULL,
  created_by text,
  sender text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by text,
  revoke_reason text
);
CREATE INDEX shares_by_sender ON shares (created_by, created_at);

CREATE TABLE share_recipients (
  share_id text NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('user', 'organisation')),
  recipient_id text NOT NULL,
  PRIMARY KEY (share_id, kind, recipient_id)
);
CREATE INDEX share_recipients_by_recipient ON share_recipients (kind, recipient_id);

-- Signed links (data/security/signedLinks.ts): the token is shown once; only its id is kept here.
CREATE TABLE share_links (
  id text PRIMARY KEY,
  share_id text NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
  -- The person the link is for: their name is the watermark on every page it serves.
  recipient_name text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by text,
  revoke_reason text
);
CREATE INDEX share_links_by_share ON share_links (share_id);
