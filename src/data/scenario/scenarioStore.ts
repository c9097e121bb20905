import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import type { Marking } from '../../analysis/marking.ts';
import { notFound } from '../../errors.ts';
import { readableSql } from '../security/markingSql.ts';
import type { Reader } from '../security/readContext.ts';
import type { ScenarioDefinition } from '../../analysis/scenario/definition.ts';
import type { ErrorJson } from '../../errors.ts';

/** Saved scenarios, their versions and runs in the application state (migration 200_scenarios.sql). */
export interface ScenarioSummary {
  id: string;
  name: string;
  nameJa: string | null;
  version: number;
  marking: Marking;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ScenarioRecord extends ScenarioSummary {
  /** The definition text of the requested (default: current) version. */
  text: string;
  versions: { version: number; createdAt: string; createdBy: string | null }[];
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ScenarioRunRecord {
  id: string;
  scenarioId: string;
  version: number;
  dataset: string | null;
  status: RunStatus;
  progress: number;
  marking: Marking;
  error: { code: string; message: string; place: Record<string, unknown> } | null;
  createdAt: string;
  finishedAt: string | null;
  createdBy: string | null;
}

const ts = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

type Row = Record<string, unknown>;
const summaryOf = (r: Row): ScenarioSummary => ({
  id: r.id as string,
  name: r.name as string,
  nameJa: (r.name_ja as string | null) ?? null,
  version: r.current_version as number,
  marking: r.marking as Marking,
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: ts(r.created_at),
  updatedAt: ts(r.updated_at),
});
const runOf = (r: Row): ScenarioRunRecord => ({
  id: r.id as string,
  scenarioId: r.scenario_id as string,
  version: r.version as number,
  dataset: (r.dataset as string | null) ?? null,
  status: r.status as RunStatus,
  progress: Number(r.progress),
  marking: r.marking as Marking,
  error: (r.error as ScenarioRunRecord['error']) ?? null,
  createdAt: ts(r.created_at),
  finishedAt: r.finished_at ? ts(r.finished_at) : null,
  createdBy: (r.created_by as string | null) ?? null,
});

export async function createScenario(
  db: StateDb,
  input: { definition: ScenarioDefinition; text: string; marking: Marking; userId?: string | null },
): Promise<ScenarioSummary> {
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const [row] = await tx.query(
      `INSERT INTO scenarios (id, name, name_ja, current_version, marking, created_by) VALUES ($1, $2, $3, 1, $4::jsonb, $5) RETURNING *`,
      [
        id,
        input.definition.name,
        input.definition.nameJa ?? null,
        JSON.stringify(input.marking),
        input.userId ?? null,
      ],
    );
    await tx.query(
      `INSERT INTO scenario_versions (scenario_id, version, definition_text, created_by) VALUES ($1, 1, $2, $3)`,
      [id, input.text, input.userId ?? null],
    );
    return summaryOf(row);
  });
}

/** Saves a new version (the old ones stay); the marking changes only when given. */
export async function updateScenario(
  db: StateDb,
  id: string,
  input: { definition: ScenarioDefinition; text: string; marking?: Marking; userId?: string | null },
): Promise<ScenarioSummary> {
  return db.transaction(async (tx) => {
    const [current] = await tx.query<{ current_version: number }>(
      'SELECT current_version FROM scenarios WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
      [id],
    );
    if (!current) throw notFound('scenario not found', { field: 'id' });
    const version = current.current_version + 1;
    await tx.query(
      `INSERT INTO scenario_versions (scenario_id, version, definition_text, created_by) VALUES ($1, $2, $3, $4)`,
      [id, version, input.text, input.userId ?? null],
    );
    const [row] = await tx.query(
      `UPDATE scenarios SET name = $2, name_ja = $3, current_version = $4, marking = COALESCE($5::jsonb, marking), updated_at = now()
        WHERE id = $1 RETURNING *`,
      [
        id,
        input.definition.name,
        input.definition.nameJa ?? null,
        version,
        input.marking ? JSON.stringify(input.marking) : null,
      ],
    );
    return summaryOf(row);
  });
}

/** Scenarios the reader may read (every one without a reader), newest first. */
export async function listScenarios(
  db: StateDb,
  reader?: Reader,
  page: { limit: number; offset: number } = { limit: 100, offset: 0 },
): Promise<{ items: ScenarioSummary[]; total: number }> {
  const filter = readableSql(reader, 's.marking', 1);
  const n = filter.params.length;
  const rows = await db.query(
    `SELECT * FROM scenarios s WHERE s.deleted_at IS NULL AND ${filter.sql} ORDER BY s.updated_at DESC, s.id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...filter.params, page.limit, page.offset],
  );
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM scenarios s WHERE s.deleted_at IS NULL AND ${filter.sql}`,
    filter.params,
  );
  return { items: rows.map(summaryOf), total: Number(count.n) };
}

