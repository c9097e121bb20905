-- Cyber and data security of the supply chain (issue 22; PRODUCT.md §3.10): SBOMs with their components,
-- dependency tree and VEX statements; imported requirement catalogues; self-assessments with their answers
-- (saved one at a time as the company answers); buyers' invitations to suppliers. Every object users create is
-- marked; a supplier releases its assessment to named organisations through marking.releasableTo.
CREATE TABLE cyber_sboms (
  id text PRIMARY KEY,
  name text NOT NULL,
  version text,
  format text NOT NULL CHECK (format IN ('CycloneDX', 'SPDX')),
  spec_version text NOT NULL,
  serial_number text,
  -- The organisation whose product the SBOM describes (a supplier), when known.
  organisation_id text REFERENCES organisations (id),
  component_count integer NOT NULL,
  warnings jsonb NOT NULL DEFAULT '[]',
  marking jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cyber_sbom_components (
  sbom_id text NOT NULL REFERENCES cyber_sboms (id) ON DELETE CASCADE,
  position integer NOT NULL,
  ref text NOT NULL,
  name text NOT NULL,
  version text,
  purl text,
  type text,
  licences jsonb NOT NULL DEFAULT '[]',
  supplier text,
  PRIMARY KEY (sbom_id, position)
);
CREATE INDEX cyber_sbom_components_purl ON cyber_sbom_components (purl);

CREATE TABLE cyber_sbom_dependencies (
  sbom_id text NOT NULL REFERENCES cyber_sboms (id) ON DELETE CASCADE,
  ref text NOT NULL,
  depends_on text NOT NULL,
  PRIMARY KEY (sbom_id, ref, depends_on)
);

CREATE TABLE cyber_vex (
  sbom_id text NOT NULL REFERENCES cyber_sboms (id) ON DELETE CASCADE,
  position integer NOT NULL,
  vuln_id text NOT NULL,
  ref text,
  purl text,
  status text NOT NULL CHECK (status IN ('not_affected', 'affected', 'fixed', 'under_investigation')),
  justification text,
  detail text,
  source text NOT NULL,
  PRIMARY KEY (sbom_id, position)
);

-- Catalogues imported by users (shipped ones live in the code); the definition in the catalogue format.
CREATE TABLE cyber_frameworks (
  id text PRIMARY KEY,
  definition jsonb NOT NULL,
  marking jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cyber_assessments (
  id text PRIMARY KEY,
  framework_id text NOT NULL,
  organisation_id text NOT NULL REFERENCES organisations (id),
  title text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  marking jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz
);
CREATE INDEX cyber_assessments_org ON cyber_assessments (organisation_id, framework_id);

CREATE TABLE cyber_answers (
  assessment_id text NOT NULL REFERENCES cyber_assessments (id) ON DELETE CASCADE,
  requirement_id text NOT NULL,
  answer text NOT NULL CHECK (answer IN ('implemented', 'partial', 'not_implemented', 'not_applicable')),
  -- References to evidence files (names or ids), never their content.
  evidence jsonb NOT NULL DEFAULT '[]',
  comment text,
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assessment_id, requirement_id)
);

CREATE TABLE cyber_invitations (
  id text PRIMARY KEY,
  buyer_organisation_id text NOT NULL REFERENCES organisations (id),
  supplier_organisation_id text NOT NULL REFERENCES organisations (id),
  framework_id text NOT NULL,
  required_level text,
  message text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'declined', 'answered')),
  assessment_id text REFERENCES cyber_assessments (id),
  marking jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  responded_at timestamptz
);
CREATE INDEX cyber_invitations_supplier ON cyber_invitations (supplier_organisation_id);
CREATE INDEX cyber_invitations_buyer ON cyber_invitations (buyer_organisation_id);
