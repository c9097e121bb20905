import type { ScenarioDefinition } from './definition.ts';
import { pooledLikeMinded, pooledOther, type TradeBase } from './tradeBase.ts';
import { shockReach } from './directLoss.ts';

/**
 * The products a scenario affects, compiled once per scenario for the central run and every Monte Carlo draw: per
 * product, the reporter's import flows the shocks reach (with each shock's reach w, directLoss.ts) and the
 * substitutes allowed to replace them (not the source of a cut of the product; like-minded or not). Substitutes
 * no shock reaches keep their full capacity base in every month, so they are summed here once; only the reached
 * ones are recomputed month by month.
 */
export interface Hit {
  /** Index into the product's partner arrays. */
  index: number;
  reach: Float64Array;
  /** Whether a shock that cuts exports to every importer reaches this flow. */
  toAll: boolean;
}

export interface AffectedProduct {
  product: string;
  partners: number[];
  imports: Float64Array;
  quantities: (number | null)[];
  totalImports: number;
  importHits: Hit[];
  others: number[];
  othersValue: Float64Array;
  othersLikeMinded: boolean[];
  /** Exports to others by partner code (for competition under cuts to all). */
  othersByCode: Map<number, number>;
  othersHits: Hit[];
  /** Σ capacity base of allowed substitutes no shock reaches (all, and like-minded only). */
  freeCapacity: number;
  freeLikeMinded: number;
  /** Whether a shock reaches substitute i (then its capacity is computed month by month). */
  othersHit: Uint8Array;
  shocks: number[];
  firstStart: number;
}

/** The affected products in HS order; a product whose imports no shock reaches is left out. */
export function affectedProducts(definition: ScenarioDefinition, trade: TradeBase): AffectedProduct[] {
  const reporter = new Set(trade.reporterCodes);
  const imports = importsByProduct(trade, reporter);
  const exportsToOthers = exportsToOthersByProduct(trade, reporter);
  const reach = shockReaches(definition);
  const substitutes = substituteRules(definition);
  const affected: AffectedProduct[] = [];
  for (const [product, p] of [...imports].sort((a, b) => a[0].localeCompare(b[0]))) {
    const a = affectedProduct(definition, product, p, exportsToOthers.get(product), reach, substitutes);
    if (a) affected.push(a);
  }
  return affected;
}

interface ProductImports {
  partners: number[];
  values: number[];
  quantities: (number | null)[];
}

interface ProductExports {
  codes: number[];
  values: number[];
}

/** The reporter's imports by product, from partners outside it (a group's members do not import from each other). */
function importsByProduct(trade: TradeBase, reporter: Set<number>): Map<string, ProductImports> {
  const byProduct = new Map<string, ProductImports>();
  for (const f of trade.imports) {
    if (reporter.has(f.partner) || f.value <= 0) continue;
    let p = byProduct.get(f.product);
    if (!p) byProduct.set(f.product, (p = { partners: [], values: [], quantities: [] }));
    p.partners.push(f.partner);
    p.values.push(f.value);
    p.quantities.push(f.quantity);
  }
  return byProduct;
}

/** Exporters' exports to importers other than the reporter, by product: the substitutes' capacity base. */
function exportsToOthersByProduct(trade: TradeBase, reporter: Set<number>): Map<string, ProductExports> {
  const othersByProduct = new Map<string, ProductExports>();
  for (const f of trade.exportsToOthers) {
    if (reporter.has(f.exporter) || f.value <= 0) continue;
    let o = othersByProduct.get(f.product);
    if (!o) othersByProduct.set(f.product, (o = { codes: [], values: [] }));
    o.codes.push(f.exporter);
    o.values.push(f.value);
  }
  return othersByProduct;
}

/** Which shocks reach a flow (partner, product), and whether a partner is the source of a cut of the product. */
interface ShockReaches {
  /** Reach w of every shock on the flow; the shared `noReach` when no shock can reach the partner. */
  reachOf(product: string, partner: number): Float64Array;
  noReach: Float64Array;
  hit(index: number, reach: Float64Array): Hit;
  /** The partner is the origin of a cut of this product (so it cannot substitute for it). */
  isSource(partner: number, product: string): boolean;
}

