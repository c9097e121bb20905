import type { CountryRoute } from './countryRoutes.ts';
import { freightRule, freightRules, type FreightOptions, type FreightRule, defaultFreightOptions } from './freightRules.ts';
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

export function chokepointExposure(
  flows: readonly ImportFlow[],
  routesOf: (partner: string) => PartnerRoutes,
  options: ExposureOptions,
): ExposureResult {
  const freight = options.freight ?? defaultFreightOptions;
  const keep = options.flowsPerPassage ?? 10;
  const scenarioOn = options.closed.length > 0;
  const closed = new Set(options.closed);
  const routeCache = new Map<string, PartnerRoutes>();
  const partners = new Map<string, PartnerExposure>();
  const products = new Map<string, ProductExposure>();
  const passages = new Map<string, { value: number; flows: number; top: FlowLine[] }>();
  const ruleTotals = new Map<FreightRule, { value: number; flows: number }>();
  let total = 0;
  let sea = 0;
  let affected = 0;
  let noRoute = 0;
  let extraDaysWeighted = 0;
  let reroutedValue = 0;

  const withDays = (r: CountryRoute | null | undefined) =>
    r ? { ...r, days: sailingDays(r.distanceKm, options.speedKnots) } : null;

  for (const flow of flows) {
    if (!(flow.valueKusd > 0)) continue;
    let routes = routeCache.get(flow.partner);
    if (!routes) {
      routes = routesOf(flow.partner);
      routeCache.set(flow.partner, routes);
    }
    let rule = freightRule(flow, routes, freight);
    if ((rule === 'sea' || rule === 'sea_quantity_unknown') && !routes.baseline) rule = 'no_port';
    total += flow.valueKusd;
    const rt = ruleTotals.get(rule) ?? { value: 0, flows: 0 };
    rt.value += flow.valueKusd;
    rt.flows++;
    ruleTotals.set(rule, rt);

    let partner = partners.get(flow.partner);
    if (!partner) {
      partner = { partner: flow.partner, valueKusd: 0, byRule: {}, route: withDays(routes.baseline) };
      if (scenarioOn) {
        const s = routes.scenario ?? null;
        const b = routes.baseline;
        partner.scenario = {
          route: withDays(s),
          affectedValueKusd: 0,
          extraKm: s && b ? s.distanceKm - b.distanceKm : null,
          extraDays: s && b ? sailingDays(s.distanceKm - b.distanceKm, options.speedKnots) : null,
          noRoute: Boolean(b) && !s,
        };
      }
      partners.set(flow.partner, partner);
    }
    partner.valueKusd += flow.valueKusd;
    partner.byRule[rule] = (partner.byRule[rule] ?? 0) + flow.valueKusd;

    let product = products.get(flow.product);
    if (!product) {
      product = { product: flow.product, valueKusd: 0, seaValueKusd: 0, byPassage: {} };
      products.set(flow.product, product);
    }
    product.valueKusd += flow.valueKusd;

    if (rule !== 'sea' && rule !== 'sea_quantity_unknown') continue;
    const route = routes.baseline!;
    sea += flow.valueKusd;
    product.seaValueKusd += flow.valueKusd;
    const line: FlowLine = { partner: flow.partner, product: flow.product, valueKusd: flow.valueKusd, rule };
    for (const id of new Set(route.passages)) {
      const p = passages.get(id) ?? { value: 0, flows: 0, top: [] };
      p.value += flow.valueKusd;
      p.flows++;
      insertTop(p.top, line, keep);
      passages.set(id, p);
      product.byPassage[id] = (product.byPassage[id] ?? 0) + flow.valueKusd;
    }
    if (scenarioOn && route.passages.some((id) => closed.has(id))) {
      affected += flow.valueKusd;
      partner.scenario!.affectedValueKusd += flow.valueKusd;
      if (!routes.scenario) noRoute += flow.valueKusd;
      else {
        reroutedValue += flow.valueKusd;
        extraDaysWeighted += flow.valueKusd * sailingDays(routes.scenario.distanceKm - route.distanceKm, options.speedKnots);
      }
    }
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
        topFlows: p.top,
      }))
      .sort((a, b) => b.valueKusd - a.valueKusd),
    partners: [...partners.values()].sort((a, b) => b.valueKusd - a.valueKusd),
    products: [...products.values()].sort((a, b) => b.valueKusd - a.valueKusd),
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

/** Keeps the `keep` largest flows, largest first. */
function insertTop(top: FlowLine[], line: FlowLine, keep: number): void {
  if (keep <= 0) return;
  if (top.length === keep && top[keep - 1].valueKusd >= line.valueKusd) return;
  let i = top.length;
  while (i > 0 && top[i - 1].valueKusd < line.valueKusd) i--;
  top.splice(i, 0, line);
  if (top.length > keep) top.pop();
}
