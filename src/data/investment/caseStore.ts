import { randomUUID } from 'node:crypto';
import type { StateDb } from '../state/db.ts';
import { appendAudit } from '../security/auditLog.ts';
import { mayRead, recordObjectRead, type Reader } from '../security/readContext.ts';
import { readableSql } from '../security/markingSql.ts';
import { ChokepointError } from '../../errors.ts';
import type { Marking } from '../../analysis/marking.ts';
import { reviewEnds, type ReviewChange } from '../../analysis/investment/reviewPeriod.ts';
import { jsonValue, timeText } from '../exportControl/rowValues.ts';
import type { Actor } from '../exportControl/decisionStore.ts';
import { caseEventOf, insertCaseEvent, readableBy } from '../exportControl/caseStore.ts';
import { exportControlMarking, type MarkingChoice } from '../exportControl/marking.ts';
import type { FdiAssessmentReport } from './assessService.ts';
import type { FdiCaseInput } from './caseSchema.ts';

/**
 * Investment cases (migration 700): a notification with its assessment as made, the review period (accepted on,
 * ends on — 30 days, shortened or extended up to five months), reviewer, ministries consulted, outcome and trail.
 * Marked level 1 by default (lower only with a reason, as export-control records); reads skip what the reader may not read (filtered in SQL for lists), every change is
 * audited.
 */
export type InvestmentCaseStatus = 'received' | 'under-review' | 'extended' | 'concluded' | 'withdrawn';
export type InvestmentOutcome = 'clear' | 'clear-with-conditions' | 'recommend-change' | 'recommend-halt';
export const investmentCaseStatuses: InvestmentCaseStatus[] = [
  'received',
  'under-review',
  'extended',
  'concluded',
  'withdrawn',
];
export const investmentOutcomes: InvestmentOutcome[] = [
  'clear',
  'clear-with-conditions',
  'recommend-change',
  'recommend-halt',
];

export interface InvestmentCase {
  id: string;
  title: string;
  investor: string;
  target: string;
  caseInput: FdiCaseInput;
  assessment: FdiAssessmentReport;
  notification: 'prior' | 'post' | 'none';
  status: InvestmentCaseStatus;
  acceptedOn: string | null;
  reviewEndsOn: string | null;
  reviewChange: 'shortened' | 'extended' | null;
  reviewer: string | null;
  consultations: string[];
  outcome: InvestmentOutcome | null;
  outcomeNote: string | null;
  marking: Marking;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

const dateText = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : String(v).slice(0, 10);

function toCase(r: Record<string, unknown>): InvestmentCase {
  return {
    id: String(r.id),
    title: String(r.title),
    investor: String(r.investor),
    target: String(r.target),
    caseInput: jsonValue(r.case_input as FdiCaseInput),
    assessment: jsonValue(r.assessment as FdiAssessmentReport),
    notification: r.notification as InvestmentCase['notification'],
    status: r.status as InvestmentCaseStatus,
    acceptedOn: dateText(r.accepted_on),
    reviewEndsOn: dateText(r.review_ends_on),
    reviewChange: (r.review_change as InvestmentCase['reviewChange']) ?? null,
    reviewer: (r.reviewer as string | null) ?? null,
    consultations: jsonValue(r.consultations as string[]),
    outcome: (r.outcome as InvestmentOutcome | null) ?? null,
    outcomeNote: (r.outcome_note as string | null) ?? null,
    marking: jsonValue(r.marking as Marking),
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: timeText(r.created_at),
    updatedAt: timeText(r.updated_at),
  };
}

const event = (tx: StateDb, caseId: string, action: string, detail: Record<string, unknown>, actor: Actor) =>
  insertCaseEvent(tx, 'investment_case_events', caseId, action, detail, actor);

function endsOrThrow(acceptedOn: string, change?: ReviewChange): string {
  const r = reviewEnds(acceptedOn, change);
  if ('error' in r)
    throw new ChokepointError('bad_input', r.error, { field: change ? 'review' : 'acceptedOn' });
  return r.ends;
}

export async function openInvestmentCase(
  db: StateDb,
  input: {
    title?: string;
    caseInput: FdiCaseInput;
    assessment: FdiAssessmentReport;
    reviewer?: string | null;
  } & MarkingChoice,
  actor: Actor,
): Promise<InvestmentCase> {
  const marking = exportControlMarking(input);
  const acceptedOn = input.caseInput.acceptedOn ?? null;
  const ends = acceptedOn && input.assessment.notification === 'prior' ? endsOrThrow(acceptedOn) : null;
  const title = input.title?.trim() || `${input.caseInput.investor.name} → ${input.caseInput.target.name}`;
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Record<string, unknown>>(
      `INSERT INTO investment_cases (id, title, investor, target, case_input, assessment, notification, accepted_on,
         review_ends_on, reviewer, marking, created_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8::date, $9::date, $10, $11::jsonb, $12) RETURNING *`,
      [
        randomUUID(),
        title,
        input.caseInput.investor.name,
        input.caseInput.target.name,
        JSON.stringify(input.caseInput),
        JSON.stringify(input.assessment),
        input.assessment.notification,
        acceptedOn,
        ends,
        input.reviewer ?? null,
        JSON.stringify(marking),
        actor.name,
      ],
    );
    const created = toCase(row);
    await event(
      tx,
      created.id,
      'received',
      { notification: created.notification, reviewEndsOn: ends },
      actor,
    );
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: 'investment.case_opened',
      objectType: 'investment_case',
      objectId: created.id,
      marking: created.marking,
      details: {
        title,
        notification: created.notification,
        ...(input.belowDefaultReason && marking.level < 1 ? { reason: input.belowDefaultReason } : {}),
      },
    });
    return created;
  });
}

