-- Long operations started from the web app or API (dataset fetch, synthetic year, screens of every reporter):
-- status and progress for the UI, the result summary and the file it wrote, with a marking like every result.
CREATE TABLE jobs (
  id text PRIMARY KEY,
  kind text NOT NULL,
  params jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress real,
  stage text,
  result jsonb,
  error jsonb,
  file text,
  marking jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_by_creator ON jobs (created_by, created_at DESC);
