-- Editable identification (issue 25): the critical goods registry of migration 400 becomes the registry of critical
-- goods *and* technologies, each with a status (active, proposed, retired), the seed's technology domains, patent
-- fields and a version; every change keeps a snapshot in registry_history. Existing rows are kept as they are. The
-- table keeps its name critical_goods (other queries read it, e.g. the screen cache's state version) although it
-- now holds technologies too (kind).
ALTER TABLE critical_goods ADD COLUMN kind text NOT NULL DEFAULT 'good' CHECK (kind IN ('good', 'technology'));
ALTER TABLE critical_goods ADD COLUMN status text NOT NULL DEFAULT 'active'
  CHECK (status IN ('active', 'proposed', 'retired'));
-- NULL: the shipped default for the entry's id (src/data/reference/registryDefaults.ts); set once edited.
ALTER TABLE critical_goods ADD COLUMN domains jsonb;
ALTER TABLE critical_goods ADD COLUMN patent_fields jsonb;
ALTER TABLE critical_goods ADD COLUMN version integer NOT NULL DEFAULT 1;

-- One snapshot per change, newest last: who, when, what the entry then was, and why.
CREATE TABLE registry_history (
  id bigserial PRIMARY KEY,
  entry_id text NOT NULL,
  version integer NOT NULL,
  action text NOT NULL,
  snapshot jsonb NOT NULL,
  reason text NOT NULL DEFAULT '',
  actor text,
  at timestamptz NOT NULL DEFAULT now(),
  marking jsonb NOT NULL
);
CREATE INDEX registry_history_entry ON registry_history (entry_id, id);

-- The registry never deletes (an entry is retired instead), so a shipped entry missing from the table is one shipped
-- after the installation was seeded: registryStore.ts adds it on first read. The seed flag of migration 400 goes.
INSERT INTO registry_history (entry_id, version, action, snapshot, actor, marking)
  SELECT id, 1, 'migrated',
    jsonb_build_object('id', id, 'kind', kind, 'ja', name_ja, 'en', name_en, 'designation', designation,
      'ministry', ministry, 'hs', hs, 'note', note, 'status', status),
    updated_by, marking
  FROM critical_goods;
DROP TABLE critical_goods_seed;

-- Measures applied are per reporter, like zones (issue 25: zones and policy for any reporter). Rows recorded
-- before were Japan's.
ALTER TABLE policy_measures_applied ADD COLUMN reporter text NOT NULL DEFAULT 'JPN';
CREATE INDEX policy_measures_applied_reporter ON policy_measures_applied (reporter, entry_id);
