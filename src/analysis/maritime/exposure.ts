import type { CountryRoute } from './countryRoutes.ts';
import {
  freightRule,
  freightRules,
  type FreightOptions,
  type FreightRule,
  defaultFreightOptions,
} from './freightRules.ts';
import { sailingDays } from './geo.ts';

/**
 * Chokepoint exposure of a reporter's imports (PRODUCT.md §3.3). For each import flow (partner × product):
 * a freight rule (freightRules.ts); sea-routed flows take the partner → reporter country route and count in full
 * against every passage on it. Exposure of passage c:
 *   E_c = Σ_{flows f routed through c} v_f,   share_c = E_c / Σ_f v_f   (of all imports; also of sea imports).
 * A closure scenario reroutes with more passages closed: affected value = Σ v_f over sea flows whose baseline
 * route crosses a closed passage; per partner the extra distance and days; value with no sea route left.
 */
export interface ImportFlow {
  partner: string;
  product: string;
  /** Thousand USD (BACI v). */
  valueKusd: number;
  /** Tonnes (BACI q), null when not published. */
  tonnes: number | null;
}

export interface PartnerRoutes {
  /** False when the partner or the reporter has no main port (rule no_port). */
  hasPorts: boolean;
  landNeighbour: boolean;
  baseline: CountryRoute | null;
  /** With the scenario's closures (absent when there is no scenario). */
  scenario?: CountryRoute | null;
}

export interface ExposureOptions {
  freight?: FreightOptions;
  speedKnots: number;
  /** Passages closed in the scenario beyond the baseline; empty = no scenario. */
  closed: readonly string[];
  /** How many flows to list behind each passage (largest first). */
  flowsPerPassage?: number;
}

export interface FlowLine {
  partner: string;
  product: string;
  valueKusd: number;
  rule: FreightRule;
}

export interface PassageExposure {
  passage: string;
  valueKusd: number;
  shareOfImports: number;
  shareOfSeaImports: number;
  flows: number;
  /** The largest flows behind the figure. */
  topFlows: FlowLine[];
}

export interface PartnerExposure {
  partner: string;
  valueKusd: number;
  /** Value by freight rule. */
  byRule: Partial<Record<FreightRule, number>>;
  route: (CountryRoute & { days: number }) | null;
  scenario?: {
    route: (CountryRoute & { days: number }) | null;
    /** Sea value whose baseline route crosses a closed passage. */
    affectedValueKusd: number;
    extraKm: number | null;
    extraDays: number | null;
    noRoute: boolean;
  };
}

export interface ProductExposure {
  product: string;
  valueKusd: number;
  seaValueKusd: number;
  /** Sea value by passage (empty beyond the products the aggregates broke down). */
  byPassage: Record<string, number>;
}

export interface ExposureResult {
  totalValueKusd: number;
  seaValueKusd: number;
  byRule: { rule: FreightRule; valueKusd: number; flows: number }[];
  passages: PassageExposure[];
  partners: PartnerExposure[];
  products: ProductExposure[];
  scenario?: {
    closed: string[];
    affectedValueKusd: number;
    noRouteValueKusd: number;
    /** Value-weighted mean extra days over rerouted affected flows. */
    meanExtraDays: number | null;
  };
}

/**
 * What the exposure is assembled from: sums by partner and freight rule, by product, by product × passage, and
 * the largest flows behind each passage. Computed from flow rows here (aggregateFlows) or by SQL over the whole
 * trade store (src/data/maritime/exposureQuery.ts, tested against aggregateFlows on the same data).
 */
export interface ExposureAggregates {
  partnerRules: { partner: string; rule: FreightRule; valueKusd: number; flows: number }[];
  products: { product: string; valueKusd: number; seaValueKusd: number }[];
  /** Sea value by product × passage, for the `productsWithPassages` largest products (all when unset). */
  productPassages: { product: string; passage: string; valueKusd: number }[];
  /** Up to `flowsPerPassage` largest sea flows per passage. */
  topFlows: (FlowLine & { passage: string })[];
}

const isSea = (rule: FreightRule) => rule === 'sea' || rule === 'sea_quantity_unknown';

/** The freight rule of a flow, given its partner's routes: a sea-borne flow without a route counts as no_port. */
export function flowRule(flow: ImportFlow, routes: PartnerRoutes, freight: FreightOptions): FreightRule {
  const rule = freightRule(flow, routes, freight);
  return isSea(rule) && !routes.baseline ? 'no_port' : rule;
}

