import type { SupplyGraph } from './supplyGraph.ts';

/**
 * Single points of failure (docs/network.md § Single points of failure): a node x — a supplier entity, a
 * supplier's site or a port of loading — whose loss cuts at least a share X of a product's known supply across
 * all companies. For root product k (supplyGraph.ts) and company c, losing x cuts
 *
 *   lost_c(x, k) = Σ w(e)  over c's edges e under k whose node is x and that have no ancestor with node x
 *
 * (an ancestor already counted cuts everything below it; w = path product of shares of purchases). Across
 * companies the cut is share-weighted (each company's purchases weigh by the shares it reported):
 *
 *   cut(x, k) = Σ_c lost_c(x, k) / known(k),   known(k) = Σ_c Σ_{tier-1 e of c under k} share(e)
 *
 * so a supplier delivering 60 % of one company's and 20 % of another's purchases cuts (0.6 + 0.2) / 2 = 40 %
 * when both report full shares. `direct` is the part through tier-1 lines, `indirect` the rest (tier 2+, where a
 * company's different tier-1s converge). Each row counts the distinct companies whose supply it cuts, which the
 * disclosure rule needs (disclosure.ts). The rule of thumb of "single point of failure" as a node whose removal
 * disconnects a flow is the network-reliability notion of a cut vertex (e.g. Kim, Chen & Linderman, "Supply
 * network disruption and resilience: a network structural perspective", J. Oper. Management 33–34, 2015); here
 * it is weighted by the flow it carries.
 */
export type NodeKind = 'entity' | 'site' | 'port';

export interface SpofRow {
  kind: NodeKind;
  /** Index into graph.entities / sites / ports. */
  node: number;
  product: number;
  cut: number;
  direct: number;
  indirect: number;
  companies: number;
}

const nodeArray = (g: SupplyGraph, kind: NodeKind) =>
  kind === 'entity' ? g.entity : kind === 'site' ? g.site : g.port;
const nodeCount = (g: SupplyGraph, kind: NodeKind) =>
  kind === 'entity' ? g.entities.length : kind === 'site' ? g.sites.length : g.ports.length;

/** Whether an ancestor of edge e is on the same node (the loss is then counted once, at the ancestor). */
function hasAncestorOn(g: SupplyGraph, node: Int32Array, e: number): boolean {
  const x = node[e];
  for (let a = g.parent[e]; a >= 0; a = g.parent[a]) if (node[a] === x) return true;
  return false;
}

/** Reusable work arrays, sized once for a graph (all products reuse them). */
export class SpofScratch {
  readonly direct: Float64Array;
  readonly indirect: Float64Array;
  readonly companies: Int32Array;
  readonly lastCompany: Int32Array;
  constructor(size: number) {
    this.direct = new Float64Array(size);
    this.indirect = new Float64Array(size);
    this.companies = new Int32Array(size);
    this.lastCompany = new Int32Array(size).fill(-1);
  }
}

/** Nodes of one kind whose loss cuts ≥ minShare of product p's known supply, largest cut first. */
export function productSpof(
  g: SupplyGraph,
  p: number,
  kind: NodeKind,
  minShare: number,
  scratch: SpofScratch = new SpofScratch(nodeCount(g, kind)),
): SpofRow[] {
  const node = nodeArray(g, kind);
  const known = g.known[p];
  if (!(known > 0)) return [];
  const { direct, indirect, companies, lastCompany } = scratch;
  const touched: number[] = [];
  for (let i = g.productStart[p]; i < g.productStart[p + 1]; i++) {
    const e = g.order[i];
    const x = node[e];
    if (x < 0) continue;
    if (hasAncestorOn(g, node, e)) continue;
    if (lastCompany[x] === -1) touched.push(x);
    if (g.tier[e] === 1) direct[x] += g.weight[e];
    else indirect[x] += g.weight[e];
    const c = g.company[e];
    if (lastCompany[x] !== c) {
      companies[x]++;
      lastCompany[x] = c;
    }
  }
  const rows: SpofRow[] = [];
  for (const x of touched) {
    const cut = (direct[x] + indirect[x]) / known;
    if (cut >= minShare)
      rows.push({
        kind,
        node: x,
        product: p,
        cut,
        direct: direct[x] / known,
        indirect: indirect[x] / known,
        companies: companies[x],
      });
    direct[x] = 0;
    indirect[x] = 0;
    companies[x] = 0;
    lastCompany[x] = -1;
  }
  return rows.sort((a, b) => b.cut - a.cut || a.node - b.node);
}

/** Every product's single points of failure of one kind (one pass per product over its own edges). */
export function allProductsSpof(g: SupplyGraph, kind: NodeKind, minShare: number): SpofRow[][] {
  const scratch = new SpofScratch(nodeCount(g, kind));
  const out: SpofRow[][] = [];
  for (let p = 0; p < g.products.length; p++) out.push(productSpof(g, p, kind, minShare, scratch));
  return out;
}

/**
 * The distinct companies whose supply of product p each node of one kind cuts (same ancestor rule as
 * productSpof), for the disclosure rule (disclosure.ts) on one product's cells.
 */
export function spofContributors(g: SupplyGraph, p: number, kind: NodeKind): Map<number, number[]> {
  const node = nodeArray(g, kind);
  const out = new Map<number, number[]>();
  for (let i = g.productStart[p]; i < g.productStart[p + 1]; i++) {
    const e = g.order[i];
    const x = node[e];
    if (x < 0) continue;
    if (hasAncestorOn(g, node, e)) continue;
    let list = out.get(x);
    if (!list) out.set(x, (list = []));
    // Edges come by company, so a repeat is always the last one.
    if (list[list.length - 1] !== g.company[e]) list.push(g.company[e]);
  }
  return out;
}
