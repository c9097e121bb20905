import { provenanceOf, type Provenance } from '../catalog/catalog.ts';
import type { Row } from '../analytics/store.ts';
import { countryByBaciCode } from '../reference/countries.ts';
import { criticalHsCodes } from '../reference/criticalGoodsRegistry.ts';
import type { ScreenServices } from '../screening/screen.ts';
import { codeList, hsList, resolveParty, tradeScope, type Party } from './tradeScope.ts';
import {
  surgesAtFallingUnitValue,
  type SurgePoint,
  type TradePoint,
} from '../../analysis/overcapacity/surge.ts';
import { marketShareGrowth, type ShareGrowth } from '../../analysis/overcapacity/marketShareGrowth.ts';
import {
  defaultOvercapacityParameters,
  type OvercapacityParameters,
} from '../../analysis/overcapacity/parameters.ts';
import { ChokepointError } from '../../errors.ts';

/**
 * Overcapacity signals in annual trade (analysis: src/analysis/overcapacity/):
 * - import surges at falling unit values: a reporter's imports of each product (from everyone, or from one
 *   supplier), this year against last, in value and quantity (BACI q, tonnes);
 * - the same as a column for the screen (`overcapacityColumn`: hs6 → the year's point);
 * - suppliers pushing into the world market: each exporter's world export share growth against world demand growth
 *   (constant-market-share effects) for one product.
 * A product whose quantities are not all published in either year has no unit value (no surge judged).
 */
export interface SurgeRequest {
  dataset?: string;
  reporter: string;
  /** Only imports from this country or group (e.g. CHN). */
  supplier?: string;
  year: number;
  hs?: string[];
  critical?: boolean;
  parameters?: Partial<OvercapacityParameters>;
}

export interface ProductSurge extends SurgePoint {
  hs6: string;
  critical: string[];
}

export interface SurgeReport {
  reporter: Party;
  supplier: Party | null;
  year: number;
  baseYear: number;
  parameters: OvercapacityParameters;
  items: ProductSurge[];
  counts: { products: number; surges: number; noQuantity: number };
  provenance: Provenance;
}

interface YearRow extends Row {
  t: number;
  k: string;
  v: number;
  q: number | null;
  /** Flows without a quantity in the group. */
  nq: number;
}

export function overcapacityParameters(p: Partial<OvercapacityParameters> = {}): OvercapacityParameters {
  const out = { ...defaultOvercapacityParameters, ...p };
  for (const [name, value] of Object.entries(out)) {
    if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      throw new ChokepointError('bad_input', `${name} must be a number ≥ 0`, { field: name });
    }
  }
  return out;
}

async function productsOf(
  services: ScreenServices,
  request: Pick<SurgeRequest, 'hs' | 'critical'>,
): Promise<string[] | undefined> {
  for (const [n, code] of (request.hs ?? []).entries()) {
    if (!/^\d{6}$/.test(code))
      throw new ChokepointError('unknown_code', `HS code "${code}" is not six digits`, { field: `hs[${n}]` });
  }
  if (!request.critical) return request.hs;
  if (!services.state) throw new ChokepointError('internal', 'the critical filter needs the state database');
  return [...(await criticalHsCodes(services.state)).keys()];
}

/** Import surges at falling unit values, every product the reporter imported in the year, largest first. */
export async function importSurges(services: ScreenServices, request: SurgeRequest): Promise<SurgeReport> {
  const scope = tradeScope(services, request.year, request.dataset);
  const baseYear = request.year - 1;
  if (!(scope.entry.years ?? []).includes(baseYear)) {
    throw new ChokepointError(
      'no_data',
      `dataset "${scope.entry.id}" has no ${baseYear} to compare ${request.year} with`,
      { field: 'year' },
    );
  }
  const parameters = overcapacityParameters(request.parameters);
  const reporter = await resolveParty(services, request.reporter, 'reporter');
  const supplier = request.supplier ? await resolveParty(services, request.supplier, 'supplier') : null;
  const products = await productsOf(services, request);
  const own = codeList(reporter.codes);
  const from = supplier
    ? ` AND i IN (${codeList(supplier.codes.filter((c) => !reporter.codes.includes(c)))})`
    : '';
  const rows = await services.analytics.query<YearRow>(
    `SELECT t, k, sum(v) AS v, sum(q) AS q, count(*) FILTER (WHERE q IS NULL) AS nq FROM ${scope.source}
     WHERE t IN ($1, $2) AND j IN (${own}) AND i NOT IN (${own})${from}${products ? ` AND k IN (${hsList(products)})` : ''}
     GROUP BY t, k`,
    [baseYear, request.year],
  );
  const critical = services.state ? await criticalHsCodes(services.state) : new Map<string, string[]>();
  const byProduct = new Map<string, Partial<Record<number, TradePoint>>>();
  for (const r of rows) {
    const m = byProduct.get(r.k) ?? byProduct.set(r.k, {}).get(r.k)!;
    // A sum over flows some of which have no quantity is not the quantity: none, then.
    m[r.t] = { period: String(r.t), value: r.v * 1000, quantity: r.nq > 0 || r.q === null ? null : r.q };
  }
  const items: ProductSurge[] = [];
  for (const [hs6, years] of byProduct) {
    const now = years[request.year];
    if (!now) continue;
    const before = years[baseYear] ?? { period: String(baseYear), value: 0, quantity: null };
    const [point] = surgesAtFallingUnitValue([before, now], 1, parameters);
    items.push({ hs6, critical: critical.get(hs6) ?? [], ...point });
  }
  items.sort((a, b) => Number(b.surge) - Number(a.surge) || b.value - a.value || a.hs6.localeCompare(b.hs6));
  return {
    reporter,
    supplier,
    year: request.year,
    baseYear,
    parameters,
    items,
    counts: {
      products: items.length,
      surges: items.filter((i) => i.surge).length,
      noQuantity: items.filter((i) => i.missing === 'no-quantity').length,
    },
    provenance: provenanceOf(scope.entry),
  };
}

