-- Export control, second part (issue 20, docs/export-control.md): METI's inform notices, the editable product
-- lists of the circumvention monitor, and cases for every check and report.

-- Export-control records are sensitive by default (level 1, 取扱注意): the default stays, but the floor of
-- migration 500 goes, so that a record may be marked lower by someone holding the declassify permission, with a
-- reason (the store and the routes enforce it; authorizeMarkingChange).
ALTER TABLE export_control_cases DROP CONSTRAINT IF EXISTS export_control_cases_marking_check;
ALTER TABLE export_control_decisions DROP CONSTRAINT IF EXISTS export_control_decisions_marking_check;

-- Cases now also hold a circumvention report, a technology-register report and a prior report's review.
ALTER TABLE export_control_cases DROP CONSTRAINT IF EXISTS export_control_cases_kind_check;
ALTER TABLE export_control_cases ADD CONSTRAINT export_control_cases_kind_check CHECK (kind IN (
  'party-screening', 'batch-screening', 'transaction-check', 'circumvention-report', 'technology-register',
  'prior-report'));

-- An inform notice (インフォーム, 輸出貿易管理令第4条第1項第三号ロ・ニ / 第四号ロ・ニ): METI has told the exporter
-- that a licence application is needed for these goods (HS codes or 別表第一 entries; none = any goods), to these
-- destinations (ISO3; none = any) and, when named, this end user. The transaction check consults the active ones.
CREATE TABLE export_control_informs (
  id text PRIMARY KEY,
  reference text NOT NULL CHECK (length(btrim(reference)) > 0),
  kind text NOT NULL CHECK (kind IN ('wmd', 'conventional')),
  issued_on date NOT NULL,
  valid_until date,
  exporter text,
  items jsonb NOT NULL DEFAULT '[]'::jsonb,
  destinations jsonb NOT NULL DEFAULT '[]'::jsonb,
  end_user text,
  end_user_country text,
  notes text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  marking jsonb NOT NULL DEFAULT '{"level": 1, "compartments": [], "releasableTo": null}'::jsonb,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX export_control_informs_status ON export_control_informs (status, issued_on DESC);

-- Product lists of the circumvention monitor (HS6 codes with a note each), editable; the shipped lists (e.g. the
-- Common High Priority List) are written here on first use and may then be changed.
CREATE TABLE export_control_product_lists (
  id text PRIMARY KEY,
  title jsonb NOT NULL,
  source text NOT NULL DEFAULT '',
  products jsonb NOT NULL,
  built_in boolean NOT NULL DEFAULT false,
  marking jsonb NOT NULL DEFAULT '{"level": 0, "compartments": [], "releasableTo": null}'::jsonb,
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
