import {
  levelsByRank,
  type Answer,
  type Framework,
  type FrameworkLevel,
  type Localized,
  type Requirement,
} from './framework.ts';

/**
 * Scoring a self-assessment against a catalogue with levels (★3/★4 of the METI/IPA supply-chain security
 * evaluation scheme, or any catalogue in the same format).
 *
 * - Level reached: the highest level L such that every requirement of L and of every lower level is answered
 *   `implemented` (or `not_applicable`). The scheme states conformity per level as meeting all of its
 *   requirements (★3: all 25 items by self-assessment; ★4: all 44 by third-party assessment — METI interim report
 *   of 2025-04-14 as summarised in docs/cyber.md); `partial` does not count towards a level.
 * - Score per category: (implemented + ½ partial) / applicable requirements, over the requirements up to the
 *   highest level of the catalogue; not_applicable ones are left out, unanswered ones count as not implemented.
 *   The ½ for partial is chokepoint's convention for showing progress, not the scheme's (it has no partial
 *   credit); it never changes the level reached.
 * - Gaps: every requirement up to the target level (default: the next level above the one reached) that is not
 *   implemented, with the measures that close it, ordered by level, then category, then id.
 */
export interface CategoryScore {
  category: string;
  name: Localized;
  applicable: number;
  implemented: number;
  partial: number;
  notImplemented: number;
  notApplicable: number;
  unanswered: number;
  /** (implemented + ½ partial) / applicable, or null when nothing applies. */
  score: number | null;
}

export interface Gap {
  requirement: string;
  category: string;
  level: string;
  answer: 'partial' | 'not_implemented' | 'unanswered';
  text: Localized;
  measures: Localized[];
  source: string;
}

export interface AssessmentScore {
  framework: string;
  /** Id of the highest level reached, or null. */
  level: string | null;
  levelName: Localized | null;
  targetLevel: string | null;
  scores: Record<string, CategoryScore>;
  overall: { applicable: number; implemented: number; partial: number; score: number | null };
  gaps: Gap[];
}

export class ScoringError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export function scoreAssessment(
  framework: Framework,
  answers: Readonly<Record<string, Answer>>,
  options: { targetLevel?: string } = {},
): AssessmentScore {
  if (framework.requirements.length === 0)
    throw new ScoringError(
      `catalogue ${framework.id} ships no requirement texts (${framework.missing.join('; ') || 'none published'}): import the official catalogue first`,
      'framework',
    );
  const known = new Set(framework.requirements.map((r) => r.id));
  for (const id of Object.keys(answers))
    if (!known.has(id))
      throw new ScoringError(`catalogue ${framework.id} has no requirement "${id}"`, `answers.${id}`);
  const levels = levelsByRank(framework);
  const rankOf = new Map(levels.map((l) => [l.id, l.rank]));
  const answerOf = (r: Requirement) => answers[r.id]?.answer;

  // Level reached: walk up while every requirement of the level is implemented or not applicable.
  let reached: FrameworkLevel | null = null;
  for (const level of levels) {
    const required = framework.requirements.filter((r) => rankOf.get(r.level) === level.rank);
    if (required.every((r) => answerOf(r) === 'implemented' || answerOf(r) === 'not_applicable'))
      reached = level;
    else break;
  }

  const scores: Record<string, CategoryScore> = {};
  for (const c of framework.categories)
    scores[c.id] = {
      category: c.id,
      name: c.name,
      applicable: 0,
      implemented: 0,
      partial: 0,
      notImplemented: 0,
      notApplicable: 0,
      unanswered: 0,
      score: null,
    };
  for (const r of framework.requirements) {
    const s = scores[r.category];
    const a = answerOf(r);
    if (a === 'not_applicable') {
      s.notApplicable++;
      continue;
    }
    s.applicable++;
    if (a === 'implemented') s.implemented++;
    else if (a === 'partial') s.partial++;
    else if (a === 'not_implemented') s.notImplemented++;
    else s.unanswered++;
  }
  const ratio = (implemented: number, partial: number, applicable: number) =>
    applicable === 0 ? null : (implemented + partial / 2) / applicable;
  for (const s of Object.values(scores)) s.score = ratio(s.implemented, s.partial, s.applicable);
  const totals = Object.values(scores).reduce(
    (t, s) => ({
      applicable: t.applicable + s.applicable,
      implemented: t.implemented + s.implemented,
      partial: t.partial + s.partial,
    }),
    { applicable: 0, implemented: 0, partial: 0 },
  );

  let target: FrameworkLevel | undefined;
  if (options.targetLevel !== undefined) {
    target = levels.find((l) => l.id === options.targetLevel);
    if (!target)
      throw new ScoringError(
        `catalogue ${framework.id} has no level "${options.targetLevel}" (levels: ${levels.map((l) => l.id).join(', ')})`,
        'targetLevel',
      );
  } else {
    target = reached ? levels.find((l) => l.rank > reached!.rank) : levels[0];
  }
  const categoryOrder = new Map(framework.categories.map((c, i) => [c.id, i]));
  const gaps: Gap[] = target
    ? framework.requirements
        .filter((r) => rankOf.get(r.level)! <= target!.rank)
        .filter((r) => answerOf(r) !== 'implemented' && answerOf(r) !== 'not_applicable')
        .sort(
          (a, b) =>
            rankOf.get(a.level)! - rankOf.get(b.level)! ||
            categoryOrder.get(a.category)! - categoryOrder.get(b.category)! ||
            a.id.localeCompare(b.id, 'en', { numeric: true }),
        )
        .map((r) => ({
          requirement: r.id,
          category: r.category,
          level: r.level,
          answer: (answerOf(r) ?? 'unanswered') as Gap['answer'],
          text: r.text,
          measures: r.measures,
          source: r.source,
        }))
    : [];

  return {
    framework: framework.id,
    level: reached?.id ?? null,
    levelName: reached?.name ?? null,
    targetLevel: target?.id ?? null,
    scores,
    overall: { ...totals, score: ratio(totals.implemented, totals.partial, totals.applicable) },
    gaps,
  };
}
