import type { Catalog } from '../catalog/catalog.ts';
import type { StateDb } from '../state/db.ts';
import type { Reader } from '../security/readContext.ts';
import { ChokepointError } from '../../errors.ts';
import {
  priorReportKinds,
  reviewProblem,
  statusAfterReview,
  type PriorReportKind,
  type PriorReportReview,
  type ReviewOutcome,
} from '../../analysis/exportControl/priorReport.ts';
import { getCase, openCase, replaceCaseResult, type ExportControlCase } from './caseStore.ts';
import type { Actor } from './decisionStore.ts';
import { exportCheck, type ExportCheckResult } from './exportCheckService.ts';
import type { StoredInform } from './informStore.ts';
import type { MarkingChoice } from './marking.ts';

/**
 * Prior reports (事前報告) kept as cases of kind `prior-report`: the report is the case's subject; its result is the
 * check made when it arrived — the transaction check of the technology's control-list entry (default 16, the
 * catch-all) to the destination for the counterparty, which screens the counterparty and applies the inform
 * notices — and the reviews, newest last. Reviewing moves the case's status (analysis/exportControl/priorReport.ts).
 */
export interface PriorReportInput {
  kind: PriorReportKind;
  company: string;
  technology: string;
  /** The registry entry (critical good or technology) the technology belongs to, when known. */
  registryEntry?: string;
  /** The technology's entry of 別表第一 or an HS code; default 16 (catch-all). */
  item?: string;
  destination: string;
  counterparty?: string;
  plannedOn?: string;
  description?: string;
}

export interface PriorReportResult {
  check: ExportCheckResult;
  reviews: PriorReportReview[];
}

/** The check a prior report gets when it arrives (validating the report first); the route marks the case by it. */
export function priorReportCheck(
  catalog: Catalog,
  input: PriorReportInput,
  informs: readonly StoredInform[],
): ExportCheckResult {
  if (!(input.kind in priorReportKinds))
    throw new ChokepointError(
      'bad_input',
      `kind must be one of ${Object.keys(priorReportKinds).join(', ')}`,
      {
        field: 'kind',
      },
    );
  for (const field of ['company', 'technology'] as const)
    if (!input[field].trim())
      throw new ChokepointError('bad_input', `a prior report names the ${field}`, { field });
  return exportCheck(
    catalog,
    {
      item: input.item?.trim() || '16',
      destination: input.destination,
      endUser: input.counterparty?.trim() || undefined,
      exporter: input.company,
      on: input.plannedOn,
    },
    informs,
  );
}

/** Opens the report's case (status open, no review yet) with the check made when it arrived. */
export async function openPriorReport(
  db: StateDb,
  input: PriorReportInput,
  check: ExportCheckResult,
  choice: MarkingChoice,
  actor: Actor,
): Promise<ExportControlCase> {
  const result: PriorReportResult = { check, reviews: [] };
  return openCase(
    db,
    {
      kind: 'prior-report',
      title: `${input.company}: ${input.technology} → ${check.destination}`,
      subject: input,
      result,
      ...choice,
    },
    actor,
  );
}

export async function reviewPriorReport(
  db: StateDb,
  id: string,
  review: { outcome: ReviewOutcome; reason: string; conditions?: string[] },
  actor: Actor,
  reader?: Reader,
): Promise<ExportControlCase> {
  const found = await getCase(db, id, reader);
  if (found.kind !== 'prior-report')
    throw new ChokepointError('bad_input', `case ${id} is a ${found.kind}, not a prior report`, {
      field: 'id',
    });
  if (found.status === 'closed')
    throw new ChokepointError('conflict', 'the review of this prior report is closed', { field: 'outcome' });
  const conditions = (review.conditions ?? []).map((c) => c.trim()).filter(Boolean);
  const problem = reviewProblem({ outcome: review.outcome, conditions });
  if (problem) throw new ChokepointError('bad_input', problem, { field: 'conditions' });
  if (!review.reason.trim())
    throw new ChokepointError('bad_input', 'a review gives its reason', { field: 'reason' });
  const kept = found.result as PriorReportResult;
  const added: PriorReportReview = {
    outcome: review.outcome,
    reason: review.reason.trim(),
    conditions,
    by: actor.name,
    at: new Date().toISOString(),
  };
  return replaceCaseResult(
    db,
    id,
    { ...kept, reviews: [...(kept.reviews ?? []), added] },
    { outcome: added.outcome, reason: added.reason, conditions },
    actor,
    { action: 'reviewed', status: statusAfterReview(review.outcome), reader },
  );
}
