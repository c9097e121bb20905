-- Scenarios (PRODUCT.md §3.4, issue 7): a scenario keeps every version of its definition as written (YAML/JSON);
-- runs are jobs with progress and a result; scenarios and runs carry markings like every analysis (§3.9).
CREATE TABLE scenarios (
  id text PRIMARY KEY,
  name text NOT NULL,
  name_ja text,
  current_version integer NOT NULL,
  marking jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);

CREATE TABLE scenario_versions (
  scenario_id text NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  version integer NOT NULL,
  -- The definition exactly as written, so a user gets back their comments and layout.
  definition_text text NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scenario_id, version)
);

-- A run's marking is at least the join of the scenario's and its input datasets' markings.
CREATE TABLE scenario_runs (
  id text PRIMARY KEY,
  scenario_id text NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
  version integer NOT NULL,
  dataset text,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress real NOT NULL DEFAULT 0,
  result jsonb,
  error jsonb,
  marking jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX scenario_runs_by_scenario ON scenario_runs (scenario_id, created_at DESC);
