/**
 * The supply graph of all companies' submissions in typed arrays (docs/network.md § Methods). A supply line is an
 * edge from a buyer to a supplier entity for one product: tier 1 = the company's own supplier, tier n = a supplier
 * of the tier n − 1 line `via` (as the company knows it). Every edge belongs to the company that reported it and
 * to the ROOT product k: the HS6 of the tier-1 line it hangs under (a tier-2 wafer maker counts towards the
 * company's supply of the tier-1 chips).
 *
 * The weight of an edge is the share of the company's known supply of k that flows through it:
 *   w(e) = share(e)                      for a tier-1 edge
 *   w(e) = share(e) · w(parent(e))       for tier n > 1
 * (shares are "share of the buyer's purchases of that product", so a path multiplies them). Shares of one buyer
 * and product add up to ≤ 1 (checked at intake), hence the weights of a company's edges at any one tier under a
 * product add up to at most its known supply of the product.
 */
export interface SupplyLine {
  company: string;
  ref: string;
  /** The ref of the line one tier above (tier > 1), null for tier 1. */
  via: string | null;
  tier: number;
  entity: string;
  /** ISO 3166 alpha-3 of the supplier's site. */
  country: string;
  site: string | null;
  port: string | null;
  hs6: string;
  share: number;
}

export interface SupplyGraph extends SupplyColumns {
  edgeCount: number;
  /** Root product (index into products); `ownProduct` is the input bought at the edge's own tier. */
  product: Int32Array;
  weight: Float64Array;
  /** Edges of product p: order[productStart[p] … productStart[p + 1]), sorted by company. */
  productStart: Int32Array;
  order: Int32Array;
  /** Known supply of each product: Σ tier-1 shares over companies. */
  known: Float64Array;
  /** Companies with a tier-1 line of each product. */
  productCompanies: Int32Array;
}

class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  of(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(value, i);
      this.values.push(value);
    }
    return i;
  }
}

/** Columns of a graph before its indexes are built (also what the SYNTHETIC generator produces directly). */
export interface SupplyColumns {
  companies: string[];
  entities: string[];
  products: string[];
  /** Site keys "entity|site" (sites named by the companies). */
  sites: string[];
  ports: string[];
  countries: string[];
  company: Int32Array;
  entity: Int32Array;
  ownProduct: Int32Array;
  site: Int32Array;
  port: Int32Array;
  country: Int32Array;
  tier: Uint8Array;
  /** Edge index of the line one tier above; parents come before their children. */
  parent: Int32Array;
  share: Float64Array;
}

export function supplyColumns(lines: readonly SupplyLine[]): SupplyColumns {
  // Parents first: sort by tier (a line's via is one tier above it, checked at intake).
  const sorted = [...lines].sort((a, b) => a.tier - b.tier);
  const n = sorted.length;
  const [companies, entities, products, sites, ports, countries] = Array.from(
    { length: 6 },
    () => new Interner(),
  );
  const cols: SupplyColumns = {
    companies: companies.values,
    entities: entities.values,
    products: products.values,
    sites: sites.values,
    ports: ports.values,
    countries: countries.values,
    company: new Int32Array(n),
    entity: new Int32Array(n),
    ownProduct: new Int32Array(n),
    site: new Int32Array(n),
    port: new Int32Array(n),
    country: new Int32Array(n),
    tier: new Uint8Array(n),
    parent: new Int32Array(n),
    share: new Float64Array(n),
  };
  const byRef = new Map<string, number>();
  sorted.forEach((l, e) => {
    cols.company[e] = companies.of(l.company);
    cols.entity[e] = entities.of(l.entity);
    cols.ownProduct[e] = products.of(l.hs6);
    cols.site[e] = l.site ? sites.of(`${l.entity}|${l.site}`) : -1;
    cols.port[e] = l.port ? ports.of(l.port) : -1;
    cols.country[e] = countries.of(l.country);
    cols.tier[e] = l.tier;
    cols.share[e] = l.share;
    const key = `${l.company}\u0000${l.ref}`;
    byRef.set(key, e);
    if (l.tier === 1) cols.parent[e] = -1;
    else {
      const p = byRef.get(`${l.company}\u0000${l.via ?? ''}`);
      if (p === undefined) throw new Error(`supply line ${l.company}/${l.ref}: via ${l.via} not found`);
      cols.parent[e] = p;
    }
  });
  return cols;
}

/** Root products, path weights, the per-product index and the known supply (formulas above). */
export function buildSupplyGraph(cols: SupplyColumns): SupplyGraph {
  const n = cols.company.length;
  const product = new Int32Array(n);
  const weight = new Float64Array(n);
  for (let e = 0; e < n; e++) {
    const p = cols.parent[e];
    if (p < 0) {
      product[e] = cols.ownProduct[e];
      weight[e] = cols.share[e];
    } else {
      if (p >= e) throw new Error(`supply edge ${e}: its parent ${p} does not come before it`);
      product[e] = product[p];
      weight[e] = cols.share[e] * weight[p];
    }
  }
  const np = cols.products.length;
  const productStart = new Int32Array(np + 1);
  for (let e = 0; e < n; e++) productStart[product[e] + 1]++;
  for (let p = 0; p < np; p++) productStart[p + 1] += productStart[p];
  const order = new Int32Array(n);
  const fill = productStart.slice(0, np);
  for (let e = 0; e < n; e++) order[fill[product[e]]++] = e;
  // Within a product, edges by company (then by edge index): distinct companies are counted by a change of company.
  for (let p = 0; p < np; p++) {
    const part = order.subarray(productStart[p], productStart[p + 1]);
    part.sort((a, b) => cols.company[a] - cols.company[b] || a - b);
  }
  const known = new Float64Array(np);
  const productCompanies = new Int32Array(np);
  for (let p = 0; p < np; p++) {
    let last = -1;
    for (let i = productStart[p]; i < productStart[p + 1]; i++) {
      const e = order[i];
      if (cols.tier[e] !== 1) continue;
      known[p] += cols.share[e];
      if (cols.company[e] !== last) {
        productCompanies[p]++;
        last = cols.company[e];
      }
    }
  }
  return {
    ...cols,
    edgeCount: n,
    product,
    weight,
    productStart,
    order,
    known,
    productCompanies,
  };
}