export function aggregateFlows(
  flows: readonly ImportFlow[],
  routesOf: (partner: string) => PartnerRoutes,
  options: ExposureOptions & { productsWithPassages?: number },
): ExposureAggregates {
  const freight = options.freight ?? defaultFreightOptions;
  const keep = options.flowsPerPassage ?? 10;
  const routeCache = new Map<string, { routes: PartnerRoutes; passages: string[] }>();
  const partnerRules = new Map<
    string,
    { partner: string; rule: FreightRule; valueKusd: number; flows: number }
  >();
  const products = new Map<string, { product: string; valueKusd: number; seaValueKusd: number }>();
  const productPassages = new Map<string, Map<string, number>>();
  const top = new Map<string, (FlowLine & { passage: string })[]>();
  for (const flow of flows) {
    if (!(flow.valueKusd > 0)) continue;
    let cached = routeCache.get(flow.partner);
    if (!cached) {
      const routes = routesOf(flow.partner);
      cached = { routes, passages: routes.baseline ? [...new Set(routes.baseline.passages)] : [] };
      routeCache.set(flow.partner, cached);
    }
    const rule = flowRule(flow, cached.routes, freight);
    const key = `${flow.partner}\u0000${rule}`;
    const pr = partnerRules.get(key) ?? { partner: flow.partner, rule, valueKusd: 0, flows: 0 };
    pr.valueKusd += flow.valueKusd;
    pr.flows++;
    partnerRules.set(key, pr);
    const product = products.get(flow.product) ?? { product: flow.product, valueKusd: 0, seaValueKusd: 0 };
    product.valueKusd += flow.valueKusd;
    products.set(flow.product, product);
    if (!isSea(rule)) continue;
    product.seaValueKusd += flow.valueKusd;
    let byPassage = productPassages.get(flow.product);
    if (!byPassage) productPassages.set(flow.product, (byPassage = new Map()));
    for (const passage of cached.passages) {
      byPassage.set(passage, (byPassage.get(passage) ?? 0) + flow.valueKusd);
      let list = top.get(passage);
      if (!list) top.set(passage, (list = []));
      if (keep > 0) {
        insertTop(
          list,
          { passage, partner: flow.partner, product: flow.product, valueKusd: flow.valueKusd, rule },
          keep,
        );
      }
    }
  }
  const ranked = [...products.values()].sort(
    (a, b) => largerFirst(a.valueKusd, b.valueKusd) || a.product.localeCompare(b.product),
  );
  const withPassages = new Set(
    ranked.slice(0, options.productsWithPassages ?? ranked.length).map((p) => p.product),
  );
  return {
    partnerRules: [...partnerRules.values()],
    products: ranked,
    productPassages: [...productPassages.entries()]
      .filter(([product]) => withPassages.has(product))
      .flatMap(([product, m]) =>
        [...m.entries()].map(([passage, valueKusd]) => ({ product, passage, valueKusd })),
      ),
    topFlows: [...top.values()].flat(),
  };
}

export function chokepointExposure(
  flows: readonly ImportFlow[],
  routesOf: (partner: string) => PartnerRoutes,
  options: ExposureOptions,
): ExposureResult {
  return assembleExposure(aggregateFlows(flows, routesOf, options), routesOf, options);
}

