/**
 * Number of suppliers needed to reach a cumulative share (e.g. 75 % of imports): the smallest n such that the
 * n largest shares sum to ≥ `target`. A tolerance of 1e-9 keeps 0.25 + 0.5 from failing 0.75 on rounding.
 * 0 for an empty input or a target ≤ 0.
 */
export const cumulativeTolerance = 1e-9;

export function countriesTo(shares: ArrayLike<number>, target: number): number {
  if (target <= 0) return 0;
  const sorted = Array.from(shares).sort((a, b) => b - a);
  let cumulative = 0;
  for (let n = 0; n < sorted.length; n++) {
    if (cumulative >= target - cumulativeTolerance) return n;
    cumulative += sorted[n];
  }
  return sorted.length;
}
