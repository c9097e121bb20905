-- The audit log's marking also as plain columns, generated from the jsonb, so that the auditor view filters
-- with cheap array/integer tests that the planner estimates well (docs/benchmarks.md, Security):
-- per-row jsonb operators cost ~1–2 µs in PGlite, and jsonb containment is estimated at 0.1 % selectivity,
-- which turned "newest 100 readable entries" into a full scan and sort.
CREATE FUNCTION marking_text_array(j jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN j IS NULL OR jsonb_typeof(j) <> 'array' THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(j)) END
$$;

ALTER TABLE audit_log
  ADD COLUMN marking_level smallint GENERATED ALWAYS AS ((marking ->> 'level')::smallint) STORED,
  ADD COLUMN marking_compartments text[] GENERATED ALWAYS AS (marking_text_array(marking -> 'compartments')) STORED,
  ADD COLUMN marking_releasable text[] GENERATED ALWAYS AS (marking_text_array(marking -> 'releasableTo')) STORED;
