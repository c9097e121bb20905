/**
 * Prior reports (事前報告, issue 20): a company tells the authority in advance that it will move a factory abroad,
 * transfer or license a technology, or enter a joint venture abroad — the technology-management scheme's answer to
 * leakage through investment rather than through exports of goods. The report is reviewed: the reviewer asks for
 * more information, has no objection, sets conditions, or recommends changing or stopping the plan (勧告); the
 * company may withdraw it. Each outcome moves the report's case to a status (pure rules here; the store keeps them).
 */
export type PriorReportKind = 'overseas-factory' | 'technology-transfer' | 'licensing' | 'joint-venture';
export type ReviewOutcome =
  'more-information' | 'no-objection' | 'conditions' | 'recommendation' | 'withdrawn';
export type ReviewStatus = 'in-review' | 'escalated' | 'closed';

export const priorReportKinds: Record<PriorReportKind, { ja: string; en: string }> = {
  'overseas-factory': { ja: '海外工場の設置・移転', en: 'overseas factory (new or moved)' },
  'technology-transfer': { ja: '技術移転', en: 'technology transfer' },
  licensing: { ja: 'ライセンス供与', en: 'licensing' },
  'joint-venture': { ja: '海外合弁', en: 'joint venture abroad' },
};

export const reviewOutcomes: Record<ReviewOutcome, { ja: string; en: string; status: ReviewStatus }> = {
  'more-information': { ja: '追加情報の求め', en: 'more information requested', status: 'in-review' },
  'no-objection': { ja: '異議なし', en: 'no objection', status: 'closed' },
  conditions: { ja: '条件付きで異議なし', en: 'no objection, with conditions', status: 'closed' },
  // A recommendation goes up: whether the company follows it is for the authority to decide next.
  recommendation: {
    ja: '計画の変更・中止の勧告',
    en: 'recommendation to change or stop the plan',
    status: 'escalated',
  },
  withdrawn: { ja: '取下げ', en: 'withdrawn by the company', status: 'closed' },
};

export interface PriorReportReview {
  outcome: ReviewOutcome;
  reason: string;
  conditions: string[];
  by: string | null;
  at: string;
}

/** The status a report's case takes after a review with this outcome. */
export function statusAfterReview(outcome: ReviewOutcome): ReviewStatus {
  return reviewOutcomes[outcome].status;
}

/** A review with conditions must name them; any other outcome must not (so a record never says less than it did). */
export function reviewProblem(review: {
  outcome: ReviewOutcome;
  conditions: readonly string[];
}): string | null {
  const named = review.conditions.filter((c) => c.trim()).length;
  if (review.outcome === 'conditions' && named === 0)
    return 'a review with conditions names at least one condition';
  if (review.outcome !== 'conditions' && named > 0)
    return `conditions belong to the outcome "conditions", not "${review.outcome}"`;
  return null;
}