function shockReaches(definition: ScenarioDefinition): ShockReaches {
  const { shocks, exposure } = definition;
  // Partners any shock can reach (exporters cut, disaster countries, exposed partners): others need no reach vector.
  const reachable = new Set<number>();
  for (const sh of shocks) {
    if (sh.type === 'export-cut') sh.exporter.codes.forEach((c) => reachable.add(c));
    else if (sh.type === 'disaster') sh.country.codes.forEach((c) => reachable.add(c));
  }
  for (const e of exposure) e.partner.codes.forEach((c) => reachable.add(c));
  const noReach = new Float64Array(shocks.length);
  const productSets = shocks.map((sh) =>
    sh.type === 'export-cut' && sh.products !== 'all' ? new Set(sh.products) : undefined,
  );
  const toAllShock = shocks.map((s) => s.type === 'disaster' || (s.type === 'export-cut' && s.to === 'all'));
  return {
    noReach,
    reachOf: (product, partner) =>
      reachable.has(partner)
        ? Float64Array.from(shocks, (sh) => shockReach(sh, product, partner, exposure))
        : noReach,
    hit: (index, reach) => ({
      index,
      reach,
      toAll: toAllShock.some((t, i) => t && reach[i] > 0),
    }),
    isSource: (partner, product) =>
      reachable.has(partner) &&
      shocks.some(
        (sh, i) =>
          (sh.type === 'export-cut' &&
            sh.exporter.codes.includes(partner) &&
            (!productSets[i] || productSets[i]!.has(product))) ||
          (sh.type === 'disaster' && sh.country.codes.includes(partner)),
      ),
  };
}

/** Which exporters may substitute (every one, or those listed, plus the pooled small ones) and which are like-minded. */
interface SubstituteRules {
  allowed?: Set<number>;
  likeMinded: Set<number>;
}

function substituteRules({ substitution }: ScenarioDefinition): SubstituteRules {
  return {
    likeMinded: new Set([...substitution.likeMinded.flatMap((c) => c.codes), pooledLikeMinded]),
    allowed:
      substitution.partners === 'all'
        ? undefined
        : new Set([...substitution.partners.flatMap((c) => c.codes), pooledLikeMinded, pooledOther]),
  };
}

/** One product's reached imports and its substitutes; undefined when no shock reaches its imports. */
function affectedProduct(
  { shocks }: ScenarioDefinition,
  product: string,
  p: ProductImports,
  o: ProductExports = { codes: [], values: [] },
  { reachOf, noReach, hit, isSource }: ShockReaches,
  { allowed, likeMinded }: SubstituteRules,
): AffectedProduct | undefined {
  const importHits: Hit[] = [];
  const hitShocks = new Set<number>();
  p.partners.forEach((partner, index) => {
    const reach = reachOf(product, partner);
    if (reach !== noReach && reach.some((w) => w > 0)) {
      importHits.push(hit(index, reach));
      reach.forEach((w, i) => w > 0 && hitShocks.add(i));
    }
  });
  if (importHits.length === 0) return undefined;
  const others: number[] = [];
  const othersValue: number[] = [];
  const othersLikeMinded: boolean[] = [];
  const othersHits: Hit[] = [];
  const othersByCode = new Map<number, number>();
  let freeCapacity = 0;
  let freeLikeMinded = 0;
  o.codes.forEach((code, i) => {
    othersByCode.set(code, o.values[i]);
    if (allowed && !allowed.has(code)) return;
    if (isSource(code, product)) return;
    const reach = reachOf(product, code);
    const index = others.length;
    others.push(code);
    othersValue.push(o.values[i]);
    othersLikeMinded.push(likeMinded.has(code));
    if (reach !== noReach && reach.some((w) => w > 0)) othersHits.push(hit(index, reach));
    else {
      freeCapacity += o.values[i];
      if (likeMinded.has(code)) freeLikeMinded += o.values[i];
    }
  });
  const shockList = [...hitShocks].sort((a, b) => a - b);
  return {
    product,
    partners: p.partners,
    imports: Float64Array.from(p.values),
    quantities: p.quantities,
    totalImports: p.values.reduce((s, v) => s + v, 0),
    importHits,
    others,
    othersValue: Float64Array.from(othersValue),
    othersLikeMinded,
    othersByCode,
    othersHits,
    freeCapacity,
    freeLikeMinded,
    othersHit: markHits(others.length, othersHits),
    shocks: shockList,
    firstStart: Math.min(...shockList.map((i) => shocks[i].start)),
  };
}

function markHits(n: number, hits: Hit[]): Uint8Array {
  const marks = new Uint8Array(n);
  for (const h of hits) marks[h.index] = 1;
  return marks;
}
