import type { Catalog, Provenance } from '../catalog/catalog.ts';
import { provenanceOf } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import { findTradeDataset, tradeSource } from '../catalog/tradeDataset.ts';
import {
  countries,
  countryByIso3,
  countryName,
  resolveCountry,
  type Country,
} from '../reference/countries.ts';
import { ChokepointError } from '../../errors.ts';
import {
  assembleExposure,
  type ExposureAggregates,
  type ExposureResult,
  type PartnerRoutes,
} from '../../analysis/maritime/exposure.ts';
import { exposureAggregatesSql } from './exposureQuery.ts';
import {
  defaultFreightOptions,
  freightRuleLabels,
  type FreightOptions,
  type FreightRule,
} from '../../analysis/maritime/freightRules.ts';
import { areLandNeighbours } from '../../analysis/maritime/landNeighbours.ts';
import { passageById } from '../../analysis/maritime/passages.ts';
import { defaultSpeedKnots } from '../../analysis/maritime/route.ts';
import { openSeaRoutes, parseClosures, routeMethod, type Closures, type SeaRoutes } from './seaRoutes.ts';
import { countryRouteTable, type CountryRouteTable } from './countryRouteCache.ts';

/**
 * The exposure report behind `chokepoint exposure` and GET /api/maritime/exposure: a reporter's imports in a
 * year (one product, an HS prefix, or all) from the trade dataset, each flow given a freight rule and, when
 * sea-borne, the partner → reporter route between main ports; shares per passage; a closure what-if.
 */
export interface ExposureRequest {
  /** ISO3, ISO2, BACI code or name. */
  reporter: string;
  year: number;
  /** HS6 code or a 2–6 digit prefix; all products when absent. */
  hs?: string;
  closed?: string | string[];
  open?: string | string[];
  speedKnots?: number;
  tradeDataset?: string;
  freight?: Partial<FreightOptions>;
  flowsPerPassage?: number;
  /** Products (largest first) broken down by passage; all when unset. */
  productsWithPassages?: number;
}

/** BACI / Comtrade exporter code → ISO3, for every current country and territory. */
const aggregateCache = new Map<string, ExposureAggregates>();

/** Forgets the aggregates kept between runs (benchmarks time the read from the store with it). */
export function clearExposureCache(): void {
  aggregateCache.clear();
}

export const partnerCodes = new Map<number, string>();
for (const c of countries) {
  if (c.kind === 'historical') continue;
  for (const code of c.baciCodes) if (!partnerCodes.has(code)) partnerCodes.set(code, c.iso3);
}

export interface Named {
  code: string;
  en: string;
  ja: string;
}

export interface ExposureReport extends Omit<ExposureResult, 'byRule'> {
  reporter: Named;
  year: number;
  hs: string | null;
  closed: string[];
  speedKnots: number;
  freight: FreightOptions;
  reporterPorts: string[];
  byRule: { rule: FreightRule; en: string; ja: string; valueKusd: number; flows: number }[];
  passageNames: Record<string, { en: string; ja: string }>;
  partnerNames: Record<string, { en: string; ja: string }>;
  valueUnit: 'thousand USD';
  method: string;
  provenance: { trade: Provenance; network: Provenance };
  synthetic: boolean;
  /** queryMs is ~0 when the aggregates came from an earlier run (aggregatesFromCache). */
  timings: { queryMs: number; routesMs: number; exposureMs: number; aggregatesFromCache: boolean };
}

export interface ExposureServices {
  dataDir: DataDir;
  catalog: Catalog;
  analytics: AnalyticsStore;
}

export function resolveReporter(text: string): Country {
  const country = resolveCountry(text);
  if (!country)
    throw new ChokepointError('unknown_code', `unknown country "${text}" (ISO3 such as JPN, or a name)`, {
      field: 'reporter',
    });
  return country;
}

/**
 * The partner → reporter routes (between main ports, precomputed for all countries and cached) with the
 * baseline closures and, for a what-if, the scenario's.
 */
export function reporterRoutes(
  services: Pick<ExposureServices, 'dataDir'>,
  sea: SeaRoutes,
  reporterIso3: string,
  baselineClosures: Closures,
  scenarioClosures?: Closures,
): { routesOf: (partner: string) => PartnerRoutes; baseline: CountryRouteTable } {
  const baseline = countryRouteTable(sea, services.dataDir, baselineClosures);
  const scenario = scenarioClosures ? countryRouteTable(sea, services.dataDir, scenarioClosures) : undefined;
  const reporterHasPorts = baseline.mainPorts.has(reporterIso3);
  const routesOf = (partner: string): PartnerRoutes => ({
    hasPorts: reporterHasPorts && baseline.mainPorts.has(partner),
    landNeighbour: areLandNeighbours(partner, reporterIso3),
    baseline: baseline.routes.get(partner)?.get(reporterIso3) ?? null,
    scenario: scenario ? (scenario.routes.get(partner)?.get(reporterIso3) ?? null) : undefined,
  });
  return { routesOf, baseline };
}

