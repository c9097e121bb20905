-- Alerts and marked recorded events (docs/ews.md, "Markings of stored alerts"). A scan stores the alert computed
-- with the events every reader of the series may read (event_basis 'base', the series' marking) and, where a
-- marked event changes it, the alert computed with every event (event_basis 'marked', marked with the join of the
-- series and the events that made the difference), which supersedes the base alert for readers cleared for it.
ALTER TABLE ews_alerts ADD COLUMN event_basis text NOT NULL DEFAULT 'base' CHECK (event_basis IN ('base', 'marked'));
ALTER TABLE ews_alerts ADD COLUMN supersedes text REFERENCES ews_alerts(id) ON DELETE SET NULL;
ALTER TABLE ews_alerts DROP CONSTRAINT ews_alerts_rule_set_period_reporter_partner_hs_flow_key;
ALTER TABLE ews_alerts ADD CONSTRAINT ews_alerts_series_month_basis UNIQUE (rule_set, period, reporter, partner, hs, flow, event_basis);
CREATE INDEX ews_alerts_supersedes ON ews_alerts (supersedes) WHERE supersedes IS NOT NULL;
