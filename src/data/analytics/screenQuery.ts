import type { AnalyticsStore, Row } from './store.ts';
import { sqlString } from './store.ts';
import { noExportsRatio } from '../../analysis/importExportRatio.ts';
import { cumulativeTolerance } from '../../analysis/countriesTo.ts';
import type { IndicatorName, Method, MethodOptions, Thresholds } from '../../analysis/methods/method.ts';

/**
 * The supply-chain screen at scale (PRODUCT.md §3.2): one DuckDB query over bilateral trade (BACI layout
 * t, i exporter, j importer, k HS6, v thousand USD, q tonnes) computing, per reporter × HS6 for a year, the
 * indicators of src/analysis/ (shares, HHI, top-1/top-3, countries to 75 %, concern and like-minded shares,
 * unit value, M/X, world export HHI) and each method's flag with its persistence over the last years.
 * Tested against the pure functions on real BACI rows (test/data/screenQuery.test.ts).
 *
 * Reporters: a country is one member; a group (EU27 …) has many, and flows between its members are not imports
 * nor exports of the group. Every exporter/importer code is a BACI numeric code; `partners` maps them to ISO3
 * and marks countries of concern and like-minded countries.
 */
export interface ScreenPartner {
  code: number;
  iso3: string;
  concern: boolean;
  likeMinded: boolean;
}

export interface ScreenReporter {
  /** ISO3 or group code, as it appears in the result. */
  reporter: string;
  members: number[];
}

export interface ScreenMethodInput {
  method: Method;
  thresholds: Thresholds;
  options?: MethodOptions;
}

export interface ScreenQueryInput {
  /** DuckDB table expression giving t, i, j, k, v, q. */
  source: string;
  year: number;
  /** Years looked at for persistence (the screen window m, ≥ every method's own window). */
  window: number;
  /** The reporters, or 'ALL': every country in `partners` as its own reporter, in one pass. */
  reporters: ScreenReporter[] | 'ALL';
  partners: ScreenPartner[];
  methods: ScreenMethodInput[];
  /** BACI code of a named partner whose share is reported (majority method with --partner). */
  partnerCode?: number;
  /** Limit to these HS6 codes (critical goods). */
  products?: string[];
  /**
   * Years present in the dataset. When none of the window's earlier years is present, persistence is the target
   * year alone and the query skips the per-year bookkeeping (same results, one pass).
   */
  yearsPresent?: number[];
  /** Columns added to every row (provenance in files). */
  constants?: Record<string, string | boolean>;
}

/** SQL column holding each indicator a method may test (per reporter, product and year). */
const indicatorColumn: Record<IndicatorName, string> = {
  hhi: 'hhi',
  topShare: 'top_share',
  extraGroupShare: 'extra_group_share',
  importExportRatio: 'mx',
  worldExportHhi: 'world_hhi',
  partnerShare: 'partner_share',
};

function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

/** Method criteria as one SQL boolean (all criteria hold; unknown values never hold). */
export function methodConditionSql(input: ScreenMethodInput): string {
  const criteria = input.method.criteria(input.options);
  return criteria
    .map((c) => `coalesce(${indicatorColumn[c.indicator]} ${c.op} ${num(input.thresholds[c.threshold])}, false)`)
    .join(' AND ');
}

function methodWindow(input: ScreenMethodInput): number | undefined {
  return input.method.persistence ? input.thresholds[input.method.persistence.window] : undefined;
}

/** Column name for per-method results: flagEu2021, yearsEu2021. */
export function methodColumn(prefix: 'flag' | 'years', methodId: string): string {
  return prefix + methodId.charAt(0).toUpperCase() + methodId.slice(1);
}

function values(rows: (string | number | boolean)[][]): string {
  return rows
    .map((r) => `(${r.map((v) => (typeof v === 'string' ? sqlString(v) : typeof v === 'boolean' ? String(v) : num(v))).join(', ')})`)
    .join(',\n    ');
}

