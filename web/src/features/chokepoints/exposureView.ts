import type { Query } from '../../api/client.ts';
import type { ExposureResponse, FlowLine, FreightRule, Lang, Names, PartnerExposure } from './types.ts';

/**
 * Pure shaping of /api/maritime/exposure for the page: the filter read from the hash route, rows per strait and
 * per affected partner, with names in the user's language. Values stay in thousand USD (BACI's unit) here; the
 * page formats them.
 */
export interface ExposureFilter {
  reporter: string;
  year: number;
  /** HS6 code or 2–6 digit prefix; '' = all products. */
  hs: string;
  closed: string[];
}

export const defaultFilter: ExposureFilter = { reporter: 'JPN', year: 2024, hs: '', closed: [] };

/** `#/chokepoints?reporter=JPN&year=2024&hs=2804&closed=malacca,ormuz` → filter (bad parts fall back to defaults). */
export function filterFromQuery(query: URLSearchParams): ExposureFilter {
  const reporter = (query.get('reporter') ?? '').trim().toUpperCase();
  const year = Number(query.get('year'));
  const hs = (query.get('hs') ?? '').trim();
  const closed = (query.get('closed') ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => /^[a-z_]+$/.test(s));
  return {
    reporter: /^[A-Z0-9]{2,12}$/.test(reporter) ? reporter : defaultFilter.reporter,
    year: Number.isInteger(year) && year >= 1950 && year <= 2100 ? year : defaultFilter.year,
    hs: /^\d{2,6}$/.test(hs) ? hs : '',
    closed: [...new Set(closed)].sort(),
  };
}

export function filterToQuery(f: ExposureFilter): Record<string, string | number | undefined> {
  return {
    reporter: f.reporter,
    year: f.year,
    hs: f.hs || undefined,
    closed: f.closed.length ? f.closed.join(',') : undefined,
  };
}

/** The query of the exposure report for a filter (closures included: the what-if comes with it). */
export function exposureQuery(f: ExposureFilter): Query {
  return { reporter: f.reporter, year: f.year, hs: f.hs, closed: f.closed.join(',') };
}

export function nameOf(names: Names, code: string, lang: Lang): string {
  return names[code]?.[lang] ?? code;
}

export interface StraitRow {
  passage: string;
  name: string;
  valueKusd: number;
  shareOfImports: number;
  shareOfSeaImports: number;
  flows: number;
  topFlows: (FlowLine & { partnerName: string })[];
  closed: boolean;
}

/** One row per strait the reporter's sea imports cross, largest share first. */
export function straitRows(report: ExposureResponse, lang: Lang): StraitRow[] {
  return [...report.passages]
    .sort((a, b) => b.valueKusd - a.valueKusd || a.passage.localeCompare(b.passage))
    .map((p) => ({
      passage: p.passage,
      name: nameOf(report.passageNames, p.passage, lang),
      valueKusd: p.valueKusd,
      shareOfImports: p.shareOfImports,
      shareOfSeaImports: p.shareOfSeaImports,
      flows: p.flows,
      topFlows: p.topFlows.map((f) => ({ ...f, partnerName: nameOf(report.partnerNames, f.partner, lang) })),
      closed: report.closed.includes(p.passage),
    }));
}

export interface AffectedPartnerRow {
  partner: string;
  name: string;
  affectedValueKusd: number;
  baseline: PartnerExposure['route'];
  rerouted: PartnerExposure['route'];
  extraKm: number | null;
  extraDays: number | null;
  noRoute: boolean;
}

/** Partners whose sea imports cross a closed strait, largest affected value first. */
export function affectedPartners(report: ExposureResponse, lang: Lang): AffectedPartnerRow[] {
  return report.partners
    .filter((p) => p.scenario && p.scenario.affectedValueKusd > 0)
    .map((p) => ({
      partner: p.partner,
      name: nameOf(report.partnerNames, p.partner, lang),
      affectedValueKusd: p.scenario!.affectedValueKusd,
      baseline: p.route,
      rerouted: p.scenario!.route,
      extraKm: p.scenario!.extraKm,
      extraDays: p.scenario!.extraDays,
      noRoute: p.scenario!.noRoute,
    }))
    .sort((a, b) => b.affectedValueKusd - a.affectedValueKusd || a.partner.localeCompare(b.partner));
}

