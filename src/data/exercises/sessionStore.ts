import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import { publicMarking, type Marking } from '../../analysis/marking.ts';
import type { Decision, DecisionInput } from '../../analysis/exercises/decision.ts';
import type { SessionEvent, SessionState } from '../../analysis/exercises/sessionEvents.ts';
import type { Adjustment } from '../../analysis/exercises/adjustments.ts';
import { ChokepointError, notFound } from '../../errors.ts';
import type { Reader } from '../security/readContext.ts';
import { readableSql } from '../security/markingSql.ts';

/**
 * Live sessions of an exercise (migration 600): the session's state and simulated clock, its event log (numbered
 * per session, in one transaction with the change it records, so that a replay from any seq is complete),
 * decisions, evaluators' scores and questionnaire answers. Reads take the Reader and leave out in SQL what it may
 * not read (no reader: the operator, or the hub that filters per connection); an inject delivered to the session
 * that the reader may not read comes back as withheld — its time and team, never its content.
 */
export interface SessionRecord {
  id: string;
  exerciseId: string;
  state: SessionState;
  simTime: number;
  lastSeq: number;
  marking: Marking;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An event to append: its seq is given when it is written. */
export type NewEvent =
  { kind: 'state'; state: SessionState } | { kind: 'inject' | 'skipped'; injectId: string; marking: Marking };

export interface Score {
  injectId: string;
  expectationId: string;
  evaluatorId: string;
  score: number;
  comment: string;
  marking: Marking;
  createdAt: string;
}

export interface AnswerRecord {
  id: string;
  /** Null when the questionnaire is anonymous. */
  respondentId: string | null;
  team: string | null;
  answers: Record<string, string | number>;
  marking: Marking;
  createdAt: string;
}

type Row = Record<string, unknown>;
const ts = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

const sessionOf = (r: Row): SessionRecord => ({
  id: r.id as string,
  exerciseId: r.exercise_id as string,
  state: r.state as SessionState,
  simTime: Number(r.sim_time),
  lastSeq: Number(r.last_seq),
  marking: r.marking as Marking,
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: ts(r.created_at),
  updatedAt: ts(r.updated_at),
});

const decisionOf = (r: Row): Decision => ({
  id: r.id as string,
  sessionId: r.session_id as string,
  injectId: r.inject_id as string,
  team: r.team as string,
  userId: (r.user_id as string | null) ?? null,
  optionsConsidered: r.options as string[],
  action: r.action as string,
  adjustment: (r.adjustment as Adjustment | null) ?? null,
  rationale: r.rationale as string,
  owner: r.owner as string,
  followUp: r.follow_up as string,
  marking: r.marking as Marking,
  createdAt: ts(r.created_at),
});

export async function createSession(
  db: StateDb,
  input: { exerciseId: string; marking: Marking; userId: string | null },
): Promise<SessionRecord> {
  const [row] = await db.query(
    `INSERT INTO exercise_sessions (id, exercise_id, state, marking, created_by) VALUES ($1, $2, 'ready', $3::jsonb, $4)
     RETURNING *`,
    [randomUUID(), input.exerciseId, JSON.stringify(input.marking), input.userId],
  );
  return sessionOf(row);
}

export async function getSession(
  db: StateDb,
  id: string,
  reader?: Reader,
): Promise<SessionRecord | undefined> {
  const filter = readableSql(reader, 'marking', 2);
  const [row] = await db.query(`SELECT * FROM exercise_sessions WHERE id = $1 AND ${filter.sql}`, [
    id,
    ...filter.params,
  ]);
  return row ? sessionOf(row) : undefined;
}

export async function listSessions(
  db: StateDb,
  exerciseId: string,
  reader?: Reader,
): Promise<SessionRecord[]> {
  const filter = readableSql(reader, 'marking', 2);
  const rows = await db.query(
    `SELECT * FROM exercise_sessions WHERE exercise_id = $1 AND ${filter.sql} ORDER BY created_at DESC, id`,
    [exerciseId, ...filter.params],
  );
  return rows.map(sessionOf);
}

/** Locks the session row, numbers the events after its last seq and moves its state and clock, in `tx`. */
async function append(
  tx: StateDb,
  sessionId: string,
  events: readonly (NewEvent | { kind: 'decision'; decisionId: string; marking: Marking })[],
  change: { state?: SessionState; simTime?: number },
): Promise<{ session: SessionRecord; seqs: number[] }> {
  const [current] = await tx.query('SELECT * FROM exercise_sessions WHERE id = $1 FOR UPDATE', [sessionId]);
  if (!current) throw notFound('session not found', { field: 'id' });
  const before = sessionOf(current);
  const state = change.state ?? before.state;
  const simTime = change.simTime ?? before.simTime;
  const seqs: number[] = [];
  for (const [i, e] of events.entries()) {
    const seq = before.lastSeq + i + 1;
    seqs.push(seq);
    await tx.query(
      `INSERT INTO exercise_session_events (session_id, seq, kind, inject_id, decision_id, state, sim_time, marking)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
      [
        sessionId,
        seq,
        e.kind,
        e.kind === 'inject' || e.kind === 'skipped' ? e.injectId : null,
        e.kind === 'decision' ? e.decisionId : null,
        e.kind === 'state' ? e.state : null,
        simTime,
        JSON.stringify(e.kind === 'state' ? publicMarking : e.marking),
      ],
    );
  }
  const [row] = await tx.query(
    `UPDATE exercise_sessions SET state = $2, sim_time = $3, last_seq = $4, updated_at = now() WHERE id = $1 RETURNING *`,
    [sessionId, state, simTime, before.lastSeq + events.length],
  );
  return { session: sessionOf(row), seqs };
}

/** Appends events and moves the session's state and clock in one transaction. */
export async function appendEvents(
  db: StateDb,
  sessionId: string,
  events: readonly NewEvent[],
  change: { state?: SessionState; simTime?: number } = {},
): Promise<{ session: SessionRecord; events: SessionEvent[] }> {
  return db.transaction(async (tx) => {
    const { session, seqs } = await append(tx, sessionId, events, change);
    const created = await tx.query<{ created_at: unknown }>(
      'SELECT created_at FROM exercise_session_events WHERE session_id = $1 AND seq = ANY($2::int[]) ORDER BY seq',
      [sessionId, seqs],
    );
    return {
      session,
      events: events.map((e, i): SessionEvent => {
        const base = { seq: seqs[i], simTime: session.simTime, createdAt: ts(created[i]?.created_at) };
        return e.kind === 'state'
          ? { ...base, kind: 'state', state: e.state }
          : { ...base, kind: e.kind, injectId: e.injectId };
      }),
    };
  });
}

/** Records a decision and its event together; the session must be running. */
export async function recordDecision(
  db: StateDb,
  sessionId: string,
  input: DecisionInput & { team: string; userId: string | null; marking: Marking },
): Promise<{ decision: Decision; event: SessionEvent }> {
  return db.transaction(async (tx) => {
    const [session] = await tx.query<{ state: string }>('SELECT state FROM exercise_sessions WHERE id = $1', [
      sessionId,
    ]);
    if (!session) throw notFound('session not found', { field: 'id' });
    if (session.state !== 'running')
      throw new ChokepointError(
        'conflict',
        `the session is ${session.state}: decisions are taken while it runs`,
        {
          field: 'state',
        },
      );
    const id = randomUUID();
    const [row] = await tx.query(
      `INSERT INTO exercise_decisions (id, session_id, inject_id, team, user_id, options, action, adjustment, rationale,
              owner, follow_up, marking)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9, $10, $11, $12::jsonb) RETURNING *`,
      [
        id,
        sessionId,
        input.injectId,
        input.team,
        input.userId,
        JSON.stringify(input.optionsConsidered),
        input.action,
        input.adjustment ? JSON.stringify(input.adjustment) : null,
        input.rationale,
        input.owner,
        input.followUp,
        JSON.stringify(input.marking),
      ],
    );
    const decision = decisionOf(row);
    const { session: after, seqs } = await append(
      tx,
      sessionId,
      [{ kind: 'decision', decisionId: id, marking: input.marking }],
      {},
    );
    return {
      decision,
      event: {
        seq: seqs[0],
        kind: 'decision',
        decision,
        simTime: after.simTime,
        createdAt: decision.createdAt,
      },
    };
  });
}

/**
 * The session's events after `afterSeq`, in order, decisions joined in. With a reader: decisions and skipped
 * injects it may not read are left out; a delivered inject it may not read (by the marking it was delivered with
 * or its current one) is returned as withheld, with its time and team only.
 */
export async function eventsAfter(
  db: StateDb,
  sessionId: string,
  afterSeq: number,
  reader?: Reader,
): Promise<SessionEvent[]> {
  const event = readableSql(reader, 'e.marking', 3);
  const inject = readableSql(reader, 'i.marking', 3);
  const readable = `(${event.sql} AND (i.marking IS NULL OR ${inject.sql}))`;
  const rows = await db.query<Row>(
    `SELECT e.seq, e.kind, e.inject_id, e.state, e.sim_time, e.created_at, ${readable} AS readable,
            i.at_time AS i_at, i.team AS i_team,
            d.id AS d_id, d.session_id, d.inject_id AS d_inject,
            d.team, d.user_id, d.options, d.action, d.adjustment, d.rationale, d.owner, d.follow_up, d.marking AS d_marking,
            d.created_at AS d_created
       FROM exercise_session_events e
       JOIN exercise_sessions s ON s.id = e.session_id
       LEFT JOIN exercise_injects i ON i.exercise_id = s.exercise_id AND i.id = e.inject_id
       LEFT JOIN exercise_decisions d ON d.id = e.decision_id
      WHERE e.session_id = $1 AND e.seq > $2 AND (e.kind IN ('state', 'inject') OR ${readable})
      ORDER BY e.seq`,
    [sessionId, afterSeq, ...event.params],
  );
  return rows.map((r): SessionEvent => {
    const base = { seq: Number(r.seq), simTime: Number(r.sim_time), createdAt: ts(r.created_at) };
    if (r.kind === 'state') return { ...base, kind: 'state', state: r.state as SessionState };
    if (r.kind === 'decision')
      return {
        ...base,
        kind: 'decision',
        decision: decisionOf({
          ...r,
          id: r.d_id,
          inject_id: r.d_inject,
          marking: r.d_marking,
          created_at: r.d_created,
        }),
      };
    const injectId = r.inject_id as string;
    if (r.kind === 'inject' && !r.readable)
      return {
        ...base,
        kind: 'inject',
        injectId,
        withheld: { at: Number(r.i_at ?? base.simTime), team: String(r.i_team ?? 'all') },
      };
    return { ...base, kind: r.kind as 'inject' | 'skipped', injectId };
  });
}

export async function listDecisions(db: StateDb, sessionId: string, reader?: Reader): Promise<Decision[]> {
  const filter = readableSql(reader, 'marking', 2);
  const rows = await db.query(
    `SELECT * FROM exercise_decisions WHERE session_id = $1 AND ${filter.sql} ORDER BY created_at, id`,
    [sessionId, ...filter.params],
  );
  return rows.map(decisionOf);
}

/** Inject ids the session has delivered or skipped. */
export async function handledInjects(db: StateDb, sessionId: string): Promise<Set<string>> {
  const rows = await db.query<{ inject_id: string }>(
    `SELECT inject_id FROM exercise_session_events WHERE session_id = $1 AND kind IN ('inject', 'skipped')`,
    [sessionId],
  );
  return new Set(rows.map((r) => r.inject_id));
}

export async function wasDelivered(db: StateDb, sessionId: string, injectId: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM exercise_session_events WHERE session_id = $1 AND kind = 'inject' AND inject_id = $2`,
    [sessionId, injectId],
  );
  return rows.length > 0;
}

export async function setScore(
  db: StateDb,
  sessionId: string,
  input: Omit<Score, 'createdAt'>,
): Promise<Score> {
  const [row] = await db.query<Row>(
    `INSERT INTO exercise_scores (session_id, inject_id, expectation_id, evaluator_id, score, comment, marking)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
     ON CONFLICT (session_id, inject_id, expectation_id, evaluator_id)
       DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, marking = EXCLUDED.marking, created_at = now()
     RETURNING *`,
    [
      sessionId,
      input.injectId,
      input.expectationId,
      input.evaluatorId,
      input.score,
      input.comment,
      JSON.stringify(input.marking),
    ],
  );
  return scoreOf(row);
}

const scoreOf = (r: Row): Score => ({
  injectId: r.inject_id as string,
  expectationId: r.expectation_id as string,
  evaluatorId: r.evaluator_id as string,
  score: Number(r.score),
  comment: r.comment as string,
  marking: r.marking as Marking,
  createdAt: ts(r.created_at),
});

export async function listScores(db: StateDb, sessionId: string, reader?: Reader): Promise<Score[]> {
  const filter = readableSql(reader, 'marking', 2);
  const rows = await db.query<Row>(
    `SELECT * FROM exercise_scores WHERE session_id = $1 AND ${filter.sql}
      ORDER BY inject_id, expectation_id, evaluator_id`,
    [sessionId, ...filter.params],
  );
  return rows.map(scoreOf);
}

/**
 * Stores a participant's answers once per session. With an anonymous questionnaire the answer row names no one;
 * the receipt, kept apart and without the answers, only stops a second submission.
 */
export async function submitAnswers(
  db: StateDb,
  sessionId: string,
  input: {
    userId: string;
    team: string | null;
    anonymous: boolean;
    answers: Record<string, string | number>;
    marking: Marking;
  },
): Promise<AnswerRecord> {
  return db.transaction(async (tx) => {
    const receipt = await tx.query(
      `INSERT INTO exercise_answer_receipts (session_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`,
      [sessionId, input.userId],
    );
    if (receipt.length === 0)
      throw new ChokepointError('conflict', 'you have already answered the questionnaire of this session', {
        field: 'answers',
      });
    const [row] = await tx.query<Row>(
      // An anonymous answer keeps only the day: a time to the second could be matched with the audit log.
      `INSERT INTO exercise_answers (id, session_id, respondent_id, team, answers, marking, created_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, CASE WHEN $7::boolean THEN date_trunc('day', now()) ELSE now() END)
       RETURNING *`,
      [
        randomUUID(),
        sessionId,
        input.anonymous ? null : input.userId,
        input.anonymous ? null : input.team,
        JSON.stringify(input.answers),
        JSON.stringify(input.marking),
        input.anonymous,
      ],
    );
    return answerOf(row);
  });
}

const answerOf = (r: Row): AnswerRecord => ({
  id: r.id as string,
  respondentId: (r.respondent_id as string | null) ?? null,
  team: (r.team as string | null) ?? null,
  answers: r.answers as Record<string, string | number>,
  marking: r.marking as Marking,
  createdAt: ts(r.created_at),
});

export async function listAnswers(db: StateDb, sessionId: string, reader?: Reader): Promise<AnswerRecord[]> {
  const filter = readableSql(reader, 'marking', 2);
  // Anonymous answers are listed in id order (random), not by time, so that order does not name a respondent.
  const rows = await db.query<Row>(
    `SELECT * FROM exercise_answers WHERE session_id = $1 AND ${filter.sql} ORDER BY id`,
    [sessionId, ...filter.params],
  );
  return rows.map(answerOf);
}
