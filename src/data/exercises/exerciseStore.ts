import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import type { Marking } from '../../analysis/marking.ts';
import type { Bilingual, ExerciseDesign, ExerciseRole, Inject } from '../../analysis/exercises/exercise.ts';
import type { Adjustment } from '../../analysis/exercises/adjustments.ts';
import { ChokepointError, notFound } from '../../errors.ts';
import type { Reader } from '../security/readContext.ts';
import { readableSql } from '../security/markingSql.ts';
import type { ErrorJson } from '../../errors.ts';

/**
 * Exercises, their injects (one row each, each with its marking), participants and outcomes (migration 600).
 * Reads take the Reader (src/data/security/markingSql.ts): rows it may not read are left out in SQL, so a hidden
 * exercise is missing and a hidden inject is neither returned nor counted. No reader: the operator (CLI, the
 * live-session hub, which decides per connection what each viewer is sent).
 */
export type ExerciseStatus = 'preparing' | 'ready' | 'failed';

export interface ExerciseSummary {
  id: string;
  title: Bilingual;
  template: string | null;
  status: ExerciseStatus;
  scenarioId: string | null;
  baselineRunId: string | null;
  error: { code: string; message: string; place: Record<string, unknown> } | null;
  marking: Marking;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Participant {
  userId: string;
  username: string;
  displayName: string;
  organisationId: string;
  role: ExerciseRole;
  team: string | null;
}

export interface ExerciseRecord extends ExerciseSummary {
  design: ExerciseDesign;
  /** Every inject, in timeline order: callers show each only to readers cleared for its marking. */
  injects: Inject[];
  participants: Participant[];
}

export interface OutcomeRecord {
  id: string;
  exerciseId: string;
  sessionId: string | null;
  scenarioId: string;
  runId: string;
  adjustments: Adjustment[];
  notes: Bilingual[];
  marking: Marking;
  createdBy: string | null;
  createdAt: string;
}

type Row = Record<string, unknown>;
const ts = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

const summaryOf = (r: Row): ExerciseSummary => ({
  id: r.id as string,
  title: r.title as Bilingual,
  template: (r.template as string | null) ?? null,
  status: r.status as ExerciseStatus,
  scenarioId: (r.scenario_id as string | null) ?? null,
  baselineRunId: (r.baseline_run_id as string | null) ?? null,
  error: (r.error as ExerciseSummary['error']) ?? null,
  marking: r.marking as Marking,
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: ts(r.created_at),
  updatedAt: ts(r.updated_at),
});

const injectOf = (r: Row): Inject => ({
  ...(r.content as Omit<Inject, 'marking'>),
  marking: r.marking as Marking,
});

async function writeInjects(tx: StateDb, exerciseId: string, injects: readonly Inject[]): Promise<void> {
  await tx.query('DELETE FROM exercise_injects WHERE exercise_id = $1', [exerciseId]);
  for (const [position, inject] of injects.entries()) {
    const { marking, ...content } = inject;
    await tx.query(
      `INSERT INTO exercise_injects (exercise_id, id, position, at_time, team, content, marking)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
      [
        exerciseId,
        inject.id,
        position,
        inject.at,
        inject.team,
        JSON.stringify(content),
        JSON.stringify(marking),
      ],
    );
  }
}

export async function createExercise(
  db: StateDb,
  input: {
    design: ExerciseDesign;
    injects: readonly Inject[];
    marking: Marking;
    status: ExerciseStatus;
    scenarioId?: string | null;
    baselineRunId?: string | null;
    userId: string | null;
  },
): Promise<ExerciseSummary> {
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const [row] = await tx.query(
      `INSERT INTO exercises (id, title, template, status, design, scenario_id, baseline_run_id, marking, created_by)
       VALUES ($1, $2::jsonb, $3, $4, $5::jsonb, $6, $7, $8::jsonb, $9) RETURNING *`,
      [
        id,
        JSON.stringify(input.design.title),
        input.design.template,
        input.status,
        JSON.stringify(input.design),
        input.scenarioId ?? null,
        input.baselineRunId ?? null,
        JSON.stringify(input.marking),
        input.userId,
      ],
    );
    await writeInjects(tx, id, input.injects);
    // Whoever creates an exercise facilitates it (a CLI-made exercise has no user until one is added).
    if (input.userId)
      await tx.query(
        `INSERT INTO exercise_participants (exercise_id, user_id, role, team, added_by) VALUES ($1, $2, 'facilitator', NULL, $2)`,
        [id, input.userId],
      );
    return summaryOf(row);
  });
}

/** The injects generated when the exercise's scenario run ends: the exercise becomes ready. */
export async function finishPreparation(
  db: StateDb,
  id: string,
  injects: readonly Inject[],
  marking: Marking,
): Promise<void> {
  await db.transaction(async (tx) => {
    await writeInjects(tx, id, injects);
    await tx.query(
      `UPDATE exercises SET status = 'ready', error = NULL, marking = $2::jsonb, updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(marking)],
    );
  });
}