/**
 * The route lines to draw for a what-if: for the `limit` partners with the largest affected value, the baseline
 * port pair and the rerouted one (same ports or another coast), as /api/maritime/route requests.
 */
export interface RouteRequest {
  key: string;
  partner: string;
  kind: 'baseline' | 'reroute';
  from: string;
  to: string;
  closed: string[];
}

export function rerouteRequests(
  rows: readonly AffectedPartnerRow[],
  closed: readonly string[],
  limit = 3,
): RouteRequest[] {
  const out: RouteRequest[] = [];
  for (const row of rows.slice(0, limit)) {
    if (row.baseline) {
      out.push({
        key: `baseline:${row.partner}`,
        partner: row.partner,
        kind: 'baseline',
        from: row.baseline.fromPort,
        to: row.baseline.toPort,
        closed: [],
      });
    }
    if (row.rerouted) {
      out.push({
        key: `reroute:${row.partner}`,
        partner: row.partner,
        kind: 'reroute',
        from: row.rerouted.fromPort,
        to: row.rerouted.toPort,
        closed: [...closed],
      });
    }
  }
  return out;
}

/** The query of a port-to-port route around the closed straits (GET /api/maritime/route). */
export function routeQuery(
  r: { from: string; to: string; closed: readonly string[] },
  speedKnots?: number,
): Query {
  return { from: r.from, to: r.to, closed: r.closed.join(','), speedKnots: speedKnots || undefined };
}

export interface RuleRow {
  rule: FreightRule;
  label: string;
  valueKusd: number;
  share: number;
  flows: number;
}

/** Import value by freight rule (land, air by product or by value per tonne, no port, sea) with its share. */
export function ruleRows(report: ExposureResponse, lang: Lang): RuleRow[] {
  return report.byRule
    .map((r) => ({
      rule: r.rule,
      label: r[lang],
      valueKusd: r.valueKusd,
      share: report.totalValueKusd > 0 ? r.valueKusd / report.totalValueKusd : 0,
      flows: r.flows,
    }))
    .sort((a, b) => b.valueKusd - a.valueKusd);
}

/** Adds or removes a strait from the closure set (kept sorted, so the URL and caches stay stable). */
export function toggleClosure(closed: readonly string[], passage: string): string[] {
  return closed.includes(passage) ? closed.filter((p) => p !== passage) : [...closed, passage].sort();
}

export interface ProductRow {
  product: string;
  valueKusd: number;
  seaShare: number;
  /** The strait carrying most of the product's sea value, with that value's share of the product's imports. */
  mainStrait: { passage: string; name: string; share: number };
}

/** The products with the most import value through straits (sum over straits of the value crossing each), top `limit`. */
export function productRows(report: ExposureResponse, lang: Lang, limit = 10): ProductRow[] {
  const through = (byPassage: Record<string, number>) => Object.values(byPassage).reduce((a, b) => a + b, 0);
  return report.products
    .filter((p) => through(p.byPassage) > 0)
    .sort((a, b) => through(b.byPassage) - through(a.byPassage) || a.product.localeCompare(b.product))
    .slice(0, limit)
    .map((p) => {
      const [passage, value] = Object.entries(p.byPassage).sort(
        (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
      )[0];
      return {
        product: p.product,
        valueKusd: p.valueKusd,
        seaShare: p.valueKusd > 0 ? p.seaValueKusd / p.valueKusd : 0,
        mainStrait: {
          passage,
          name: nameOf(report.passageNames, passage, lang),
          share: p.valueKusd > 0 ? value / p.valueKusd : 0,
        },
      };
    });
}