export async function getScenario(
  db: StateDb,
  id: string,
  version?: number,
): Promise<ScenarioRecord | undefined> {
  const [row] = await db.query('SELECT * FROM scenarios WHERE id = $1 AND deleted_at IS NULL', [id]);
  if (!row) return undefined;
  const summary = summaryOf(row);
  const versions = await db.query<{
    version: number;
    created_at: unknown;
    created_by: string | null;
    definition_text: string;
  }>(
    'SELECT version, created_at, created_by, definition_text FROM scenario_versions WHERE scenario_id = $1 ORDER BY version',
    [id],
  );
  const wanted = versions.find((v) => v.version === (version ?? summary.version));
  if (!wanted) throw notFound(`scenario ${id} has no version ${version}`, { field: 'version' });
  return {
    ...summary,
    text: wanted.definition_text,
    versions: versions.map((v) => ({
      version: v.version,
      createdAt: ts(v.created_at),
      createdBy: v.created_by,
    })),
  };
}

export async function deleteScenario(db: StateDb, id: string): Promise<void> {
  const rows = await db.query(
    'UPDATE scenarios SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id',
    [id],
  );
  if (rows.length === 0) throw notFound('scenario not found', { field: 'id' });
}

export async function createRun(
  db: StateDb,
  input: { scenarioId: string; version: number; dataset?: string; marking: Marking; userId?: string | null },
): Promise<ScenarioRunRecord> {
  const [row] = await db.query(
    `INSERT INTO scenario_runs (id, scenario_id, version, dataset, status, marking, created_by)
     VALUES ($1, $2, $3, $4, 'queued', $5::jsonb, $6) RETURNING *`,
    [
      randomUUID(),
      input.scenarioId,
      input.version,
      input.dataset ?? null,
      JSON.stringify(input.marking),
      input.userId ?? null,
    ],
  );
  return runOf(row);
}

/** A run's fraction done; null (not known) keeps the last one. */
export async function setRunProgress(db: StateDb, id: string, progress: number | null): Promise<void> {
  await db.query(
    `UPDATE scenario_runs SET status = 'running', progress = COALESCE($2, progress) WHERE id = $1 AND status IN ('queued', 'running')`,
    [id, progress],
  );
}

/** Stores the result and the marking derived from the inputs actually read. */
export async function finishRun(db: StateDb, id: string, result: unknown, marking: Marking): Promise<void> {
  await db.query(
    `UPDATE scenario_runs SET status = 'done', progress = 1, result = $2::jsonb, marking = $3::jsonb, finished_at = now() WHERE id = $1`,
    [id, JSON.stringify(result), JSON.stringify(marking)],
  );
}

export async function failRun(db: StateDb, id: string, error: ErrorJson): Promise<void> {
  await db.query(
    `UPDATE scenario_runs SET status = 'failed', error = $2::jsonb, finished_at = now() WHERE id = $1`,
    [id, JSON.stringify(error)],
  );
}

export async function getRun(
  db: StateDb,
  id: string,
): Promise<(ScenarioRunRecord & { result: unknown }) | undefined> {
  const [row] = await db.query(
    'SELECT r.* FROM scenario_runs r JOIN scenarios s ON s.id = r.scenario_id WHERE r.id = $1 AND s.deleted_at IS NULL',
    [id],
  );
  return row ? { ...runOf(row), result: row.result ?? null } : undefined;
}

/** A scenario's runs the reader may read (every one without a reader), newest first. */
export async function listRuns(
  db: StateDb,
  scenarioId: string,
  reader?: Reader,
): Promise<ScenarioRunRecord[]> {
  const filter = readableSql(reader, 'r.marking', 1);
  const n = filter.params.length;
  const rows = await db.query(
    `SELECT r.id, r.scenario_id, r.version, r.dataset, r.status, r.progress, r.marking, r.error, r.created_at, r.finished_at, r.created_by
       FROM scenario_runs r WHERE r.scenario_id = $${n + 1} AND ${filter.sql} ORDER BY r.created_at DESC`,
    [...filter.params, scenarioId],
  );
  return rows.map(runOf);
}

/** Runs left 'queued' or 'running' by a process that died are marked failed at start-up. */
export async function failInterruptedRuns(db: StateDb): Promise<number> {
  const rows = await db.query(
    `UPDATE scenario_runs SET status = 'failed', error = $1::jsonb, finished_at = now() WHERE status IN ('queued', 'running') RETURNING id`,
    [
      JSON.stringify({
        code: 'internal',
        message: 'the server stopped during the run; start it again',
        place: {},
      }),
    ],
  );
  return rows.length;
}
