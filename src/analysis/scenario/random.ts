/**
 * Seeded pseudo-random numbers for Monte Carlo runs (mulberry32, T. Ettinger 2017: a 32-bit generator with full
 * period 2³², ample for a few thousand draws), so a scenario run with the same seed gives the same ranges.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An uncertain parameter: drawn uniformly from [low, high]; low = high when it is certain. */
export interface Range {
  low: number;
  high: number;
}

export const fixed = (v: number): Range => ({ low: v, high: v });
export const midpoint = (r: Range): number => (r.low + r.high) / 2;
export const draw = (r: Range, random: () => number): number => r.low + (r.high - r.low) * random();

/** The p-quantile (0–1) of values by linear interpolation between order statistics (Hyndman & Fan 1996, type 7). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** A figure with its central value (all parameters at their midpoints) and its Monte Carlo range. */
export interface Ranged {
  value: number;
  p5: number;
  p50: number;
  p95: number;
}

export function ranged(value: number, draws: number[]): Ranged {
  const sorted = Float64Array.from(draws).sort();
  if (sorted.length === 0) return { value, p5: value, p50: value, p95: value };
  return { value, p5: quantile(sorted, 0.05), p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
}
