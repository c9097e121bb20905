import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import type { Marking } from '../../analysis/marking.ts';
import { notFound } from '../../errors.ts';
import { countableSql, readableSql } from '../security/markingSql.ts';
import type { Reader } from '../security/readContext.ts';
import type { Answer, AnswerValue } from '../../analysis/cyber/framework.ts';

/** Self-assessments and their answers (migration 800): answers are saved one at a time, as the company answers. */
export interface AssessmentSummary {
  id: string;
  frameworkId: string;
  organisationId: string;
  title: string;
  status: 'draft' | 'submitted';
  marking: Marking;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

export interface StoredAnswer extends Answer {
  requirementId: string;
  updatedBy: string | null;
  updatedAt: string;
}

type Row = Record<string, unknown>;
const ts = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
const summaryOf = (r: Row): AssessmentSummary => ({
  id: r.id as string,
  frameworkId: r.framework_id as string,
  organisationId: r.organisation_id as string,
  title: r.title as string,
  status: r.status as AssessmentSummary['status'],
  marking: r.marking as Marking,
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: ts(r.created_at),
  updatedAt: ts(r.updated_at),
  submittedAt: r.submitted_at ? ts(r.submitted_at) : null,
});

export async function createAssessment(
  db: StateDb,
  input: {
    frameworkId: string;
    organisationId: string;
    title: string;
    marking: Marking;
    userId: string | null;
  },
): Promise<AssessmentSummary> {
  const [row] = await db.query(
    `INSERT INTO cyber_assessments (id, framework_id, organisation_id, title, marking, created_by) VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING *`,
    [
      randomUUID(),
      input.frameworkId,
      input.organisationId,
      input.title,
      JSON.stringify(input.marking),
      input.userId,
    ],
  );
  return summaryOf(row);
}

export async function getAssessment(
  db: StateDb,
  id: string,
): Promise<(AssessmentSummary & { answers: StoredAnswer[] }) | undefined> {
  const [row] = await db.query('SELECT * FROM cyber_assessments WHERE id = $1', [id]);
  if (!row) return undefined;
  const answers = await db.query(
    'SELECT * FROM cyber_answers WHERE assessment_id = $1 ORDER BY requirement_id',
    [id],
  );
  return {
    ...summaryOf(row),
    answers: answers.map((a) => ({
      requirementId: a.requirement_id as string,
      answer: a.answer as AnswerValue,
      evidence: (a.evidence as string[]) ?? [],
      comment: (a.comment as string | null) ?? undefined,
      updatedBy: (a.updated_by as string | null) ?? null,
      updatedAt: ts(a.updated_at),
    })),
  };
}

export async function listAssessments(
  db: StateDb,
  reader?: Reader,
  page: { limit: number; offset: number } = { limit: 100, offset: 0 },
): Promise<{ items: AssessmentSummary[]; total: number }> {
  const filter = readableSql(reader, 'a.marking', 1);
  const n = filter.params.length;
  const rows = await db.query(
    `SELECT * FROM cyber_assessments a WHERE ${filter.sql} ORDER BY a.updated_at DESC, a.id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...filter.params, page.limit, page.offset],
  );
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cyber_assessments a WHERE ${filter.sql}`,
    filter.params,
  );
  return { items: rows.map(summaryOf), total: Number(count.n) };
}

/** Saves one answer (insert or replace); the assessment's updated_at moves with it. */
export async function saveAnswer(
  db: StateDb,
  assessmentId: string,
  requirementId: string,
  answer: Answer,
  userId: string | null,
): Promise<StoredAnswer> {
  return db.transaction(async (tx) => {
    const touched = await tx.query(
      'UPDATE cyber_assessments SET updated_at = now() WHERE id = $1 RETURNING id',
      [assessmentId],
    );
    if (touched.length === 0) throw notFound('assessment not found', { field: 'id' });
    const [row] = await tx.query(
      `INSERT INTO cyber_answers (assessment_id, requirement_id, answer, evidence, comment, updated_by) VALUES ($1, $2, $3, $4::jsonb, $5, $6)
       ON CONFLICT (assessment_id, requirement_id) DO UPDATE SET answer = EXCLUDED.answer, evidence = EXCLUDED.evidence,
         comment = EXCLUDED.comment, updated_by = EXCLUDED.updated_by, updated_at = now() RETURNING *`,
      [
        assessmentId,
        requirementId,
        answer.answer,
        JSON.stringify(answer.evidence ?? []),
        answer.comment ?? null,
        userId,
      ],
    );
    return {
      requirementId,
      answer: row.answer as AnswerValue,
      evidence: row.evidence as string[],
      comment: (row.comment as string | null) ?? undefined,
      updatedBy: (row.updated_by as string | null) ?? null,
      updatedAt: ts(row.updated_at),
    };
  });
}

export async function setAssessment(
  db: StateDb,
  id: string,
  change: { marking?: Marking; submit?: boolean },
): Promise<AssessmentSummary> {
  const [row] = await db.query(
    `UPDATE cyber_assessments SET marking = COALESCE($2::jsonb, marking),
       status = CASE WHEN $3::boolean THEN 'submitted' ELSE status END,
       submitted_at = CASE WHEN $3::boolean THEN now() ELSE submitted_at END, updated_at = now()
     WHERE id = $1 RETURNING *`,
    [id, change.marking ? JSON.stringify(change.marking) : null, Boolean(change.submit)],
  );
  if (!row) throw notFound('assessment not found', { field: 'id' });
  return summaryOf(row);
}

/**
 * Submitted assessments of a catalogue with their answers, for aggregates: those the reader may count
 * (countableSql: level and compartments only).
 */
export async function submittedAnswers(
  db: StateDb,
  frameworkId: string,
  reader: Reader | undefined,
): Promise<{ id: string; organisationId: string; marking: Marking; answers: Record<string, Answer> }[]> {
  const filter = countableSql(reader, 'a.marking', 1);
  const n = filter.params.length;
  const rows = await db.query(
    `SELECT a.id, a.organisation_id, a.marking, r.requirement_id, r.answer FROM cyber_assessments a
       LEFT JOIN cyber_answers r ON r.assessment_id = a.id
      WHERE a.status = 'submitted' AND a.framework_id = $${n + 1} AND ${filter.sql} ORDER BY a.submitted_at DESC, a.id`,
    [...filter.params, frameworkId],
  );
  const byId = new Map<
    string,
    { id: string; organisationId: string; marking: Marking; answers: Record<string, Answer> }
  >();
  for (const r of rows) {
    let a = byId.get(r.id as string);
    if (!a)
      byId.set(
        r.id as string,
        (a = {
          id: r.id as string,
          organisationId: r.organisation_id as string,
          marking: r.marking as Marking,
          answers: {},
        }),
      );
    if (r.requirement_id) a.answers[r.requirement_id as string] = { answer: r.answer as AnswerValue };
  }
  return [...byId.values()];
}
