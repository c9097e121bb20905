-- The risk register (issue 25): for each critical good or technology and reporter, an analyst's judgement on each
-- of the seed's four risk types, with the evidence it rests on (links to analyses, notes). Append-only like the
-- zone overrides: the newest row per (reporter, entry_id, risk_type) is in force; level NULL withdraws it.
-- Every row carries a marking; every write is audited (src/data/identification/riskRegister.ts).
CREATE TABLE risk_assessments (
  id bigserial PRIMARY KEY,
  entry_id text NOT NULL,
  reporter text NOT NULL,
  risk_type text NOT NULL CHECK (risk_type IN (
    'supply-disruption', 'coercion-technology-transfer', 'acquisition-overproduction', 'like-minded-leakage'
  )),
  level text CHECK (level IN ('low', 'medium', 'high', 'critical')),
  judgement text NOT NULL CHECK (length(btrim(judgement)) > 0),
  evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  marking jsonb NOT NULL
);
CREATE INDEX risk_assessments_key ON risk_assessments (reporter, entry_id, risk_type, id DESC);
