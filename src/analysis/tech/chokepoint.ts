/**
 * Choke-point flags for a good or technology (PRODUCT.md §3.7; METI action plan 2024: 不可欠性 and 対外依存):
 * - dependence: world supply (exports or patents) is concentrated AND the reporter's own share is low —
 *   the reporter cannot supply itself and few others can;
 * - indispensability (不可欠性): the reporter holds a leading share — others depend on it.
 * Thresholds are parameters so that a rule set can edit them; defaults follow common screening practice
 * (HHI > 0.25 "highly concentrated", US DoJ/FTC 2023 merger guidelines scale; top supplier > 50 %).
 */
export interface ChokepointThresholds {
  /** World HHI at or above which supply counts as concentrated. */
  concentratedHhi: number;
  /** …or a top-country share at or above this. */
  concentratedTopShare: number;
  /** Reporter's own share below which it counts as low. */
  lowOwnShare: number;
  /** Reporter's share at or above which it counts as leading… */
  leadingShare: number;
  /** …or its rank at or above this (1 = first). */
  leadingRank: number;
}

export const defaultChokepointThresholds: ChokepointThresholds = {
  concentratedHhi: 0.25,
  concentratedTopShare: 0.5,
  lowOwnShare: 0.05,
  leadingShare: 0.2,
  leadingRank: 1,
};

export interface ChokepointInput {
  worldHhi: number | null;
  worldTopShare: number | null;
  reporterShare: number | null;
  /** 1 = largest; null when the reporter has none. */
  reporterRank: number | null;
}

export interface ChokepointFlags {
  concentrated: boolean | null;
  dependence: boolean | null;
  indispensability: boolean | null;
}

export function chokepointFlags(
  input: ChokepointInput,
  t: ChokepointThresholds = defaultChokepointThresholds,
): ChokepointFlags {
  const known = input.worldHhi !== null || input.worldTopShare !== null;
  const concentrated = known
    ? (input.worldHhi ?? 0) >= t.concentratedHhi || (input.worldTopShare ?? 0) >= t.concentratedTopShare
    : null;
  const own = input.reporterShare;
  return {
    concentrated,
    dependence: concentrated === null || own === null ? null : concentrated && own < t.lowOwnShare,
    indispensability:
      own === null
        ? null
        : own >= t.leadingShare || (input.reporterRank !== null && input.reporterRank <= t.leadingRank),
  };
}