export async function failPreparation(db: StateDb, id: string, error: ErrorJson): Promise<void> {
  await db.query(
    `UPDATE exercises SET status = 'failed', error = $2::jsonb, updated_at = now() WHERE id = $1`,
    [id, JSON.stringify(error)],
  );
}

/** Replaces the design and the injects (a designer's save); the marking changes only when given. */
export async function updateExercise(
  db: StateDb,
  id: string,
  input: { design: ExerciseDesign; injects: readonly Inject[]; marking?: Marking },
): Promise<ExerciseSummary> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query(
      `UPDATE exercises SET title = $2::jsonb, design = $3::jsonb, marking = COALESCE($4::jsonb, marking),
              updated_at = now()
        WHERE id = $1 AND deleted_at IS NULL RETURNING *`,
      [
        id,
        JSON.stringify(input.design.title),
        JSON.stringify(input.design),
        input.marking ? JSON.stringify(input.marking) : null,
      ],
    );
    if (!row) throw notFound('exercise not found', { field: 'id' });
    await writeInjects(tx, id, input.injects);
    return summaryOf(row);
  });
}

export async function listExercises(
  db: StateDb,
  reader: Reader | undefined,
  page: { limit: number; offset: number } = { limit: 100, offset: 0 },
): Promise<{ items: ExerciseSummary[]; total: number }> {
  const filter = readableSql(reader, 'e.marking', 1);
  const n = filter.params.length;
  const rows = await db.query(
    `SELECT * FROM exercises e WHERE e.deleted_at IS NULL AND ${filter.sql}
      ORDER BY e.updated_at DESC, e.id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...filter.params, page.limit, page.offset],
  );
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM exercises e WHERE e.deleted_at IS NULL AND ${filter.sql}`,
    filter.params,
  );
  return { items: rows.map(summaryOf), total: Number(count.n) };
}

/** The exercise with the injects the reader may read (undefined when the exercise is missing or hidden). */
export async function getExercise(
  db: StateDb,
  id: string,
  reader?: Reader,
): Promise<ExerciseRecord | undefined> {
  const own = readableSql(reader, 'marking', 2);
  const [row] = await db.query(
    `SELECT * FROM exercises WHERE id = $1 AND deleted_at IS NULL AND ${own.sql}`,
    [id, ...own.params],
  );
  if (!row) return undefined;
  const injects = await db.query(
    `SELECT content, marking FROM exercise_injects WHERE exercise_id = $1 AND ${own.sql} ORDER BY position`,
    [id, ...own.params],
  );
  return {
    ...summaryOf(row),
    design: row.design as ExerciseDesign,
    injects: injects.map(injectOf),
    participants: await listParticipants(db, id),
  };
}

/** Whether the exercise has injects the reader may not read (their design cannot be saved by that reader). */
export async function hasUnreadableInjects(
  db: StateDb,
  id: string,
  reader: Reader | undefined,
): Promise<boolean> {
  const filter = readableSql(reader, 'marking', 2);
  const rows = await db.query(
    `SELECT 1 FROM exercise_injects WHERE exercise_id = $1 AND NOT ${filter.sql} LIMIT 1`,
    [id, ...filter.params],
  );
  return rows.length > 0;
}

