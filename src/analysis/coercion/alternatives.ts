/**
 * Alternative partners for one product, ranked: other importers to sell to when a coercer closes its market, or
 * other exporters to buy from when it cuts supply. A simplified decision-support model of export opportunities
 * (Cuyvers et al., 2017, as used in ITC's export potential work): the size of a market and its growth, the share
 * the reporter already holds there, and how much of it the coercer supplies. Candidates are ranked by headroom —
 * the market not yet served by the reporter — then by growth:
 *
 *   headroom      H_j = V_j − F_j            (V: the partner's imports of the product, or its exports; F: with the reporter)
 *   reporterShare     = F_j / V_j
 *   coercerShare      = V_{j,C} / V_j         (the coercer's part of the partner's trade: for markets, competition
 *                                              from the coercer's own exports; for suppliers, the coercer as buyer)
 *   growth            = (V_j,t / V_j,t−n)^(1/n) − 1   (compound annual; null without the earlier year)
 */
export interface AlternativeCandidate {
  country: string;
  /** The partner's trade of the product in the year (imports for a market, exports for a supplier). */
  value: number;
  /** The same n years earlier, when known. */
  earlierValue?: number | null;
  /** Part of `value` traded with the reporter. */
  withReporter: number;
  /** Part of `value` traded with the coercer. */
  withCoercer: number;
}

export interface RankedAlternative {
  rank: number;
  country: string;
  value: number;
  headroom: number;
  reporterShare: number;
  coercerShare: number;
  growth: number | null;
}

export function rankAlternatives(
  candidates: readonly AlternativeCandidate[],
  years: number,
  options: { minGrowth?: number; limit?: number } = {},
): RankedAlternative[] {
  const rows = candidates
    .filter((c) => c.value > 0)
    .map((c) => {
      const earlier = c.earlierValue ?? null;
      const growth =
        earlier !== null && earlier > 0 && years > 0 ? (c.value / earlier) ** (1 / years) - 1 : null;
      return {
        country: c.country,
        value: c.value,
        headroom: Math.max(0, c.value - c.withReporter),
        reporterShare: c.withReporter / c.value,
        coercerShare: c.withCoercer / c.value,
        growth,
      };
    })
    .filter((r) => options.minGrowth === undefined || (r.growth !== null && r.growth >= options.minGrowth))
    .sort(
      (a, b) =>
        b.headroom - a.headroom ||
        (b.growth ?? -Infinity) - (a.growth ?? -Infinity) ||
        a.country.localeCompare(b.country),
    );
  return rows.slice(0, options.limit ?? rows.length).map((r, n) => ({ rank: n + 1, ...r }));
}