/**
 * The screen's overcapacity column: hs6 → this year's import surge point of the reporter (from every supplier). The
 * screen calls it with the same dataset, reporter and year and joins on hs6 (docs/identification.md).
 */
export async function overcapacityColumn(
  services: ScreenServices,
  request: Omit<SurgeRequest, 'hs' | 'critical' | 'supplier'>,
): Promise<Map<string, ProductSurge>> {
  const report = await importSurges(services, request);
  return new Map(report.items.map((i) => [i.hs6, i]));
}

export interface SupplierPushRequest {
  dataset?: string;
  hs6: string;
  year: number;
  /** Compare with this many years before (default 3, or the earliest year the dataset holds within them). */
  years?: number;
  parameters?: Partial<OvercapacityParameters>;
  limit?: number;
}

export interface SupplierPushReport {
  hs6: string;
  year: number;
  fromYear: number;
  worldUsd: { from: number; to: number };
  parameters: OvercapacityParameters;
  /** Exporters by share effect, largest first. */
  items: ShareGrowth[];
  provenance: Provenance;
}

interface ExporterRow extends Row {
  t: number;
  i: number;
  v: number;
}

/** World export share growth of each supplier of one product against world demand growth. */
export async function supplierPush(
  services: ScreenServices,
  request: SupplierPushRequest,
): Promise<SupplierPushReport> {
  if (!/^\d{6}$/.test(request.hs6))
    throw new ChokepointError('unknown_code', `HS code "${request.hs6}" is not six digits`, { field: 'hs6' });
  const scope = tradeScope(services, request.year, request.dataset);
  const years = request.years ?? 3;
  const fromYear = (scope.entry.years ?? [])
    .filter((y) => y < request.year && y >= request.year - years)
    .sort((a, b) => a - b)[0];
  if (fromYear === undefined) {
    throw new ChokepointError(
      'no_data',
      `dataset "${scope.entry.id}" has no year before ${request.year} within ${years}`,
      { field: 'years' },
    );
  }
  const parameters = overcapacityParameters(request.parameters);
  const rows = await services.analytics.query<ExporterRow>(
    `SELECT t, i, sum(v) AS v FROM ${scope.source} WHERE k = $1 AND t IN ($2, $3) GROUP BY t, i`,
    [request.hs6, fromYear, request.year],
  );
  const byExporter = new Map<string, { from: number; to: number }>();
  const world = { from: 0, to: 0 };
  for (const r of rows) {
    const iso3 = countryByBaciCode(r.i)?.iso3 ?? String(r.i);
    const e = byExporter.get(iso3) ?? { from: 0, to: 0 };
    const usd = r.v * 1000;
    if (r.t === request.year) {
      e.to += usd;
      world.to += usd;
    } else {
      e.from += usd;
      world.from += usd;
    }
    byExporter.set(iso3, e);
  }
  const items = [...byExporter]
    .map(([iso3, e]) => marketShareGrowth(iso3, e, world, request.year - fromYear, parameters))
    .sort(
      (a, b) =>
        (b.shareEffect ?? -Infinity) - (a.shareEffect ?? -Infinity) || a.supplier.localeCompare(b.supplier),
    )
    .slice(0, request.limit ?? 25);
  return {
    hs6: request.hs6,
    year: request.year,
    fromYear,
    worldUsd: world,
    parameters,
    items,
    provenance: provenanceOf(scope.entry),
  };
}
