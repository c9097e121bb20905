import { ChokepointError } from '../../errors.ts';
import { provenanceOf, type Catalog, type CatalogEntry, type Provenance } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import { findPatentDataset, patentFields, patentRows, patentWorldRows } from './patentData.ts';
import { exportYear, findExportDataset, rcaCoverage } from './exportData.ts';
import { fieldWindow, rtaTable, type WorldBasis } from '../../analysis/tech/fieldWindow.ts';
import { rca } from '../../analysis/tech/rca.ts';
import { defaultRuleSet } from '../../analysis/zones/defaultRules.ts';

/** The RTA table of a field and the RCA list of a reporter, as `chokepoint tech` and /api/tech give them. */
export interface TechDataServices {
  dataDir: DataDir;
  catalog: Catalog;
  analytics: AnalyticsStore;
}

export interface RtaReport {
  source: string;
  field: string;
  year: number;
  window: number[];
  method: string;
  /**
   * The world of the RTA: `published` (the source's World rows) or `sum` (over the listed countries); `requested`
   * differs from `used` when the source has no World rows for the field and years.
   */
  world: {
    requested: WorldBasis;
    used: WorldBasis;
    /** The World rows' counts in the last year (null when the source has none). */
    published: { field: number; allFields: number } | null;
    /** Σ over the listed countries in the last year. */
    sum: { field: number; allFields: number };
  };
  /** Patents of the listed countries in the field, last year (shares and concentration are over these). */
  worldCount: number;
  worldGrowth: number | null;
  worldGrowthAllFields: number | null;
  topCountry: string | null;
  topShare: number | null;
  runnerUp: string | null;
  leadRatio: number | null;
  countriesTo75: number | null;
  hhi: number | null;
  items: ReturnType<typeof rtaTable>;
  dataset: CatalogEntry;
  provenance: Provenance;
}

/** `field` is `source/field` or a field name found in one source only. */
export async function rtaReport(
  s: TechDataServices,
  request: { field: string; window?: number; dataset?: string; world?: WorldBasis },
): Promise<RtaReport> {
  const entry = findPatentDataset(s.catalog, request.dataset);
  const available = await patentFields(s.analytics, s.dataDir, entry);
  const [source, field] = request.field.includes('/') ? request.field.split('/') : [undefined, request.field];
  const matches = available.filter((f) => f.field === field && (!source || f.source === source));
  if (matches.length !== 1) {
    throw new ChokepointError(
      'not_found',
      `${matches.length ? 'ambiguous' : 'no'} field "${request.field}" in dataset "${entry.id}" (fields: ${available.map((f) => `${f.source}/${f.field}`).join(', ')})`,
      { field: 'field' },
    );
  }
  const chosen = matches[0];
  const rows = await patentRows(s.analytics, s.dataDir, entry, chosen.source);
  const worldRows = await patentWorldRows(s.analytics, s.dataDir, entry, chosen.source);
  const w = fieldWindow(rows, [chosen.field], request.window ?? defaultRuleSet.parameters.windowYears, {
    worldRows,
    world: request.world,
  })!;
  const last = w.years[w.years.length - 1];
  const c = last.concentration;
  return {
    source: chosen.source,
    field: chosen.field,
    year: last.year,
    window: w.years.map((y) => y.year),
    method: `RTA_cf = (P_cf / Σ_f P_cf) / (P_wf / Σ_f P_wf) (Soete & Wyatt 1983), world = ${w.worldBasis.used === 'published' ? "the publisher's World row" : 'sum over the listed countries'}; trend = OLS slope per year; growth = log-linear`,
    world: {
      ...w.worldBasis,
      published: last.publishedWorld,
      sum: { field: last.world, allFields: last.allFields },
    },
    worldCount: last.world,
    worldGrowth: w.growth,
    worldGrowthAllFields: w.growthAll,
    topCountry: c.topCountry,
    topShare: c.topShare,
    runnerUp: c.runnerUp,
    leadRatio: c.leadRatio,
    countriesTo75: c.countriesToReach,
    hhi: c.hhi,
    items: rtaTable(w),
    dataset: entry,
    provenance: provenanceOf(entry),
  };
}

export interface RcaReport {
  reporter: string;
  year: number;
  productDigits: number;
  products: number;
  method: string;
  coverage: 'all-products' | 'dataset-products';
  items: { product: string; exports: number; rca: number | null; worldShare: number | null }[];
  dataset: CatalogEntry;
  provenance: Provenance;
}

/** The reporter's RCA per product (ISO3 reporter), highest first; only `products` when given. */
export async function rcaReport(
  s: TechDataServices,
  request: { reporter: string; year?: number; products?: string[]; dataset?: string },
): Promise<RcaReport> {
  const entry = findExportDataset(s.catalog, request.dataset);
  const data = await exportYear(s.analytics, s.dataDir, entry, request.year);
  const wanted = request.products ? new Set(request.products) : undefined;
  const items = rca(data.rows)
    .filter((c) => c.exporter === request.reporter && (!wanted || wanted.has(c.product)))
    .sort((a, b) => (b.rca ?? -1) - (a.rca ?? -1) || a.product.localeCompare(b.product))
    .map((c) => ({ product: c.product, exports: c.value, rca: c.rca, worldShare: c.worldShare }));
  return {
    reporter: request.reporter,
    year: data.year,
    productDigits: data.productDigits,
    products: data.products,
    method: 'RCA = (X_ck / X_c) / (X_wk / X_w) (Balassa 1965)',
    coverage: rcaCoverage(data),
    items,
    dataset: entry,
    provenance: provenanceOf(entry),
  };
}
