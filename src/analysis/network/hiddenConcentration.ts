import type { SupplyGraph } from './supplyGraph.ts';

/**
 * Hidden concentration (docs/network.md § Hidden concentration): companies that each believe they are diversified
 * — they buy product k from different tier-1 suppliers — may all depend on the same tier-2+ supplier entity or the
 * same region further up. For a node y at tier ≥ 2 (an entity, or the country of the supplier's site) and root
 * product k:
 *
 *   companies(y, k) = distinct companies with a tier ≥ 2 edge on y under k
 *   tier1s(y, k)    = distinct tier-1 entities those edges hang under
 *   dependence(y,k) = Σ w(e) over those edges (no ancestor already on y) / known(k)
 *
 * y is a hidden concentration when tier1s ≥ 2 (the convergence is invisible from any one tier-1) and
 * companies ≥ 2; rows are ranked by dependence. (The notion follows the "hidden" tier-2 dependencies of
 * Choi & Hong, "Unveiling the structure of supply networks", J. Oper. Management 20, 2002, and the tier-n
 * mapping practice of the METI/JETRO supply-chain visualisation guidance.)
 */
export type ConcentrationKind = 'entity' | 'country';

export interface ConcentrationRow {
  kind: ConcentrationKind;
  /** Index into graph.entities or graph.countries. */
  node: number;
  product: number;
  companies: number;
  tier1s: number;
  dependence: number;
  /** The companies (indices), for the disclosure rule. */
  contributors: number[];
}

/** The tier-1 ancestor of edge e. */
function rootOf(g: SupplyGraph, e: number): number {
  let r = e;
  while (g.parent[r] >= 0) r = g.parent[r];
  return r;
}

export function hiddenConcentration(
  g: SupplyGraph,
  p: number,
  kind: ConcentrationKind,
  minTier1s = 2,
): ConcentrationRow[] {
  const node = kind === 'entity' ? g.entity : g.country;
  const known = g.known[p];
  if (!(known > 0)) return [];
  const acc = new Map<number, { companies: Set<number>; tier1s: Set<number>; weight: number }>();
  for (let i = g.productStart[p]; i < g.productStart[p + 1]; i++) {
    const e = g.order[i];
    if (g.tier[e] < 2) continue;
    const y = node[e];
    let a = g.parent[e];
    while (a >= 0 && !(g.tier[a] >= 2 && node[a] === y)) a = g.parent[a];
    if (a >= 0) continue;
    let cell = acc.get(y);
    if (!cell) acc.set(y, (cell = { companies: new Set(), tier1s: new Set(), weight: 0 }));
    cell.companies.add(g.company[e]);
    cell.tier1s.add(g.entity[rootOf(g, e)]);
    cell.weight += g.weight[e];
  }
  const rows: ConcentrationRow[] = [];
  for (const [y, cell] of acc)
    if (cell.tier1s.size >= minTier1s && cell.companies.size >= 2)
      rows.push({
        kind,
        node: y,
        product: p,
        companies: cell.companies.size,
        tier1s: cell.tier1s.size,
        dependence: cell.weight / known,
        contributors: [...cell.companies],
      });
  return rows.sort((a, b) => b.dependence - a.dependence || a.node - b.node);
}
