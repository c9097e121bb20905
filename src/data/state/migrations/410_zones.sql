-- Zones and policy measures (PRODUCT.md §3.7–3.8). Rule-based zones are computed, never stored; what people
-- decide is stored here with who, when, why and a marking.

-- An analyst's override of an entry's zone for a reporter, with a reason. Append-only history: the newest row per
-- (entry_id, reporter) is in force; zone NULL withdraws the override (back to the rule's zone).
CREATE TABLE zone_overrides (
  id bigserial PRIMARY KEY,
  entry_id text NOT NULL,
  reporter text NOT NULL,
  zone text CHECK (zone IN ('disruptive', 'advantage', 'dependence')),
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  marking jsonb NOT NULL
);
CREATE INDEX zone_overrides_entry ON zone_overrides (entry_id, reporter, id DESC);

-- Measures actually applied to an entry (a subsidy programme, an export control …), one row per measure and entry.
CREATE TABLE policy_measures_applied (
  id bigserial PRIMARY KEY,
  entry_id text NOT NULL,
  measure_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('planned', 'in-force', 'ended')),
  note text NOT NULL DEFAULT '',
  since date,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  marking jsonb NOT NULL
);
CREATE INDEX policy_measures_applied_entry ON policy_measures_applied (entry_id);

-- The zone rule set in use (editable JSON, see docs/zones.md); no row = the shipped default.
CREATE TABLE zone_rule_sets (
  name text PRIMARY KEY CHECK (name = 'active'),
  rules jsonb NOT NULL,
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
