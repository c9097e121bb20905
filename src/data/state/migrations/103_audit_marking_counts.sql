-- The auditor view's total counts only the entries the auditor may read. Testing the marking of every entry
-- made the count ~3× the cost of the whole endpoint without the check (docs/benchmarks.md, Security), so the
-- log keeps, as it is appended to, how many entries carry each distinct marking: the total is then a sum over a
-- few rows filtered with the same readability test (readableColumnsSql on the marking_* columns).
-- The log is append-only (migration 100), so counting inserts is enough.
CREATE TABLE audit_marking_counts (
  -- The marking as jsonb text (jsonb text is canonical), '' for entries without a marking.
  marking_key text PRIMARY KEY,
  marking jsonb,
  marking_level smallint,
  marking_compartments text[],
  marking_releasable text[],
  n bigint NOT NULL
);

INSERT INTO audit_marking_counts (marking_key, marking, marking_level, marking_compartments, marking_releasable, n)
SELECT coalesce(marking::text, ''), marking, marking_level, marking_compartments, marking_releasable, count(*)
  FROM audit_log GROUP BY 1, 2, 3, 4, 5;

-- AFTER triggers see the generated marking_* columns of the new row.
CREATE FUNCTION audit_log_count_marking() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_marking_counts (marking_key, marking, marking_level, marking_compartments, marking_releasable, n)
  VALUES (coalesce(NEW.marking::text, ''), NEW.marking, NEW.marking_level, NEW.marking_compartments, NEW.marking_releasable, 1)
  ON CONFLICT (marking_key) DO UPDATE SET n = audit_marking_counts.n + 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER audit_log_count_marking AFTER INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_count_marking();