/** Shares per passage, partners with their routes and the closure what-if, from the aggregates. */
export function assembleExposure(
  agg: ExposureAggregates,
  routesOf: (partner: string) => PartnerRoutes,
  options: ExposureOptions,
): ExposureResult {
  const keep = options.flowsPerPassage ?? 10;
  const scenarioOn = options.closed.length > 0;
  const closed = new Set(options.closed);
  const withDays = (r: CountryRoute | null | undefined) =>
    r ? { ...r, days: sailingDays(r.distanceKm, options.speedKnots) } : null;

  let total = 0;
  let sea = 0;
  let affected = 0;
  let noRoute = 0;
  let extraDaysWeighted = 0;
  let reroutedValue = 0;
  const ruleTotals = new Map<FreightRule, { value: number; flows: number }>();
  const partners = new Map<string, PartnerExposure>();
  const passages = new Map<string, { value: number; flows: number }>();

  for (const pr of agg.partnerRules) {
    total += pr.valueKusd;
    const rt = ruleTotals.get(pr.rule) ?? { value: 0, flows: 0 };
    rt.value += pr.valueKusd;
    rt.flows += pr.flows;
    ruleTotals.set(pr.rule, rt);
    const routes = routesOf(pr.partner);
    let partner = partners.get(pr.partner);
    if (!partner) {
      const b = routes.baseline;
      partner = { partner: pr.partner, valueKusd: 0, byRule: {}, route: withDays(b) };
      if (scenarioOn) {
        const sc = routes.scenario ?? null;
        partner.scenario = {
          route: withDays(sc),
          affectedValueKusd: 0,
          extraKm: sc && b ? sc.distanceKm - b.distanceKm : null,
          extraDays: sc && b ? sailingDays(sc.distanceKm - b.distanceKm, options.speedKnots) : null,
          noRoute: Boolean(b) && !sc,
        };
      }
      partners.set(pr.partner, partner);
    }
    partner.valueKusd += pr.valueKusd;
    partner.byRule[pr.rule] = (partner.byRule[pr.rule] ?? 0) + pr.valueKusd;
    if (!isSea(pr.rule) || !routes.baseline) continue;
    sea += pr.valueKusd;
    for (const id of new Set(routes.baseline.passages)) {
      const p = passages.get(id) ?? { value: 0, flows: 0 };
      p.value += pr.valueKusd;
      p.flows += pr.flows;
      passages.set(id, p);
    }
    if (scenarioOn && routes.baseline.passages.some((id) => closed.has(id))) {
      affected += pr.valueKusd;
      partner.scenario!.affectedValueKusd += pr.valueKusd;
      if (!routes.scenario) noRoute += pr.valueKusd;
      else {
        reroutedValue += pr.valueKusd;
        extraDaysWeighted +=
          pr.valueKusd *
          sailingDays(routes.scenario.distanceKm - routes.baseline.distanceKm, options.speedKnots);
      }
    }
  }

  const topByPassage = new Map<string, FlowLine[]>();
  for (const f of agg.topFlows) {
    let list = topByPassage.get(f.passage);
    if (!list) topByPassage.set(f.passage, (list = []));
    insertTop(list, { partner: f.partner, product: f.product, valueKusd: f.valueKusd, rule: f.rule }, keep);
  }
  const byPassage = new Map<string, Record<string, number>>();
  for (const pp of agg.productPassages) {
    let record = byPassage.get(pp.product);
    if (!record) byPassage.set(pp.product, (record = {}));
    record[pp.passage] = pp.valueKusd;
  }

  return {
    totalValueKusd: total,
    seaValueKusd: sea,
    byRule: freightRules
      .filter((r) => ruleTotals.has(r))
      .map((rule) => ({ rule, valueKusd: ruleTotals.get(rule)!.value, flows: ruleTotals.get(rule)!.flows })),
    passages: [...passages.entries()]
      .map(([passage, p]) => ({
        passage,
        valueKusd: p.value,
        shareOfImports: total > 0 ? p.value / total : 0,
        shareOfSeaImports: sea > 0 ? p.value / sea : 0,
        flows: p.flows,
        topFlows: topByPassage.get(passage) ?? [],
      }))
      .sort((a, b) => largerFirst(a.valueKusd, b.valueKusd) || a.passage.localeCompare(b.passage)),
    partners: [...partners.values()].sort(
      (a, b) => largerFirst(a.valueKusd, b.valueKusd) || a.partner.localeCompare(b.partner),
    ),
    products: [...agg.products]
      .sort((a, b) => largerFirst(a.valueKusd, b.valueKusd) || a.product.localeCompare(b.product))
      .map((p) => ({ ...p, byPassage: byPassage.get(p.product) ?? {} })),
    scenario: scenarioOn
      ? {
          closed: [...options.closed],
          affectedValueKusd: affected,
          noRouteValueKusd: noRoute,
          meanExtraDays: reroutedValue > 0 ? extraDaysWeighted / reroutedValue : null,
        }
      : undefined,
  };
}

/**
 * Sort order of two sums, larger first; sums within 1e-9 relative are equal (0), so the tie-break decides. The
 * same flows summed in another order (DuckDB's parallel threads, ClickHouse's shards) differ in the last bits,
 * and BACI repeats some flows under two codes: an exact comparison would order those ties by rounding noise.
 */
function largerFirst(a: number, b: number): number {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) ? 0 : b - a;
}

/** Larger value first; equal values (BACI repeats some flows under two codes) by product, then partner. */
function ranksBefore(a: FlowLine, b: FlowLine): boolean {
  const order = largerFirst(a.valueKusd, b.valueKusd);
  if (order !== 0) return order < 0;
  return a.product !== b.product ? a.product < b.product : a.partner < b.partner;
}

function insertTop<T extends FlowLine>(top: T[], line: T, keep: number): void {
  if (keep <= 0) return;
  if (top.length === keep && !ranksBefore(line, top[keep - 1])) return;
  let i = top.length;
  while (i > 0 && ranksBefore(line, top[i - 1])) i--;
  top.splice(i, 0, line);
  if (top.length > keep) top.pop();
}