export async function getInvestmentCase(db: StateDb, id: string, reader?: Reader): Promise<InvestmentCase> {
  const [row] = await db.query<Record<string, unknown>>('SELECT * FROM investment_cases WHERE id = $1', [id]);
  const found = row ? toCase(row) : undefined;
  if (!found || !readableBy(reader, found.marking))
    throw new ChokepointError('not_found', 'investment case not found', { field: 'case' });
  recordObjectRead('investment_case', found.id, found.marking);
  return found;
}

/**
 * Cases the reader may read (filtered in SQL: pages and totals count only those): by status and reviewer;
 * `open` keeps the cases not concluded or withdrawn, `withDeadline` those with a review deadline; ordered by the review deadline (soonest first, none last).
 */
export async function listInvestmentCases(
  db: StateDb,
  filter: {
    status?: InvestmentCaseStatus;
    reviewer?: string;
    open?: boolean;
    withDeadline?: boolean;
    reader?: Reader;
  } = {},
): Promise<InvestmentCase[]> {
  const readable = readableSql(filter.reader, 'marking', 5);
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM investment_cases
      WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR reviewer = $2)
        AND (NOT $3::boolean OR status NOT IN ('concluded', 'withdrawn'))
        AND (NOT $4::boolean OR review_ends_on IS NOT NULL) AND ${readable.sql}
      ORDER BY review_ends_on ASC NULLS LAST, updated_at DESC, id`,
    [
      filter.status ?? null,
      filter.reviewer ?? null,
      filter.open ?? false,
      filter.withDeadline ?? false,
      ...readable.params,
    ],
  );
  const cases = rows.map(toCase).filter((c) => mayRead(c.marking));
  for (const c of cases) recordObjectRead('investment_case', c.id, c.marking);
  return cases;
}

export interface InvestmentCaseChange {
  status?: InvestmentCaseStatus;
  reviewer?: string | null;
  acceptedOn?: string;
  review?: ReviewChange;
  consultations?: string[];
  outcome?: InvestmentOutcome;
  outcomeNote?: string;
}

/** Applies a change (status, reviewer, acceptance, shortened/extended review, consultations, outcome), trailed and audited. */
export async function updateInvestmentCase(
  db: StateDb,
  id: string,
  change: InvestmentCaseChange,
  actor: Actor,
  reader?: Reader,
): Promise<InvestmentCase> {
  const before = await getInvestmentCase(db, id, reader);
  const acceptedOn = change.acceptedOn ?? before.acceptedOn;
  if (change.review && !acceptedOn)
    throw new ChokepointError('bad_input', 'set acceptedOn before shortening or extending the review', {
      field: 'review',
    });
  const ends =
    acceptedOn && (change.acceptedOn || change.review)
      ? endsOrThrow(acceptedOn, change.review)
      : before.reviewEndsOn;
  const status =
    change.status ??
    (change.review?.kind === 'extended' ? 'extended' : change.outcome ? 'concluded' : before.status);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Record<string, unknown>>(
      `UPDATE investment_cases
          SET status = $2, reviewer = CASE WHEN $3::boolean THEN $4 ELSE reviewer END,
              accepted_on = $5::date, review_ends_on = $6::date, review_change = COALESCE($7, review_change),
              consultations = COALESCE($8::jsonb, consultations), outcome = COALESCE($9, outcome),
              outcome_note = COALESCE($10, outcome_note), updated_at = now()
        WHERE id = $1 RETURNING *`,
      [
        id,
        status,
        change.reviewer !== undefined,
        change.reviewer ?? null,
        acceptedOn,
        ends,
        change.review?.kind ?? null,
        change.consultations ? JSON.stringify(change.consultations) : null,
        change.outcome ?? null,
        change.outcomeNote ?? null,
      ],
    );
    const after = toCase(row);
    const detail: Record<string, unknown> = {};
    if (after.status !== before.status) detail.status = { from: before.status, to: after.status };
    if (after.reviewer !== before.reviewer) detail.reviewer = { from: before.reviewer, to: after.reviewer };
    if (after.reviewEndsOn !== before.reviewEndsOn)
      detail.reviewEndsOn = {
        from: before.reviewEndsOn,
        to: after.reviewEndsOn,
        change: change.review?.kind ?? 'accepted',
      };
    if (change.consultations) detail.consultations = after.consultations;
    if (change.outcome) detail.outcome = after.outcome;
    await event(tx, id, 'updated', detail, actor);
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.name,
      action: 'investment.case_updated',
      objectType: 'investment_case',
      objectId: id,
      marking: after.marking,
      details: detail,
    });
    return after;
  });
}

export async function investmentCaseEvents(db: StateDb, id: string, reader?: Reader) {
  await getInvestmentCase(db, id, reader);
  const rows = await db.query<Record<string, unknown>>(
    'SELECT * FROM investment_case_events WHERE case_id = $1 ORDER BY id',
    [id],
  );
  return rows.map(caseEventOf);
}
