-- Editable country groups (EU27, G7, like-minded …), seeded once from src/data/reference/groups.ts.
CREATE TABLE country_groups (
  id text PRIMARY KEY,
  name_en text NOT NULL,
  name_ja text NOT NULL,
  members jsonb NOT NULL,
  example boolean NOT NULL DEFAULT false,
  built_in boolean NOT NULL DEFAULT false,
  as_of text,
  source text,
  note text,
  marking jsonb NOT NULL DEFAULT '{"level":0,"compartments":[],"releasableTo":null}'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
