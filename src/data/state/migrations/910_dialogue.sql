-- Public-private dialogue records (官民対話; issue 24): hearings with companies and meetings with industry
-- associations, their findings and follow-ups, linked to products (HS6), technologies (data/reference/technologies.ts)
-- and consultation-desk cases. A finding may propose an update to the critical goods registry (applied through the
-- registry's own write path) and may open a scenario draft. Marked like every object users create.
CREATE TABLE dialogue_records (
  id text PRIMARY KEY,
  held_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('hearing', 'association-meeting')),
  title text NOT NULL,
  -- [{name, organisation, role}]
  participants jsonb NOT NULL DEFAULT '[]',
  -- organisation ids of the platform, or names of organisations without an account
  organisations jsonb NOT NULL DEFAULT '[]',
  topics jsonb NOT NULL DEFAULT '[]',
  products jsonb NOT NULL DEFAULT '[]',
  technologies jsonb NOT NULL DEFAULT '[]',
  cases jsonb NOT NULL DEFAULT '[]',
  summary text NOT NULL DEFAULT '',
  marking jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dialogue_records_held_on ON dialogue_records (held_on DESC, id);

CREATE TABLE dialogue_findings (
  id text PRIMARY KEY,
  record_id text NOT NULL REFERENCES dialogue_records (id) ON DELETE CASCADE,
  position integer NOT NULL,
  text text NOT NULL,
  product text,
  country text,
  -- {good, hs: [{hs6, match, note}], note}: HS6 codes to add to a critical good
  registry_proposal jsonb,
  registry_applied_at timestamptz,
  registry_applied_by text,
  scenario_id text
);
CREATE INDEX dialogue_findings_record ON dialogue_findings (record_id, position);

CREATE TABLE dialogue_follow_ups (
  id text PRIMARY KEY,
  record_id text NOT NULL REFERENCES dialogue_records (id) ON DELETE CASCADE,
  position integer NOT NULL,
  action text NOT NULL,
  owner text NOT NULL,
  due_on date,
  done boolean NOT NULL DEFAULT false,
  done_at timestamptz
);
CREATE INDEX dialogue_follow_ups_due ON dialogue_follow_ups (done, due_on);
