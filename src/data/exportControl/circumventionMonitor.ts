import { ChokepointError } from '../../errors.ts';
import { provenanceOf, type Catalog, type CatalogEntry, type Provenance } from '../catalog/catalog.ts';
import type { DataDir } from '../catalog/dataDir.ts';
import type { AnalyticsStore } from '../analytics/store.ts';
import type { StateDb } from '../state/db.ts';
import type { Reader } from '../security/readContext.ts';
import { findTradeDataset, tradeSource } from '../catalog/tradeDataset.ts';
import { countryByBaciCode, countryByIso3, resolveCountry } from '../reference/countries.ts';
import { findGroup, recordGroupsUsed } from '../reference/groupStore.ts';
import {
  circumventionReport,
  defaultCircumventionParameters,
  type CircumventionFlow,
  type CircumventionReport,
  type CircumventionTotals,
} from '../../analysis/exportControl/circumvention.ts';
import type { Marking } from '../../analysis/marking.ts';
import { getProductList, productCodes, type ProductListEntry } from './productLists.ts';
import { controlOrderDataset, controlOrderTables } from './exportCheckService.ts';

/**
 * The circumvention monitor on an annual trade dataset (src/analysis/exportControl/circumvention.ts): the goods of
 * a product list (default the CHPL), the sources (Japan and a partner group, default G7), the target (default
 * Russia), a base and a later year. One DuckDB query reads the two years' flows of the goods — values reach SQL
 * only as bound parameters (lists as one comma-separated text each, split in SQL) — and sums, per third country and
 * product, its imports from the sources and its exports to the target; a second gives the sources' exports, the
 * target's imports and the direct flows per product.
 */
export interface CircumventionRequest {
  /** ISO3 or a name; default RUS. */
  target?: string;
  /**
   * A country group id (editable groups: G7, LIKE_MINDED …) or one country (JPN: Japan alone, so every other
   * country — Group A members included — is a third country); Japan is always a source. Default G7.
   */
  sources?: string;
  /** A product list id (default 'chpl'), unless `products` gives the codes. */
  productList?: string;
  products?: ProductListEntry[];
  baseYear?: number;
  year?: number;
  dataset?: string;
  surge?: number;
  rise?: number;
  minValueUsd?: number;
}

export interface CircumventionServices {
  catalog: Catalog;
  dataDir: DataDir;
  analytics: AnalyticsStore;
  state: StateDb;
}

export interface CircumventionResult extends CircumventionReport {
  target: string;
  /** `group` is the group's id, or the country's ISO3 when one country was given. */
  sources: { group: string; members: string[] };
  /** The Order's version whose 別表第三 marks each country's `groupA`; null when the dataset is not present. */
  groupA: { dataset: string; version: string } | null;
  products: ProductListEntry[];
  productList: string | null;
  provenance: Provenance;
  /** The markings of the stored objects it used (group, product list); the dataset's is the caller's to add. */
  markings: Marking[];
  dataset: CatalogEntry;
}

const codeList = (codes: readonly number[]) => codes.join(',');

/** Third country × product × year: imports from the sources, exports to the target (thousand USD). */
const pairSql = (source: string) => `
WITH flows AS (
  SELECT CAST(t AS INTEGER) AS t, i, j, k, v FROM ${source}
  WHERE t IN ($1, $2) AND k IN (SELECT unnest(string_split($3, ',')))
),
src AS (SELECT CAST(unnest(string_split($4, ',')) AS INTEGER) AS code),
tgt AS (SELECT CAST(unnest(string_split($5, ',')) AS INTEGER) AS code),
inflow AS (
  SELECT t, j AS c, k, sum(v) AS v FROM flows
  WHERE i IN (SELECT code FROM src) AND j NOT IN (SELECT code FROM src) AND j NOT IN (SELECT code FROM tgt)
  GROUP BY ALL),
outflow AS (
  SELECT t, i AS c, k, sum(v) AS v FROM flows
  WHERE j IN (SELECT code FROM tgt) AND i NOT IN (SELECT code FROM src) AND i NOT IN (SELECT code FROM tgt)
  GROUP BY ALL)
SELECT t, c, k, coalesce(inflow.v, 0) AS from_sources, coalesce(outflow.v, 0) AS to_target
FROM inflow FULL OUTER JOIN outflow USING (t, c, k)
ORDER BY t, c, k`;

/** Product × year: the sources' exports, the target's imports and the direct flows (thousand USD). */
const totalsSql = (source: string) => `
WITH flows AS (
  SELECT CAST(t AS INTEGER) AS t, i, j, k, v FROM ${source}
  WHERE t IN ($1, $2) AND k IN (SELECT unnest(string_split($3, ',')))
),
src AS (SELECT CAST(unnest(string_split($4, ',')) AS INTEGER) AS code),
tgt AS (SELECT CAST(unnest(string_split($5, ',')) AS INTEGER) AS code)
SELECT t, k,
  coalesce(sum(v) FILTER (WHERE i IN (SELECT code FROM src) AND j NOT IN (SELECT code FROM src)), 0) AS source_exports,
  coalesce(sum(v) FILTER (WHERE j IN (SELECT code FROM tgt) AND i NOT IN (SELECT code FROM tgt)), 0) AS target_imports,
  coalesce(sum(v) FILTER (WHERE i IN (SELECT code FROM src) AND j IN (SELECT code FROM tgt)), 0) AS direct
FROM flows GROUP BY ALL ORDER BY t, k`;

