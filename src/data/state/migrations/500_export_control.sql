-- Export control (issue 20, docs/export-control.md): cases and decisions on screening hits. Every row carries a
-- marking; export-control cases and decisions are sensitive by default, so a marking below level 1 is refused.

-- A screen, a batch screen or a transaction check kept for review: what was asked (subject), what the platform
-- answered (result, as at that time), who handles it and where it stands.
CREATE TABLE export_control_cases (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('party-screening', 'batch-screening', 'transaction-check')),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  subject jsonb NOT NULL,
  result jsonb NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-review', 'escalated', 'closed')),
  assignee text,
  marking jsonb NOT NULL DEFAULT '{"level": 1, "compartments": [], "releasableTo": null}'::jsonb
    CHECK ((marking->>'level')::int >= 1),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX export_control_cases_status ON export_control_cases (status, updated_at DESC);

-- The trail of a case (created, status, assigned, decision), newest last.
CREATE TABLE export_control_case_events (
  id bigserial PRIMARY KEY,
  case_id text NOT NULL REFERENCES export_control_cases(id) ON DELETE CASCADE,
  action text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  actor text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX export_control_case_events_case ON export_control_case_events (case_id, id);

-- Decisions on hits (party × list entry), append-only: the newest row per (party_key, list_id, entry_id) is in force.
-- entry_fingerprint is the entry's content when decided: a 'no-match' holds only while the entry is unchanged.
CREATE TABLE export_control_decisions (
  id bigserial PRIMARY KEY,
  case_id text REFERENCES export_control_cases(id) ON DELETE SET NULL,
  party_key text NOT NULL,
  party_name text NOT NULL,
  list_id text NOT NULL,
  entry_id text NOT NULL,
  entry_fingerprint text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('match', 'no-match', 'escalate')),
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  decided_by text,
  decided_at timestamptz NOT NULL DEFAULT now(),
  marking jsonb NOT NULL DEFAULT '{"level": 1, "compartments": [], "releasableTo": null}'::jsonb
    CHECK ((marking->>'level')::int >= 1)
);
CREATE INDEX export_control_decisions_hit ON export_control_decisions (party_key, list_id, entry_id, id DESC);
