/**
 * Markings and clearances (PRODUCT.md §3.9; OpenCTI-style markings, dominance as in multi-level security).
 * A user reads an object only if: clearance level ≥ marking level, user compartments ⊇ marking compartments,
 * and (marking.releasableTo is null — unrestricted — or the user's organisation is in it).
 */
export type MarkingLevel = 0 | 1 | 2 | 3;

export const markingLevelNames: Record<MarkingLevel, { ja: string; en: string }> = {
  0: { ja: '公開', en: 'public' },
  1: { ja: '取扱注意', en: 'restricted' },
  2: { ja: '秘', en: 'confidential' },
  3: { ja: '重要経済安保情報', en: 'critical economic-security information' },
};

export interface Marking {
  level: MarkingLevel;
  compartments: string[];
  /** Organisation ids the object may be released to; null = no restriction. */
  releasableTo: string[] | null;
}

export interface Clearance {
  level: MarkingLevel;
  compartments: string[];
  organisationId: string;
}

export const publicMarking: Marking = { level: 0, compartments: [], releasableTo: null };

export function canRead(clearance: Clearance, marking: Marking): boolean {
  if (clearance.level < marking.level) return false;
  const held = new Set(clearance.compartments);
  if (!marking.compartments.every((c) => held.has(c))) return false;
  return marking.releasableTo === null || marking.releasableTo.includes(clearance.organisationId);
}

/** Join (least upper bound) of markings: max level, union of compartments, intersection of releasable sets. */
export function joinMarkings(markings: Marking[]): Marking {
  const level = Math.max(0, ...markings.map((m) => m.level)) as MarkingLevel;
  const compartments = [...new Set(markings.flatMap((m) => m.compartments))].sort();
  const restricted = markings.map((m) => m.releasableTo).filter((r): r is string[] => r !== null);
  const releasableTo =
    restricted.length === 0
      ? null
      : restricted.reduce((common, orgs) => common.filter((o) => orgs.includes(o))).slice().sort();
  return { level, compartments, releasableTo };
}

/** True when `a` is at least as restrictive as `b` (a dominates b). */
export function dominates(a: Marking, b: Marking): boolean {
  const joined = joinMarkings([a, b]);
  return (
    joined.level === a.level &&
    joined.compartments.length === a.compartments.length &&
    JSON.stringify(joined.releasableTo) === JSON.stringify(a.releasableTo)
  );
}