function number(value: number | undefined, field: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < min)
    throw new ChokepointError('bad_input', `${field} must be a number ≥ ${min}`, { field });
  return value;
}

function baciCodes(iso3s: readonly string[]): number[] {
  return iso3s.flatMap((iso3) => countryByIso3(iso3)?.baciCodes ?? []);
}

export async function monitorCircumvention(
  services: CircumventionServices,
  request: CircumventionRequest,
  reader?: Reader,
): Promise<CircumventionResult> {
  const target = resolveCountry(request.target ?? 'RUS');
  if (!target)
    throw new ChokepointError('unknown_code', `target "${request.target}" is not a known country`, {
      field: 'target',
    });
  const sourcesText = (request.sources ?? 'G7').trim();
  const group = await findGroup(services.state, sourcesText.toUpperCase());
  const sourceCountry = group ? undefined : resolveCountry(sourcesText);
  if (!group && !sourceCountry)
    throw new ChokepointError('not_found', `no country group or country "${sourcesText}"`, {
      field: 'sources',
    });
  const markings: Marking[] = [];
  if (group) {
    recordGroupsUsed([group]);
    markings.push(group.marking);
  }
  const members = [...new Set(['JPN', ...(group?.members ?? [sourceCountry!.iso3])])]
    .filter((m) => m !== target.iso3)
    .sort();

  let productList: string | null = null;
  let products: ProductListEntry[];
  if (request.products?.length) products = productCodes(request.products);
  else {
    const list = await getProductList(services.state, request.productList ?? 'chpl', reader);
    productList = list.id;
    products = list.products;
    markings.push(list.marking);
  }

  const entry = findTradeDataset(services.catalog, request.dataset, request.year);
  const years = [...(entry.years ?? [])].sort((a, b) => a - b);
  const year = request.year ?? years.at(-1);
  if (year === undefined || !years.includes(year))
    throw new ChokepointError('no_data', `dataset ${entry.id} has no year ${request.year ?? ''}`.trim(), {
      field: 'year',
    });
  const baseYear = request.baseYear ?? Math.max(years[0], year - 3);
  if (!years.includes(baseYear) || baseYear >= year)
    throw new ChokepointError(
      'bad_input',
      `the base year must be a year of ${entry.id} before ${year} (years: ${years.join(', ')})`,
      { field: 'baseYear' },
    );
  const parameters = {
    baseYear,
    year,
    surge: number(request.surge, 'surge', defaultCircumventionParameters.surge),
    rise: number(request.rise, 'rise', defaultCircumventionParameters.rise),
    minValueUsd: number(request.minValueUsd, 'minValueUsd', defaultCircumventionParameters.minValueUsd),
  };

  const source = tradeSource(services.dataDir, entry);
  const params = [
    baseYear,
    year,
    products.map((p) => p.hs6).join(','),
    codeList(baciCodes(members)),
    codeList(target.baciCodes),
  ];
  const pairRows = await services.analytics.query<{
    t: number;
    c: number;
    k: string;
    from_sources: number;
    to_target: number;
  }>(pairSql(source), params);
  const totalRows = await services.analytics.query<{
    t: number;
    k: string;
    source_exports: number;
    target_imports: number;
    direct: number;
  }>(totalsSql(source), params);
  // BACI values are thousand USD; some countries have two BACI codes (summed under their ISO3).
  const flows: CircumventionFlow[] = pairRows.map((r) => ({
    country: countryByBaciCode(r.c)?.iso3 ?? String(r.c),
    hs6: r.k,
    year: r.t,
    fromSources: r.from_sources * 1000,
    toTarget: r.to_target * 1000,
  }));
  const totals: CircumventionTotals[] = totalRows.map((r) => ({
    hs6: r.k,
    year: r.t,
    sourceExports: r.source_exports * 1000,
    targetImports: r.target_imports * 1000,
    direct: r.direct * 1000,
  }));
  const order = services.catalog.find(controlOrderDataset) ? controlOrderTables(services.catalog) : undefined;
  const report = circumventionReport(
    flows,
    totals,
    parameters,
    products.map((p) => p.hs6),
    order?.tables.countries.groupA,
  );
  return {
    ...report,
    target: target.iso3,
    sources: { group: group?.id ?? sourceCountry!.iso3, members },
    groupA: order ? { dataset: controlOrderDataset, version: order.version } : null,
    products,
    productList,
    provenance: provenanceOf(entry),
    markings,
    dataset: entry,
  };
}