export function buildScreenSql(input: ScreenQueryInput): string {
  const { year } = input;
  const window = Math.max(input.window, ...input.methods.map((m) => methodWindow(m) ?? 1));
  const firstYear = year - window + 1;
  const singleYear = input.yearsPresent !== undefined && !input.yearsPresent.some((y) => y >= firstYear && y < year);
  const all = input.reporters === 'ALL';
  const groups = !all && (input.reporters as ScreenReporter[]).some((r) => r.members.length > 1);
  const reporterRows = all ? [] : (input.reporters as ScreenReporter[]).flatMap((r) => r.members.map((m) => [r.reporter, m]));
  if (!all && reporterRows.length === 0) throw new Error('screen needs at least one reporter member');
  if (input.partnerCode === undefined && input.methods.some((m) => m.options?.partner)) {
    throw new Error('a method names a partner but the screen has no partnerCode');
  }
  const productFilter = input.products ? ` AND k IN (${input.products.map(sqlString).join(', ') || "''"})` : '';
  const partnerShare =
    input.partnerCode === undefined
      ? 'NULL::DOUBLE'
      : `coalesce(sum(v) FILTER (WHERE partner = ${num(input.partnerCode)}), 0) / any_value(total)`;
  // A single country's "extra-group" share is its imports from outside its like-minded group (see method.ts).
  const extraGroupShare = groups ? 's.total / (s.total + coalesce(intra.v, 0))' : '1 - s.like_minded_share';
  const ctes: string[] = [
    `partners(code, iso3, concern, like_minded) AS (VALUES\n    ${values(input.partners.map((p) => [p.code, p.iso3, p.concern, p.likeMinded]))})`,
    all
      ? `rep AS (SELECT iso3 AS reporter, code AS member FROM partners)`
      : `rep(reporter, member) AS (VALUES\n    ${values(reporterRows)})`,
    `flows AS (SELECT CAST(t AS INTEGER) AS t, i, j, k, v, q FROM ${input.source} WHERE ${singleYear ? `t = ${year}` : `t BETWEEN ${firstYear} AND ${year}`}${productFilter})`,
    // Imports of each reporter by partner; inside a group, a member's imports from another member are not imports.
    // Without groups each importer code is its own reporter and BACI has one row per (t, i, j, k): the flows
    // are the imports by partner as they stand, with no aggregation pass over every flow.
    groups
      ? `imp AS (
  SELECT f.t, r.reporter, f.k, f.i AS partner, sum(f.v) AS v, sum(f.q) FILTER (WHERE f.q > 0) AS q, sum(f.v) FILTER (WHERE f.q > 0) AS vq
  FROM flows f JOIN rep r ON f.j = r.member
  WHERE NOT EXISTS (SELECT 1 FROM rep g WHERE g.reporter = r.reporter AND g.member = f.i)
  GROUP BY ALL HAVING sum(f.v) > 0)`
      : `imp AS (
  SELECT f.t, r.reporter, f.k, f.i AS partner, f.v, CASE WHEN f.q > 0 THEN f.q END AS q, CASE WHEN f.q > 0 THEN f.v END AS vq
  FROM flows f JOIN rep r ON f.j = r.member WHERE f.v > 0)`,
    // Running sums in descending order of value: a supplier is among the "countries to 75 %" when the larger
    // ones before it are short of 75 % (countriesTo.ts, same tolerance).
    `ranked AS (
  SELECT imp.*, sum(v) OVER (PARTITION BY t, reporter, k) AS total,
    coalesce(sum(v) OVER (PARTITION BY t, reporter, k ORDER BY v DESC, partner ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
    row_number() OVER (PARTITION BY t, reporter, k ORDER BY v DESC, partner) AS rank
  FROM imp)`,
    `supply AS (
  SELECT r.t, r.reporter, r.k, any_value(total) AS total,
    sum((v / total) * (v / total)) AS hhi,
    max(v) / any_value(total) AS top_share,
    min(CASE WHEN rank = 1 THEN coalesce(p.iso3, CAST(partner AS VARCHAR)) END) AS top_supplier,
    sum(v) FILTER (WHERE rank <= 3) / any_value(total) AS top3_share,
    count(*) AS suppliers,
    count(*) FILTER (WHERE before / total < 0.75 - ${cumulativeTolerance}) AS countries_to_75,
    coalesce(sum(v) FILTER (WHERE p.concern), 0) / any_value(total) AS concern_share,
    coalesce(sum(v) FILTER (WHERE p.like_minded), 0) / any_value(total) AS like_minded_share,
    ${partnerShare} AS partner_share,
    sum(vq) * 1000 / sum(q) AS unit_value
  FROM ranked r LEFT JOIN partners p ON p.code = r.partner
  GROUP BY r.t, r.reporter, r.k)`,
    `world_by_exporter AS MATERIALIZED (SELECT t, k, i, sum(v) AS v FROM flows GROUP BY ALL HAVING sum(v) > 0)`,
    `world AS (
  SELECT w.t, w.k, sum(w.v) AS total, sum(w.v * w.v) / (sum(w.v) * sum(w.v)) AS hhi,
    arg_max(coalesce(p.iso3, CAST(w.i AS VARCHAR)), w.v) AS top_exporter, max(w.v) / sum(w.v) AS top_share
  FROM world_by_exporter w LEFT JOIN partners p ON p.code = w.i GROUP BY w.t, w.k)`,
    groups
      ? `exp AS (
  SELECT f.t, r.reporter, f.k, sum(f.v) AS v FROM flows f JOIN rep r ON f.i = r.member
  WHERE NOT EXISTS (SELECT 1 FROM rep g WHERE g.reporter = r.reporter AND g.member = f.j)
  GROUP BY ALL)`
      : `exp AS (SELECT w.t, r.reporter, w.k, sum(w.v) AS v FROM world_by_exporter w JOIN rep r ON w.i = r.member GROUP BY ALL)`,
  ];
  if (groups) {
    ctes.push(`intra AS (
  SELECT f.t, r.reporter, f.k, sum(f.v) AS v FROM flows f JOIN rep r ON f.j = r.member
  JOIN rep g ON g.reporter = r.reporter AND g.member = f.i GROUP BY ALL)`);
  }
  ctes.push(`yearly AS (
  SELECT s.*, coalesce(e.v, 0) AS exports,
    CASE WHEN coalesce(e.v, 0) > 0 THEN s.total / e.v ELSE ${num(noExportsRatio)} END AS mx,
    ${extraGroupShare} AS extra_group_share,
    w.hhi AS world_hhi, w.top_exporter, w.top_share AS world_top_share
  FROM supply s
  LEFT JOIN exp e USING (t, reporter, k)
  LEFT JOIN world w USING (t, k)
  ${groups ? 'LEFT JOIN intra USING (t, reporter, k)' : ''})`);
  // Each method's criteria judged per year, then counted over its window (persistence.ts). MATERIALIZED: the
  // result is read twice (persistence and the target year) and DuckDB would otherwise compute it twice.
  const metCols = input.methods.map((m) => `${methodConditionSql(m)} AS met_${m.method.id}`);
  ctes.push(`judged AS ${singleYear ? '' : 'MATERIALIZED '}(SELECT yearly.*${metCols.map((c) => `, ${c}`).join('')} FROM yearly)`);
  // Years in which the criteria held: counted over the window, or, with a single year of data, that year alone.
  const years = (id: string) => (singleYear ? `CAST(y.met_${id} AS INTEGER)` : `p.${methodColumn('years', id)}`);
  if (!singleYear) {
    const persistenceCols = input.methods.map((m) => {
      const w = methodWindow(m) ?? window;
      return `count_if(met_${m.method.id} AND t > ${year - w}) AS ${methodColumn('years', m.method.id)}`;
    });
    ctes.push(`persist AS (SELECT reporter, k, ${['count(*) AS years_with_imports', ...persistenceCols].join(', ')} FROM judged GROUP BY reporter, k)`);
  }
  const flagCols = input.methods.map((m) => {
    const flag = m.method.persistence
      ? `${years(m.method.id)} >= ${num(m.thresholds[m.method.persistence.minYears])}`
      : `y.met_${m.method.id}`;
    return `${flag} AS ${methodColumn('flag', m.method.id)}`;
  });
  const constants = Object.entries(input.constants ?? {}).map(
    ([name, value]) => `${typeof value === 'boolean' ? String(value) : sqlString(value)} AS "${name}"`,
  );
  return `WITH ${ctes.join(',\n')}
SELECT y.reporter, y.k AS hs6, y.total * 1000 AS "importValueUsd", y.hhi, y.top_supplier AS "topSupplier",
  y.top_share AS "topShare", y.top3_share AS "top3Share", y.suppliers, y.countries_to_75 AS "countriesTo75",
  y.concern_share AS "concernShare", y.like_minded_share AS "likeMindedShare", y.partner_share AS "partnerShare",
  y.extra_group_share AS "extraGroupShare", y.unit_value AS "unitValueUsdPerTonne",
  y.exports * 1000 AS "exportValueUsd", y.mx AS "importExportRatio", y.exports = 0 AS "noExports",
  y.world_hhi AS "worldExportHhi", y.top_exporter AS "topWorldExporter", y.world_top_share AS "topWorldExporterShare",
  ${singleYear ? '1' : 'p.years_with_imports'} AS "yearsWithImports",
  ${[...flagCols, ...input.methods.map((m) => `${years(m.method.id)} AS ${methodColumn('years', m.method.id)}`), ...constants].join(',\n  ')}
FROM judged y ${singleYear ? '' : 'JOIN persist p USING (reporter, k)'}
WHERE y.t = ${year}
ORDER BY y.reporter, y.total DESC, y.k`;
}

