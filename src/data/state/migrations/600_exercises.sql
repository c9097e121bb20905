-- Tabletop exercises (PRODUCT.md §3.5, issue 19): an exercise is a design (objectives, organisations, teams,
-- questionnaire), injects each with its own marking, participants with roles, and the scenario run its injects
-- were generated from. Live sessions keep an event log numbered per session (replayed to a client that
-- reconnects), decisions, evaluators' scores and questionnaire answers. Every object carries a marking (§3.9).
CREATE TABLE exercises (
  id text PRIMARY KEY,
  title jsonb NOT NULL,                        -- { ja, en }
  template text,
  -- preparing: its scenario run is under way and the injects come when it ends; failed: the run failed.
  status text NOT NULL CHECK (status IN ('preparing', 'ready', 'failed')),
  design jsonb NOT NULL,
  scenario_id text REFERENCES scenarios (id),
  baseline_run_id text REFERENCES scenario_runs (id),
  error jsonb,
  marking jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);

CREATE TABLE exercise_injects (
  exercise_id text NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  at_time double precision NOT NULL,
  team text NOT NULL,
  content jsonb NOT NULL,                      -- the inject without its marking
  marking jsonb NOT NULL,
  PRIMARY KEY (exercise_id, id)
);

CREATE TABLE exercise_participants (
  exercise_id text NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('facilitator', 'player', 'observer', 'evaluator')),
  team text,
  added_by text,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (exercise_id, user_id)
);

CREATE TABLE exercise_sessions (
  id text PRIMARY KEY,
  exercise_id text NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
  state text NOT NULL CHECK (state IN ('ready', 'running', 'paused', 'ended')),
  sim_time double precision NOT NULL DEFAULT 0,
  last_seq integer NOT NULL DEFAULT 0,
  marking jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exercise_sessions_by_exercise ON exercise_sessions (exercise_id, created_at DESC);

-- The log a client replays from the last seq it saw. `marking` is the marking of what the event names (an
-- inject's, a decision's); state changes are public.
CREATE TABLE exercise_session_events (
  session_id text NOT NULL REFERENCES exercise_sessions (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('state', 'inject', 'skipped', 'decision')),
  inject_id text,
  decision_id text,
  state text,
  sim_time double precision NOT NULL,
  marking jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, seq)
);

CREATE TABLE exercise_decisions (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES exercise_sessions (id) ON DELETE CASCADE,
  inject_id text NOT NULL,
  team text NOT NULL,
  user_id text,
  options jsonb NOT NULL,
  action text NOT NULL,
  adjustment jsonb,
  rationale text NOT NULL,
  owner text NOT NULL,
  follow_up text NOT NULL,
  marking jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exercise_decisions_by_session ON exercise_decisions (session_id, created_at);

-- An evaluator's score of how an expectation of an inject was met (0–100), with a comment.
CREATE TABLE exercise_scores (
  session_id text NOT NULL REFERENCES exercise_sessions (id) ON DELETE CASCADE,
  inject_id text NOT NULL,
  expectation_id text NOT NULL,
  evaluator_id text NOT NULL,
  score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  comment text NOT NULL DEFAULT '',
  marking jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, inject_id, expectation_id, evaluator_id)
);

-- Questionnaire answers; with an anonymous questionnaire respondent_id is NULL and only the receipt (who has
-- answered, never what) is kept, so that nobody answers twice.
CREATE TABLE exercise_answers (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES exercise_sessions (id) ON DELETE CASCADE,
  respondent_id text,
  team text,
  answers jsonb NOT NULL,                      -- { questionId: text or 1–5 }
  marking jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE exercise_answer_receipts (
  session_id text NOT NULL REFERENCES exercise_sessions (id) ON DELETE CASCADE,
  user_id text NOT NULL,
  PRIMARY KEY (session_id, user_id)
);

-- A re-run of the exercise's scenario with the decisions of a session applied, to compare with the baseline.
CREATE TABLE exercise_outcomes (
  id text PRIMARY KEY,
  exercise_id text NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
  session_id text REFERENCES exercise_sessions (id) ON DELETE SET NULL,
  scenario_id text NOT NULL REFERENCES scenarios (id),
  run_id text NOT NULL REFERENCES scenario_runs (id),
  adjustments jsonb NOT NULL,
  notes jsonb NOT NULL,
  marking jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Signed, expiring links to an after-action report for participants without an account. The token is
-- HMAC-SHA256(secret, link id + expiry) with a secret kept in `settings`; a revoked link stays revoked.
CREATE TABLE exercise_report_links (
  id text PRIMARY KEY,
  exercise_id text NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
  session_id text REFERENCES exercise_sessions (id) ON DELETE CASCADE,
  organisation_id text NOT NULL REFERENCES organisations (id),
  lang text NOT NULL CHECK (lang IN ('ja', 'en')),
  format text NOT NULL CHECK (format IN ('pdf', 'xlsx')),
  -- The clearances the report is redacted for (the recipient organisation's and its creator's): an item is
  -- included only if every one of them may read it.
  readers jsonb NOT NULL,
  expires_at timestamptz NOT NULL,
  marking jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE exercise_report_link_revocations (
  link_id text PRIMARY KEY REFERENCES exercise_report_links (id) ON DELETE CASCADE,
  reason text NOT NULL DEFAULT '',
  revoked_by text,
  revoked_at timestamptz NOT NULL DEFAULT now()
);