export async function deleteExercise(db: StateDb, id: string): Promise<void> {
  const rows = await db.query(
    'UPDATE exercises SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id',
    [id],
  );
  if (rows.length === 0) throw notFound('exercise not found', { field: 'id' });
}

export async function listParticipants(db: StateDb, exerciseId: string): Promise<Participant[]> {
  const rows = await db.query<Row>(
    `SELECT p.user_id, u.username, u.display_name, u.organisation_id, p.role, p.team
       FROM exercise_participants p JOIN users u ON u.id = p.user_id
      WHERE p.exercise_id = $1 ORDER BY p.role, u.username`,
    [exerciseId],
  );
  return rows.map((r) => ({
    userId: r.user_id as string,
    username: r.username as string,
    displayName: r.display_name as string,
    organisationId: r.organisation_id as string,
    role: r.role as ExerciseRole,
    team: (r.team as string | null) ?? null,
  }));
}

/** Adds a participant or changes their role and team. A player needs a team; the others follow every team. */
export async function setParticipant(
  db: StateDb,
  exerciseId: string,
  input: { userId: string; role: ExerciseRole; team: string | null; addedBy: string | null },
): Promise<void> {
  if (input.role === 'player' && !input.team)
    throw new ChokepointError('bad_input', 'a player needs a team', { field: 'team' });
  const [user] = await db.query('SELECT 1 FROM users WHERE id = $1', [input.userId]);
  if (!user) throw notFound('user not found', { field: 'userId' });
  await db.query(
    `INSERT INTO exercise_participants (exercise_id, user_id, role, team, added_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (exercise_id, user_id) DO UPDATE SET role = EXCLUDED.role, team = EXCLUDED.team`,
    [exerciseId, input.userId, input.role, input.role === 'player' ? input.team : null, input.addedBy],
  );
}

export async function removeParticipant(db: StateDb, exerciseId: string, userId: string): Promise<void> {
  const rows = await db.query(
    'DELETE FROM exercise_participants WHERE exercise_id = $1 AND user_id = $2 RETURNING user_id',
    [exerciseId, userId],
  );
  if (rows.length === 0) throw notFound('no such participant', { field: 'userId' });
}

export async function createOutcome(
  db: StateDb,
  input: Omit<OutcomeRecord, 'id' | 'createdAt'>,
): Promise<OutcomeRecord> {
  const [row] = await db.query(
    `INSERT INTO exercise_outcomes (id, exercise_id, session_id, scenario_id, run_id, adjustments, notes, marking, created_by)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9) RETURNING *`,
    [
      randomUUID(),
      input.exerciseId,
      input.sessionId,
      input.scenarioId,
      input.runId,
      JSON.stringify(input.adjustments),
      JSON.stringify(input.notes),
      JSON.stringify(input.marking),
      input.createdBy,
    ],
  );
  return outcomeOf(row);
}

const outcomeOf = (r: Row): OutcomeRecord => ({
  id: r.id as string,
  exerciseId: r.exercise_id as string,
  sessionId: (r.session_id as string | null) ?? null,
  scenarioId: r.scenario_id as string,
  runId: r.run_id as string,
  adjustments: r.adjustments as Adjustment[],
  notes: r.notes as Bilingual[],
  marking: r.marking as Marking,
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: ts(r.created_at),
});

export async function listOutcomes(
  db: StateDb,
  exerciseId: string,
  reader?: Reader,
): Promise<OutcomeRecord[]> {
  const filter = readableSql(reader, 'marking', 2);
  const rows = await db.query(
    `SELECT * FROM exercise_outcomes WHERE exercise_id = $1 AND ${filter.sql} ORDER BY created_at DESC, id`,
    [exerciseId, ...filter.params],
  );
  return rows.map(outcomeOf);
}
