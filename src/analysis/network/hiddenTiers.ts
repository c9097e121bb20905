import type { SupplyGraph } from './supplyGraph.ts';

/**
 * Hidden tiers, estimated (docs/network.md § Hidden tiers): where a company names a tier-1 supplier in country X
 * for product k but not its suppliers, the likely tier-2 countries are those X imports k's inputs from.
 *
 * k's inputs are taken from the submissions themselves — the products of the tier-2 lines companies did report
 * under k, weighted by the supply that flows through them (no HS-level input concordance exists on the platform;
 * the 13-sector IO concordance would name whole sectors):
 *
 *   α_j = Σ w(e) over tier-2 edges e under k buying j / Σ w(e) over all tier-2 edges under k
 *
 * and X's imports of each input j by partner c from trade data, s_X(j, c) = M[X, j, c] / Σ_c M[X, j, c]:
 *
 *   estimate(c) = Σ_j α_j · s_X(j, c) / Σ_{j with trade data} α_j
 *
 * An estimate, not a finding: it assumes the tier-1 supplier sources its inputs like its country's importers.
 */
export interface InputShare {
  hs6: string;
  weight: number;
  /** Distinct companies whose tier-2 lines name the input. */
  companies: number;
  contributors: number[];
}

export function inputMix(g: SupplyGraph, p: number): InputShare[] {
  const byInput = new Map<number, { weight: number; companies: Set<number> }>();
  let total = 0;
  for (let i = g.productStart[p]; i < g.productStart[p + 1]; i++) {
    const e = g.order[i];
    if (g.tier[e] !== 2) continue;
    let cell = byInput.get(g.ownProduct[e]);
    if (!cell) byInput.set(g.ownProduct[e], (cell = { weight: 0, companies: new Set() }));
    cell.weight += g.weight[e];
    cell.companies.add(g.company[e]);
    total += g.weight[e];
  }
  return [...byInput.entries()]
    .map(([j, c]) => ({
      hs6: g.products[j],
      weight: total > 0 ? c.weight / total : 0,
      companies: c.companies.size,
      contributors: [...c.companies],
    }))
    .sort((a, b) => b.weight - a.weight || a.hs6.localeCompare(b.hs6));
}

export interface CountryEstimate {
  country: string;
  share: number;
}

export function estimateTier2Countries(
  mix: readonly { hs6: string; weight: number }[],
  importShares: ReadonlyMap<string, readonly { partner: string; share: number }[]>,
): { countries: CountryEstimate[]; covered: number } {
  const acc = new Map<string, number>();
  let covered = 0;
  for (const input of mix) {
    const shares = importShares.get(input.hs6);
    if (!shares?.length) continue;
    covered += input.weight;
    for (const s of shares) acc.set(s.partner, (acc.get(s.partner) ?? 0) + input.weight * s.share);
  }
  const countries = [...acc.entries()]
    .map(([country, v]) => ({ country, share: covered > 0 ? v / covered : 0 }))
    .sort((a, b) => b.share - a.share || a.country.localeCompare(b.country));
  return { countries, covered };
}
