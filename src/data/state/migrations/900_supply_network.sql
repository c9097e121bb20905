-- Firm-level supply-chain structure (issue 24; docs/network.md): a company's submission of its products, sites and
-- suppliers (tier 1 and what it knows of tier 2+), supplier entities matched across companies, and the uncertain
-- matches a person confirms or rejects. Every row is marked. A submission is read by its own organisation and by
-- ministry organisations (organisations.kind = 'ministry'), each within its marking; everyone else sees only
-- aggregates of at least three companies.
CREATE TABLE network_submissions (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations (id),
  source_name text NOT NULL,
  synthetic boolean NOT NULL DEFAULT false,
  product_count integer NOT NULL,
  site_count integer NOT NULL,
  supplier_count integer NOT NULL,
  -- Only the latest submission of an organisation is current: a new one replaces it in the analyses.
  current boolean NOT NULL DEFAULT true,
  marking jsonb NOT NULL,
  submitted_by text,
  submitted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX network_submissions_org ON network_submissions (organisation_id, submitted_at DESC);

CREATE TABLE network_products (
  submission_id text NOT NULL REFERENCES network_submissions (id) ON DELETE CASCADE,
  row_no integer NOT NULL,
  code text NOT NULL,
  hs6 text NOT NULL,
  name text,
  marking jsonb NOT NULL,
  PRIMARY KEY (submission_id, code)
);

CREATE TABLE network_sites (
  submission_id text NOT NULL REFERENCES network_submissions (id) ON DELETE CASCADE,
  row_no integer NOT NULL,
  code text NOT NULL,
  name text,
  country text NOT NULL,
  port text,
  marking jsonb NOT NULL,
  PRIMARY KEY (submission_id, code)
);

-- Supplier entities: one per real-world supplier, shared by every submission that names it.
CREATE TABLE network_entities (
  id text PRIMARY KEY,
  name text NOT NULL,
  country text NOT NULL,
  synthetic boolean NOT NULL DEFAULT false,
  marking jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX network_entities_country ON network_entities (country);

-- One supply line: tier 1 = the company's own supplier; tier n > 1 = a supplier of the line `via` (tier n − 1).
CREATE TABLE network_suppliers (
  submission_id text NOT NULL REFERENCES network_submissions (id) ON DELETE CASCADE,
  row_no integer NOT NULL,
  ref text NOT NULL,
  tier smallint NOT NULL CHECK (tier BETWEEN 1 AND 9),
  via text,
  own_site text,
  name text NOT NULL,
  country text NOT NULL,
  site text,
  port text,
  hs6 text NOT NULL,
  share double precision NOT NULL CHECK (share >= 0 AND share <= 1),
  alternatives integer,
  lead_time_days integer,
  inventory_days integer,
  entity_id text NOT NULL REFERENCES network_entities (id),
  marking jsonb NOT NULL,
  PRIMARY KEY (submission_id, ref)
);
CREATE INDEX network_suppliers_entity ON network_suppliers (entity_id);
CREATE INDEX network_suppliers_hs6 ON network_suppliers (hs6);

-- An uncertain match (score between the thresholds): the line keeps its own entity until a person merges it.
CREATE TABLE network_match_proposals (
  id text PRIMARY KEY,
  submission_id text NOT NULL REFERENCES network_submissions (id) ON DELETE CASCADE,
  supplier_ref text NOT NULL,
  from_entity text NOT NULL REFERENCES network_entities (id),
  to_entity text NOT NULL REFERENCES network_entities (id),
  score double precision NOT NULL,
  explanation jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
  decided_by text,
  decided_at timestamptz,
  marking jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX network_match_proposals_status ON network_match_proposals (status);