/** One row of the screen as the query returns it (flat; flags and years per method as flagX / yearsX). */
export interface ScreenRow extends Row {
  reporter: string;
  hs6: string;
  importValueUsd: number;
  hhi: number;
  topSupplier: string;
  topShare: number;
  top3Share: number;
  suppliers: number;
  countriesTo75: number;
  concernShare: number;
  likeMindedShare: number;
  partnerShare: number | null;
  extraGroupShare: number;
  unitValueUsdPerTonne: number | null;
  exportValueUsd: number;
  importExportRatio: number;
  noExports: boolean;
  worldExportHhi: number | null;
  topWorldExporter: string | null;
  topWorldExporterShare: number | null;
  yearsWithImports: number;
}

export async function runScreenQuery(store: AnalyticsStore, input: ScreenQueryInput): Promise<ScreenRow[]> {
  return store.query<ScreenRow>(buildScreenSql(input));
}

/** Writes the screen straight from DuckDB to a file (the `--reporter ALL` path): Parquet, or CSV with a header. */
export async function copyScreenQuery(
  store: AnalyticsStore,
  input: ScreenQueryInput,
  file: string,
  format: 'parquet' | 'csv',
): Promise<void> {
  const options = format === 'parquet' ? "(FORMAT parquet, COMPRESSION zstd)" : '(FORMAT csv, HEADER true)';
  await store.run(`COPY (${buildScreenSql(input)}) TO ${sqlString(file)} ${options}`);
}
