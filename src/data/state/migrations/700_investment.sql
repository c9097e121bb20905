-- Inward investment screening (issue 21, docs/investment.md): FEFTA notifications kept as cases with their review
-- period, reviewer, ministries consulted and outcome, and their trail. Every case carries a marking; an
-- investment notification is sensitive: level 1 (取扱注意) by default, lower only as an audited declassification
-- with a reason (src/data/exportControl/marking.ts, the same rule as export-control records).
CREATE TABLE investment_cases (
  id text PRIMARY KEY,
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  investor text NOT NULL,
  target text NOT NULL,
  case_input jsonb NOT NULL,
  assessment jsonb NOT NULL,
  notification text NOT NULL CHECK (notification IN ('prior', 'post', 'none')),
  status text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'under-review', 'extended', 'concluded', 'withdrawn')),
  -- The review period: accepted_on + 30 days, shortened (review_days < 30) or extended (up to five months).
  accepted_on date,
  review_ends_on date,
  review_change text CHECK (review_change IN ('shortened', 'extended')),
  reviewer text,
  consultations jsonb NOT NULL DEFAULT '[]'::jsonb,
  outcome text CHECK (outcome IN ('clear', 'clear-with-conditions', 'recommend-change', 'recommend-halt')),
  outcome_note text,
  marking jsonb NOT NULL DEFAULT '{"level": 1, "compartments": [], "releasableTo": null}'::jsonb,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX investment_cases_deadline ON investment_cases (status, review_ends_on);

CREATE TABLE investment_case_events (
  id bigserial PRIMARY KEY,
  case_id text NOT NULL REFERENCES investment_cases(id) ON DELETE CASCADE,
  action text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  actor text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX investment_case_events_case ON investment_case_events (case_id, id);
