import { randomUUID } from 'node:crypto';
import { joinMarkings, type Marking } from '../../analysis/marking.ts';
import type { StateDb } from './db.ts';
import { readableSql } from '../security/markingSql.ts';
import type { Reader } from '../security/readContext.ts';
import type { ErrorJson } from '../../errors.ts';

/** A long operation's record (table `jobs`, migration 030): what the web app polls to show progress. */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobRecord {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  status: JobStatus;
  /** 0–1, or null while the amount of work is unknown (one DuckDB query has no progress). */
  progress: number | null;
  /** What the job is doing now, in words (e.g. "copying BACI_HS17_….csv"). */
  stage: string | null;
  result: Record<string, unknown> | null;
  error: ErrorJson | null;
  /** The job wrote a file the user may download (GET /api/jobs/:id/download). */
  hasFile: boolean;
  marking: Marking;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}

type Row = Record<string, unknown>;

function jobOf(r: Row): JobRecord {
  return {
    id: String(r.id),
    kind: String(r.kind),
    params: (r.params ?? {}) as Record<string, unknown>,
    status: r.status as JobStatus,
    progress: r.progress === null || r.progress === undefined ? null : Number(r.progress),
    stage: (r.stage as string | null) ?? null,
    result: (r.result as Record<string, unknown> | null) ?? null,
    error: (r.error as JobRecord['error']) ?? null,
    hasFile: r.file !== null && r.file !== undefined,
    marking: r.marking as Marking,
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: new Date(r.created_at as string).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at as string).toISOString() : null,
  };
}

export async function createJob(
  db: StateDb,
  input: {
    id?: string;
    kind: string;
    params: Record<string, unknown>;
    marking: Marking;
    userId: string | null;
  },
): Promise<JobRecord> {
  const [row] = await db.query<Row>(
    `INSERT INTO jobs (id, kind, params, status, marking, created_by)
     VALUES ($1, $2, $3::jsonb, 'queued', $4::jsonb, $5) RETURNING *`,
    [
      input.id ?? randomUUID(),
      input.kind,
      JSON.stringify(input.params),
      JSON.stringify(input.marking),
      input.userId,
    ],
  );
  return jobOf(row);
}

export async function setJobProgress(
  db: StateDb,
  id: string,
  progress: number | null,
  stage: string | null,
): Promise<void> {
  await db.query(
    `UPDATE jobs SET status = 'running', progress = $2, stage = $3 WHERE id = $1 AND status IN ('queued', 'running')`,
    [id, progress, stage],
  );
}

/** The result and the marking derived from what the job actually read. */
export async function finishJob(
  db: StateDb,
  id: string,
  outcome: { result: Record<string, unknown>; file?: string; marking: Marking },
): Promise<void> {
  await db.query(
    `UPDATE jobs SET status = 'done', progress = 1, stage = NULL, result = $2::jsonb, file = $3, marking = $4::jsonb,
            finished_at = now() WHERE id = $1`,
    [id, JSON.stringify(outcome.result), outcome.file ?? null, JSON.stringify(outcome.marking)],
  );
}

export async function failJob(db: StateDb, id: string, error: ErrorJson): Promise<void> {
  await db.query(`UPDATE jobs SET status = 'failed', error = $2::jsonb, finished_at = now() WHERE id = $1`, [
    id,
    JSON.stringify(error),
  ]);
}

export async function getJob(
  db: StateDb,
  id: string,
): Promise<(JobRecord & { file: string | null }) | undefined> {
  const [row] = await db.query<Row>('SELECT * FROM jobs WHERE id = $1', [id]);
  return row ? { ...jobOf(row), file: (row.file as string | null) ?? null } : undefined;
}

/**
 * Jobs the reader may read (like every object, a job is read by marking alone: docs/security.md), or only those
 * `createdBy` started; newest first, with their count.
 */
export async function listJobs(
  db: StateDb,
  visible: { reader: Reader | undefined; createdBy?: string },
  page: { limit: number; offset: number },
): Promise<{ items: JobRecord[]; total: number }> {
  const readable = readableSql(visible.reader, 'j.marking', 1);
  const filter =
    visible.createdBy === undefined
      ? readable
      : {
          sql: `(${readable.sql} AND j.created_by = $${readable.params.length + 1})`,
          params: [...readable.params, visible.createdBy],
        };
  const n = filter.params.length;
  const rows = await db.query<Row>(
    `SELECT j.*, count(*) OVER () AS total FROM jobs j WHERE ${filter.sql}
      ORDER BY j.created_at DESC, j.id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...filter.params, page.limit, page.offset],
  );
  if (rows.length > 0) return { items: rows.map(jobOf), total: Number(rows[0].total) };
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM jobs j WHERE ${filter.sql}`,
    filter.params,
  );
  return { items: [], total: Number(count.n) };
}

/** Jobs a stopped process left unfinished can never finish: they are marked failed at start-up. */
export async function failInterruptedJobs(db: StateDb): Promise<number> {
  const rows = await db.query(
    `UPDATE jobs SET status = 'failed', error = $1::jsonb, finished_at = now() WHERE status IN ('queued', 'running') RETURNING id`,
    [
      JSON.stringify({
        code: 'internal',
        message: 'the server stopped during the job; start it again',
        place: {},
      }),
    ],
  );
  return rows.length;
}

/**
 * A job names the datasets it fetched, generated or read (params.dataset, result.dataset, result.datasets[].id):
 * when such a dataset is marked later, the job takes the join, so its list entry does not reveal the dataset.
 */
export async function raiseJobMarkings(db: StateDb, datasetId: string, marking: Marking): Promise<number> {
  const rows = await db.query<{ id: string; marking: Marking }>(
    `SELECT id, marking FROM jobs
      WHERE params->>'dataset' = $1 OR result->>'dataset' = $1 OR (result->'datasets') @> $2::jsonb`,
    [datasetId, JSON.stringify([{ id: datasetId }])],
  );
  for (const row of rows) {
    await db.query('UPDATE jobs SET marking = $2::jsonb WHERE id = $1', [
      row.id,
      JSON.stringify(joinMarkings([row.marking, marking])),
    ]);
  }
  return rows.length;
}