export async function exposureReport(
  services: ExposureServices,
  request: ExposureRequest,
): Promise<ExposureReport> {
  const reporter = resolveReporter(request.reporter);
  if (!Number.isInteger(request.year) || request.year < 1950 || request.year > 2100) {
    throw new ChokepointError('bad_input', `year must be a four-digit year, not ${request.year}`, {
      field: 'year',
    });
  }
  const hs = request.hs?.trim();
  if (hs !== undefined && !/^\d{2,6}$/.test(hs)) {
    throw new ChokepointError('bad_input', `HS code must be 2–6 digits, not "${request.hs}"`, {
      field: 'hs',
    });
  }
  const speedKnots = request.speedKnots ?? defaultSpeedKnots;
  if (!(speedKnots > 0 && speedKnots <= 60)) {
    throw new ChokepointError('bad_input', `speed must be between 0 and 60 knots, not ${speedKnots}`, {
      field: 'speed-knots',
    });
  }
  const freight: FreightOptions = { ...defaultFreightOptions, ...request.freight };
  const scenarioClosures = parseClosures(request.closed, request.open);
  const baselineClosures = parseClosures([], request.open);
  const extraClosed = scenarioClosures.ids.filter((id) => !baselineClosures.ids.includes(id));

  const trade = findTradeDataset(services.catalog, request.tradeDataset, request.year);
  const sea = openSeaRoutes(services.dataDir, services.catalog);

  const codes = reporter.baciCodes.filter((c) => Number.isInteger(c));
  if (codes.length === 0)
    throw new ChokepointError('no_data', `${reporter.en} has no trade code`, { field: 'reporter' });

  const t1 = performance.now();
  const { routesOf, baseline } = reporterRoutes(
    services,
    sea,
    reporter.iso3,
    baselineClosures,
    extraClosed.length ? scenarioClosures : undefined,
  );
  const routesMs = performance.now() - t1;

  const t0 = performance.now();
  const options = {
    freight,
    speedKnots,
    closed: extraClosed,
    flowsPerPassage: request.flowsPerPassage ?? 10,
  };
  // The aggregates depend on the baseline routes only, not on a what-if's closures: a series of what-ifs for
  // the same reporter and year reads the store once (kept per dataset version, network, main ports, options).
  const cacheKey = JSON.stringify([
    services.dataDir.root,
    services.analytics.location,
    trade.path,
    sea.versionKey,
    baseline.portsKey,
    baselineClosures.key,
    codes,
    request.year,
    hs ?? null,
    freight,
    options.flowsPerPassage,
    request.productsWithPassages ?? null,
  ]);
  const source = tradeSource(services.dataDir, trade, services.analytics); // records the read, cached or not
  let aggregates = aggregateCache.get(cacheKey);
  const fromCache = aggregates !== undefined;
  if (!aggregates) {
    aggregates = await exposureAggregatesSql(services.analytics, {
      source,
      year: request.year,
      reporterCodes: codes,
      hs,
      partnerOf: partnerCodes,
      routesOf,
      freight,
      flowsPerPassage: options.flowsPerPassage,
      productsWithPassages: request.productsWithPassages,
    });
    aggregateCache.set(cacheKey, aggregates);
    if (aggregateCache.size > 16) aggregateCache.delete(aggregateCache.keys().next().value!);
  }
  const queryMs = performance.now() - t0;
  if (aggregates.partnerRules.length === 0) {
    throw new ChokepointError(
      'no_data',
      `no imports of ${reporter.iso3} in ${request.year}${hs ? ` for HS ${hs}` : ''} in dataset ${trade.id}` +
        (trade.years?.length ? ` (years present: ${trade.years.join(', ')})` : ''),
      { field: 'year' },
    );
  }

  const t2 = performance.now();
  const result = assembleExposure(aggregates, routesOf, options);
  const exposureMs = performance.now() - t2;
  const partnerNames: Record<string, { en: string; ja: string }> = {};
  for (const p of result.partners) {
    const c = p.partner.startsWith('BACI:') ? undefined : countryByIso3(p.partner);
    partnerNames[p.partner] = c
      ? { en: countryName(c, 'en'), ja: countryName(c, 'ja') }
      : { en: `BACI code ${p.partner.slice(5)}`, ja: `BACIコード ${p.partner.slice(5)}` };
  }

  const passageNames: Record<string, { en: string; ja: string }> = {};
  for (const id of new Set([...result.passages.map((p) => p.passage), ...scenarioClosures.ids])) {
    const p = passageById(id);
    if (p) passageNames[id] = { en: p.en, ja: p.ja };
  }
  return {
    ...result,
    reporter: { code: reporter.iso3, en: countryName(reporter, 'en'), ja: countryName(reporter, 'ja') },
    year: request.year,
    hs: hs ?? null,
    closed: scenarioClosures.ids,
    speedKnots,
    freight,
    reporterPorts: baseline.mainPorts.get(reporter.iso3)?.ports ?? [],
    byRule: result.byRule.map((r) => ({ ...r, ...freightRuleLabels[r.rule] })),
    passageNames,
    partnerNames,
    valueUnit: 'thousand USD',
    method:
      `${routeMethod}. Partner → reporter route = shortest over the two countries' main ports (mainPorts.ts rule). ` +
      `Exposure of a passage = import value of sea-routed flows whose route crosses it; share = that / all imports. ` +
      `Freight rules: land neighbours, air for HS ${freight.airProducts.join('/')} or value > ${freight.airValuePerTonneUsd.toLocaleString('en-US')} USD/t.`,
    provenance: { trade: provenanceOf(trade), network: provenanceOf(sea.entry) },
    synthetic: trade.synthetic,
    timings: { queryMs, routesMs, exposureMs, aggregatesFromCache: fromCache },
  };
}
