-- Early warning (PRODUCT.md §3.6): monitored lists and items, rule sets, recorded events, alerts with their
-- lifecycle and feedback, notification targets. Every object carries a marking (docs/security.md).
CREATE TABLE ews_lists (
  id text PRIMARY KEY,
  name jsonb NOT NULL,                       -- { ja, en }
  kind text NOT NULL CHECK (kind IN ('critical-goods', 'generated', 'user')),
  description text NOT NULL DEFAULT '',
  marking jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ews_items (
  id text PRIMARY KEY,
  list_id text NOT NULL REFERENCES ews_lists(id) ON DELETE CASCADE,
  reporter text NOT NULL,
  partner text,                               -- null: every partner of the reporter
  hs text NOT NULL,
  flow text NOT NULL CHECK (flow IN ('import', 'export')),
  label jsonb NOT NULL,                       -- { ja, en }
  grade text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
  cadence text NOT NULL CHECK (cadence IN ('weekly', 'monthly', 'quarterly')),
  dataset text,                               -- trade-monthly dataset scanned for this item
  rule_set text NOT NULL DEFAULT 'default',
  next_scan_at timestamptz,
  last_scan_at timestamptz,
  marking jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (list_id, reporter, partner, hs, flow)
);
CREATE INDEX ews_items_due ON ews_items (next_scan_at);

CREATE TABLE ews_rule_sets (
  id text PRIMARY KEY,
  body jsonb NOT NULL,
  marking jsonb NOT NULL,
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ews_events (
  id text PRIMARY KEY,
  country text NOT NULL,
  hs jsonb NOT NULL,
  targets jsonb NOT NULL DEFAULT '[]'::jsonb,
  announced date NOT NULL,
  effective date NOT NULL,
  title jsonb NOT NULL,
  source text NOT NULL,
  marking jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ews_alerts (
  id text PRIMARY KEY,
  item_id text REFERENCES ews_items(id) ON DELETE SET NULL,
  rule_set text NOT NULL,
  period text NOT NULL,
  reporter text NOT NULL,
  partner text NOT NULL,
  hs text NOT NULL,
  flow text NOT NULL,
  level int NOT NULL CHECK (level BETWEEN 1 AND 4),
  rules jsonb NOT NULL,
  indicators jsonb NOT NULL,
  explanation jsonb NOT NULL,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'acknowledged', 'assigned', 'resolved')),
  assignee text,
  feedback text CHECK (feedback IN ('true_alarm', 'false_alarm')),
  feedback_reason text,
  marking jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (rule_set, period, reporter, partner, hs, flow)
);
CREATE INDEX ews_alerts_status ON ews_alerts (status, level);

CREATE TABLE ews_alert_history (
  id bigserial PRIMARY KEY,
  alert_id text NOT NULL REFERENCES ews_alerts(id) ON DELETE CASCADE,
  action text NOT NULL,
  actor text,
  note text,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ews_notification_targets (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('webhook', 'email')),
  address text NOT NULL,                      -- URL or e-mail address
  min_level int NOT NULL DEFAULT 1 CHECK (min_level BETWEEN 1 AND 4),
  marking jsonb NOT NULL,                     -- alerts above this marking are not sent to the target
  created_at timestamptz NOT NULL DEFAULT now()
);
