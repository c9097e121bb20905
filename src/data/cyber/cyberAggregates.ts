import type { StateDb } from '../state/db.ts';
import { joinMarkings, publicMarking, type Marking } from '../../analysis/marking.ts';
import type { Framework } from '../../analysis/cyber/framework.ts';
import { levelsByRank } from '../../analysis/cyber/framework.ts';
import { scoreAssessment } from '../../analysis/cyber/starScore.ts';
import { suppressSmallCells, type ShownCell } from '../../analysis/cyber/smallCells.ts';
import type { Reader } from '../security/readContext.ts';
import { submittedAnswers } from './assessmentStore.ts';

/**
 * What the ministry sees of suppliers' self-assessments: per catalogue, how many organisations reached each level
 * (their latest submitted assessment), and per category how many have every requirement of it implemented —
 * each cell shown only with at least three contributing organisations (smallCells.ts). The result is marked with
 * the join of the level and compartments of what contributed (never with their releasability, which restricts
 * who reads an assessment, not whether it is counted).
 */
export interface CyberAggregate {
  framework: string;
  k: number;
  levels: ShownCell[];
  categories: ShownCell[];
  total: { organisations: number | null; value: number | null; suppressed: boolean };
  marking: Marking;
}

export async function cyberAggregate(
  db: StateDb,
  framework: Framework,
  reader: Reader | undefined,
  k = 3,
): Promise<CyberAggregate> {
  const all = await submittedAnswers(db, framework.id, reader);
  // One assessment per organisation (its most recently submitted one: submittedAnswers orders by submission).
  const perOrg = new Map<string, (typeof all)[number]>();
  for (const a of all) if (!perOrg.has(a.organisationId)) perOrg.set(a.organisationId, a);
  const scored = [...perOrg.values()].map((a) => ({
    org: a.organisationId,
    marking: a.marking,
    score: scoreAssessment(framework, a.answers),
  }));
  const levelCells = [
    { key: 'none', organisations: scored.filter((s) => s.score.level === null).length },
    ...levelsByRank(framework).map((l) => ({
      key: l.id,
      organisations: scored.filter((s) => s.score.level === l.id).length,
    })),
  ].map((c) => ({ ...c, value: c.organisations }));
  const categoryCells = framework.categories.map((c) => {
    const n = scored.filter((s) => {
      const cs = s.score.scores[c.id];
      return cs.applicable > 0 && cs.implemented === cs.applicable;
    }).length;
    return { key: c.id, organisations: n, value: n };
  });
  const levels = suppressSmallCells(levelCells, { organisations: scored.length, value: scored.length }, k);
  const categories = suppressSmallCells(categoryCells, null, k);
  const { level, compartments } = joinMarkings([publicMarking, ...scored.map((s) => s.marking)]);
  return {
    framework: framework.id,
    k,
    levels: levels.cells,
    categories: categories.cells,
    total: levels.total!,
    marking: { level, compartments, releasableTo: null },
  };
}
