import type { AnalyticsStore, Row } from '../analytics/store.ts';
import { sqlString } from '../analytics/store.ts';
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
  /** Largest values kept per reporter × product before a full ranking is needed (default `defaultTopListLength`; tests vary it). */
  topListLength?: number;
  /**
   * Numbers typed for a text file (CSV): USD values as whole-dollar integers and shares (0–1) as decimals with 15
   * places (exactly 0 or 1 as `0` / `1`), instead of doubles. DuckDB writes a double in its shortest exact form
   * (~165 ns a value, measured on 13 M values; a DECIMAL(18, 15) ~55 ns, an integer ~45 ns): for the 1.1 M rows of
   * ALL, 11 such columns were a third of the time spent writing the CSV. 15 places are finer than a share can move
   * with the order of the sums (~1e-16), and a share of a non-zero flow never rounds to 0 (a flow is ≥ 1 USD and a
   * product's imports < 1e15 USD).
   */
  textNumbers?: boolean;
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
    .map(
      (c) => `coalesce(${indicatorColumn[c.indicator]} ${c.op} ${num(input.thresholds[c.threshold])}, false)`,
    )
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
    .map(
      (r) =>
        `(${r.map((v) => (typeof v === 'string' ? sqlString(v) : typeof v === 'boolean' ? String(v) : num(v))).join(', ')})`,
    )
    .join(',\n    ');
}

/**
 * Length of the list of largest import values kept per reporter × product. The top-1/top-3 shares and the
 * countries to 75 % are read from it; products it does not settle (more suppliers than this, still short of 75 %)
 * are ranked in full by a window over their flows alone.
 */
export const defaultTopListLength = 20;

/** Bits of a partner code in the ranked values of the top list (BACI country codes are 1–999, checked on import). */
const partnerBits = 14;
const partnerMask = (1 << partnerBits) - 1;

/** Bit 1: country of concern, bit 2: like-minded; an array indexed by BACI code + 1 (see `partnerClassSql`). */
function partnerClassSql(partners: ScreenPartner[], column: string): string {
  const classes = byPartnerCode(
    partners,
    0,
    (p, previous) => previous | (p.concern ? 1 : 0) | (p.likeMinded ? 2 : 0),
  );
  // A lookup in a constant array costs a third of an IN list of 26 codes or a join, per flow (measured on 11 M
  // flows).
  return lookupByCode(listLiteral(classes.length ? classes : [0], 'UTINYINT'), column);
}

/**
 * A constant SQL list written as one string cast to a list type, `('[1, 2, NULL]'::INTEGER[])`: DuckDB plans it as
 * one constant, where `[1, 2, NULL]` is an expression per element that every optimizer pass walks (the ALL screen
 * has ~3,500 such elements, one per BACI code in each lookup). Text elements are double-quoted, so the text NULL
 * stays text; they are codes (letters, digits, `_ . -`), anything else is refused.
 */
function listLiteral(items: (string | number | null)[], type: string): string {
  const element = (x: string | number | null) => {
    if (x === null) return 'NULL';
    if (typeof x === 'number') return num(x);
    if (!/^[A-Za-z0-9_.-]+$/.test(x)) throw new Error(`list element "${x}" is not a code`);
    return `"${x}"`;
  };
  return `(${sqlString(`[${items.map(element).join(', ')}]`)}::${type}[])`;
}

/** A value per BACI partner code, as an array indexed by the code (`empty` where no partner has the code). */
function byPartnerCode<T>(
  partners: ScreenPartner[],
  empty: T,
  value: (p: ScreenPartner, previous: T) => T,
): T[] {
  const out: T[] = [];
  for (const p of partners) {
    if (!Number.isInteger(p.code) || p.code < 0 || p.code > 9999)
      throw new Error(`partner code ${p.code} is not a BACI country code`);
    while (out.length <= p.code) out.push(empty);
    out[p.code] = value(p, out[p.code]);
  }
  return out;
}

/** The element of a constant SQL list for a code; index 0 (a negative code) and indexes past the end give NULL. */
function lookupByCode(list: string, column: string): string {
  return `${list}[greatest(${column} + 1, 0)]`;
}

/**
 * What every CTE builder below reads: the input, checked, and the choices made once from it (the window, whether
 * one year or several, how reporters are given).
 */
interface ScreenPlan {
  input: ScreenQueryInput;
  year: number;
  /** The longest window looked at: the screen's, or a method's own persistence window. */
  window: number;
  firstYear: number;
  /** None of the window's earlier years is present: one year, one pass (see `yearsPresent`). */
  singleYear: boolean;
  /** Every country in `partners` as its own reporter. */
  all: boolean;
  /** Some reporter has several members (EU27 …): flows between its members are left out. */
  groups: boolean;
  /** (reporter, member code) of the named reporters; empty for ALL. */
  reporterRows: (string | number)[][];
  /** Length of the top list (`topListLength`). */
  top: number;
  /** ALL: the first BACI code of each ISO3 (a country with several codes is keyed by its first). */
  firstCode: Map<string, number>;
  /** ALL: the partners whose code is not their country's first. */
  aliases: ScreenPartner[];
}

function screenPlan(input: ScreenQueryInput): ScreenPlan {
  const { year } = input;
  const window = Math.max(input.window, ...input.methods.map((m) => methodWindow(m) ?? 1));
  const firstYear = year - window + 1;
  const singleYear =
    input.yearsPresent !== undefined && !input.yearsPresent.some((y) => y >= firstYear && y < year);
  const all = input.reporters === 'ALL';
  const groups = !all && (input.reporters as ScreenReporter[]).some((r) => r.members.length > 1);
  const reporterRows = all
    ? []
    : (input.reporters as ScreenReporter[]).flatMap((r) => r.members.map((m) => [r.reporter, m]));
  if (!all && reporterRows.length === 0) throw new Error('screen needs at least one reporter member');
  if (input.partnerCode === undefined && input.methods.some((m) => m.options?.partner)) {
    throw new Error('a method names a partner but the screen has no partnerCode');
  }
  const top = input.topListLength ?? defaultTopListLength;
  if (!Number.isInteger(top) || top < 3)
    throw new Error(`topListLength must be a whole number ≥ 3, not ${top}`);
  // ALL: every importer code is its own reporter, keyed by the code (names are attached to the 1 M result rows,
  // not to the 11 M flows); a country with several BACI codes is keyed by its first.
  const firstCode = new Map<string, number>();
  for (const p of input.partners) if (!firstCode.has(p.iso3)) firstCode.set(p.iso3, p.code);
  const aliases = input.partners.filter((p) => firstCode.get(p.iso3) !== p.code);
  return { input, year, window, firstYear, singleYear, all, groups, reporterRows, top, firstCode, aliases };
}

/** The screen's SQL: one CTE per step, then the rows of the target year, sorted, with names attached. */
export function buildScreenSql(input: ScreenQueryInput): string {
  const plan = screenPlan(input);
  const ctes: string[] = [
    ...(plan.all ? [] : [reportersCte(plan)]),
    flowsCte(plan),
    importsCte(plan),
    supplyCte(plan),
    rankedCte(),
    fallbackCte(),
    worldByExporterCte(plan),
    worldCte(),
    exportsCte(plan),
    ...(plan.groups ? [intraCte()] : []),
    yearlyCte(plan),
    judgedCte(plan),
    ...(plan.singleYear ? [] : [persistCte(plan)]),
  ];
  return screenSelect(plan, ctes);
}

/** ALL: the CASE that maps a country's second code to its first (the column as it is when no country has two). */
function reporterKey({ aliases, firstCode }: ScreenPlan, column: string): string {
  // Guarded by an IN list: BACI uses few of the other codes, and one IN test per flow costs half of trying every
  // WHEN of the CASE (measured on the 11 M flows of the synthetic year, 10 aliases: 0.12 vs 0.22 s CPU).
  return aliases.length
    ? `CASE WHEN ${column} IN (${aliases.map((a) => num(a.code)).join(', ')}) THEN CASE ${column} ${aliases.map((a) => `WHEN ${num(a.code)} THEN ${num(firstCode.get(a.iso3)!)}`).join(' ')} END ELSE ${column} END`
    : column;
}

/** The year column of the two big aggregations, and what they group by besides. */
function yearColumn({ singleYear, year }: ScreenPlan): { select: string; groupBy: string } {
  // With one year, t is a constant, left out of the two big GROUP BYs (grouping on it cost CPU for nothing).
  return singleYear ? { select: `${num(year)} AS t`, groupBy: '' } : { select: 't', groupBy: 't, ' };
}

/** Countries to 75 % counts suppliers until their cumulative share reaches 0.75, less countriesTo.ts's tolerance. */
const cumulativeShare = num(0.75 - cumulativeTolerance);

/** rep: the named reporters' member codes, one row each. */
function reportersCte({ reporterRows }: ScreenPlan): string {
  return `rep(reporter, member) AS (VALUES\n    ${values(reporterRows)})`;
}

/** flows: the window's flows (of the listed products only, for critical goods). */
function flowsCte(plan: ScreenPlan): string {
  const { input, singleYear, year, firstYear } = plan;
  const productFilter = input.products
    ? ` AND k IN (${input.products.map(sqlString).join(', ') || "''"})`
    : '';
  // NOT MATERIALIZED: read twice (imports, world exports); re-reading the Parquet costs less than buffering 11 M
  // flows (~0.4 GB) for the second reader.
  return `flows AS NOT MATERIALIZED (SELECT ${singleYear ? yearColumn(plan).select : 'CAST(t AS INTEGER) AS t'}, i, j, k, v, q FROM ${input.source} WHERE ${singleYear ? `t = ${year}` : `t BETWEEN ${firstYear} AND ${year}`}${productFilter})`;
}

/**
 * imp: imports of each reporter by partner; inside a group, a member's imports from another member are not
 * imports. Without groups each importer code is its own reporter and BACI has one row per (t, i, j, k): the flows
 * are the imports by partner as they stand, with no aggregation pass over every flow.
 */
function importsCte(plan: ScreenPlan): string {
  if (plan.groups) {
    return `imp AS (
  SELECT f.t, r.reporter, f.k, f.i AS partner, sum(f.v) AS v, sum(f.q) FILTER (WHERE f.q > 0) AS q, sum(f.v) FILTER (WHERE f.q > 0) AS vq
  FROM flows f JOIN rep r ON f.j = r.member
  WHERE NOT EXISTS (SELECT 1 FROM rep g WHERE g.reporter = r.reporter AND g.member = f.i)
  GROUP BY ALL HAVING sum(f.v) > 0)`;
  }
  if (plan.all) {
    return `imp AS NOT MATERIALIZED (
  SELECT t, ${reporterKey(plan, 'j')} AS reporter, k, i AS partner, v, CASE WHEN q > 0 THEN q END AS q, CASE WHEN q > 0 THEN v END AS vq
  FROM flows WHERE v > 0)`;
  }
  return `imp AS NOT MATERIALIZED (
  SELECT f.t, r.reporter, f.k, f.i AS partner, f.v, CASE WHEN f.q > 0 THEN f.q END AS q, CASE WHEN f.q > 0 THEN f.v END AS vq
  FROM flows f JOIN rep r ON f.j = r.member WHERE f.v > 0)`;
}

/** The sum of the n largest values of the top list, left to right. */
function sumOfLargest(n: number): string {
  return `(${Array.from({ length: n }, (_, i) => `top[${i + 1}]`).join(' + ')})`;
}

/**
 * Countries to 75 % (countriesTo.ts): the smallest n whose n largest values reach 75 %, as one CASE that stops at
 * the first n that does (DuckDB evaluates each WHEN only for the rows still undecided: most products stop after a
 * few suppliers, so this costs less than a running sum over the whole list for every product); the list's length
 * when none does. The sums are left to right, the same additions as a running sum.
 */
function countriesTo75Sql(top: number): string {
  return `CASE ${Array.from(
    { length: top - 1 },
    (_, i) => `WHEN ${sumOfLargest(i + 1)} / total >= ${cumulativeShare} THEN ${i + 1}`,
  ).join(' ')} ELSE ${top} END`;
}

/**
 * supply: the indicators of each reporter × product (× year) from its imports: total, HHI, top-1 and top-3 shares,
 * suppliers, countries to 75 % (when the top list settles it), the top supplier, concern, like-minded and named
 * partner shares, unit value.
 */
function supplyCte(plan: ScreenPlan): string {
  const { input, top } = plan;
  const partnerShare =
    input.partnerCode === undefined
      ? 'NULL::DOUBLE'
      : `coalesce(sum(v) FILTER (WHERE partner = ${num(input.partnerCode)}), 0) / sum(v)`;
  const t = yearColumn(plan);
  // One aggregation per reporter × product, no sort of the flows: the largest values as a list (max(x, n) is
  // sorted, largest first) give the top shares and the countries to 75 % (the window over every flow that
  // ranked them cost 3–4× this whole step). MATERIALIZED: read again by the products that need a full ranking.
  // The list holds integers that carry the value and the supplier: whole dollars × 2^14 + (2^14 − 1 − partner
  // code). Sorted, they rank by value and, among equal values, by the smaller code first — the rule for the
  // top supplier — so ties need no full ranking, and no arg_max is needed; comparing integers also costs less
  // than comparing doubles (5 % less CPU for the whole ALL screen, measured). BACI values are thousands of USD
  // with three decimals, so the dollars are exact and v = dollars / 1000 bit for bit (DuckDB's cast to BIGINT
  // rounds to the nearest integer, so no round() is needed); a store with finer values would be ranked to the
  // dollar.
  return `supply AS MATERIALIZED (
  SELECT t, reporter, k, total, hhi, top_share, top3_share, suppliers, countries_to_75, rank_all,
    top_partner, concern_share, like_minded_share, partner_share, unit_value
  FROM (
  SELECT t, reporter, k, total, sumsq / (total * total) AS hhi, top[1] / total AS top_share,
    (top[1] + coalesce(top[2], 0) + coalesce(top[3], 0)) / total AS top3_share, suppliers,
    ${countriesTo75Sql(top)} AS countries_to_75,
    suppliers > ${top} AND ${sumOfLargest(top)} / total < ${cumulativeShare} AS rank_all,
    top_partner, concern_share, like_minded_share, partner_share, unit_value
  FROM (
  SELECT *, list_transform(ranked_values, x -> (x >> ${partnerBits}) / 1000) AS top,
    ${partnerMask} - (ranked_values[1] & ${partnerMask}) AS top_partner
  FROM (
    SELECT ${t.select}, reporter, k, sum(v) AS total, sum(v * v) AS sumsq, count(*) AS suppliers,
      max(CAST(v * 1000 AS BIGINT) * ${partnerMask + 1} + (${partnerMask} - partner), ${top}) AS ranked_values,
      -- v × the class bit (0 or 1) instead of a FILTER: the same sum (adding 0 changes no sum), less CPU.
      coalesce(sum(v * (class & 1)), 0) / sum(v) AS concern_share,
      coalesce(sum(v * ((class >> 1) & 1)), 0) / sum(v) AS like_minded_share,
      ${partnerShare} AS partner_share,
      sum(vq) * 1000 / sum(q) AS unit_value
    FROM (SELECT *, ${partnerClassSql(input.partners, 'partner')} AS class FROM imp)
    GROUP BY ${t.groupBy}reporter, k))))`;
}

/**
 * ranked: the products the list does not settle (more suppliers than the list, still short of 75 %): every
 * supplier ranked by value, then code, for the countries to 75 % (the list's first entry is the top supplier
 * anyway).
 */
function rankedCte(): string {
  return `ranked AS (
  SELECT t, reporter, k, count(*) FILTER (WHERE before / total < ${cumulativeShare}) AS countries_to_75
  FROM (
    SELECT imp.t, imp.reporter, imp.k, s.total,
      coalesce(sum(imp.v) OVER (PARTITION BY imp.t, imp.reporter, imp.k ORDER BY imp.v DESC, imp.partner
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
    FROM imp JOIN supply s ON s.t = imp.t AND s.reporter = imp.reporter AND s.k = imp.k AND s.rank_all)
  GROUP BY t, reporter, k)`;
}

/**
 * fallback: the few thousand answers of the full ranking as one map, looked up by the products that need them. A
 * LEFT JOIN of the screened rows to them was planned the other way round (DuckDB estimates millions of ranked
 * rows), hashing all 1.1 M screened rows of ALL to probe a few thousand: 0.35 s CPU, against ~0.1 s for the map.
 */
function fallbackCte(): string {
  return `fallback AS (SELECT map_from_entries(list({'k': {'t': t, 'r': reporter, 'k': k}, 'v': countries_to_75})) AS m FROM ranked)`;
}

/** world_by_exporter: every exporter's exports of each product (× year), the base of world HHI and of exports. */
function worldByExporterCte(plan: ScreenPlan): string {
  const t = yearColumn(plan);
  return `world_by_exporter AS MATERIALIZED (SELECT ${t.select}, k, i, sum(v) AS v FROM flows GROUP BY ${t.groupBy}k, i HAVING sum(v) > 0)`;
}

/** world: world export HHI of each product, its top exporter (the smaller code among equals) and that one's share. */
function worldCte(): string {
  return `world AS (
  SELECT t, k, sum(v * v) / (sum(v) * sum(v)) AS hhi, arg_max(i, (v, -i)) AS top_code, max(v) / sum(v) AS top_share
  FROM world_by_exporter GROUP BY t, k)`;
}

/** exp: each reporter's exports of each product (a group's to non-members only), for M/X. */
function exportsCte(plan: ScreenPlan): string {
  if (plan.groups) {
    return `exp AS (
  SELECT f.t, r.reporter, f.k, sum(f.v) AS v FROM flows f JOIN rep r ON f.i = r.member
  WHERE NOT EXISTS (SELECT 1 FROM rep g WHERE g.reporter = r.reporter AND g.member = f.j)
  GROUP BY ALL)`;
  }
  if (!plan.all) {
    return `exp AS (SELECT w.t, r.reporter, w.k, sum(w.v) AS v FROM world_by_exporter w JOIN rep r ON w.i = r.member GROUP BY ALL)`;
  }
  if (!plan.aliases.length) return `exp AS (SELECT t, i AS reporter, k, v FROM world_by_exporter)`;
  // Every code of the countries that have more than one.
  const twoCodeCountries = [
    ...new Set(plan.aliases.flatMap((a) => [a.code, plan.firstCode.get(a.iso3)!])),
  ].map(num);
  // A country's second code counts as its first: the exporters' sums of the countries with two codes are summed
  // again under the first code; every other exporter passes as it is (summing all 934 k sums again cost 0.23 s
  // CPU on the synthetic year, 11 M flows; mapping every flow before the sums, 0.74 s).
  return `exp AS (
  SELECT t, i AS reporter, k, v FROM world_by_exporter WHERE i NOT IN (${twoCodeCountries.join(', ')})
  UNION ALL
  SELECT t, ${reporterKey(plan, 'i')} AS reporter, k, sum(v) AS v FROM world_by_exporter
  WHERE i IN (${twoCodeCountries.join(', ')}) GROUP BY ALL)`;
}

/** intra: a group's imports from its own members, for its extra-group share. */
function intraCte(): string {
  return `intra AS (
  SELECT f.t, r.reporter, f.k, sum(f.v) AS v FROM flows f JOIN rep r ON f.j = r.member
  JOIN rep g ON g.reporter = r.reporter AND g.member = f.i GROUP BY ALL)`;
}

/**
 * yearly: every indicator of each reporter × product × year in one row: supply's, with the countries to 75 % of
 * the full ranking where the list did not settle it, exports and M/X, the extra-group share and world figures.
 */
function yearlyCte({ groups }: ScreenPlan): string {
  // A single country's "extra-group" share is its imports from outside its like-minded group (see method.ts).
  const extraGroupShare = groups ? 's.total / (s.total + coalesce(intra.v, 0))' : '1 - s.like_minded_share';
  return `yearly AS (
  SELECT s.t, s.reporter, s.k, s.total, s.hhi, s.top_share, s.top3_share, s.suppliers,
    CASE WHEN s.rank_all THEN coalesce((SELECT m FROM fallback)[{'t': s.t, 'r': s.reporter, 'k': s.k}], s.countries_to_75)
      ELSE s.countries_to_75 END AS countries_to_75,
    s.top_partner AS top_supplier_code,
    s.concern_share, s.like_minded_share, s.partner_share, s.unit_value,
    coalesce(e.v, 0) AS exports,
    CASE WHEN coalesce(e.v, 0) > 0 THEN s.total / e.v ELSE ${num(noExportsRatio)} END AS mx,
    ${extraGroupShare} AS extra_group_share,
    w.hhi AS world_hhi, w.top_code AS top_exporter_code, w.top_share AS world_top_share
  FROM supply s
  LEFT JOIN exp e USING (t, reporter, k)
  LEFT JOIN world w USING (t, k)
  ${groups ? 'LEFT JOIN intra USING (t, reporter, k)' : ''})`;
}

/**
 * judged: each method's criteria judged per year (met_<method>). MATERIALIZED: the result is read twice
 * (persistence and the target year) and DuckDB would otherwise compute it twice.
 */
function judgedCte({ input, singleYear }: ScreenPlan): string {
  const metCols = input.methods.map((m) => `${methodConditionSql(m)} AS met_${m.method.id}`);
  return `judged AS ${singleYear ? '' : 'MATERIALIZED '}(SELECT yearly.*${metCols.map((c) => `, ${c}`).join('')} FROM yearly)`;
}

/** persist: years with imports and, per method, years in which its criteria held within its window (persistence.ts). */
function persistCte({ input, year, window }: ScreenPlan): string {
  const persistenceCols = input.methods.map((m) => {
    const w = methodWindow(m) ?? window;
    return `count_if(met_${m.method.id} AND t > ${year - w}) AS ${methodColumn('years', m.method.id)}`;
  });
  return `persist AS (SELECT reporter, k, ${['count(*) AS years_with_imports', ...persistenceCols].join(', ')} FROM judged GROUP BY reporter, k)`;
}

/** Years in which the criteria held: counted over the window, or, with a single year of data, that year alone. */
function yearsMet({ singleYear }: ScreenPlan, id: string): string {
  return singleYear ? `CAST(y.met_${id} AS INTEGER)` : `p.${methodColumn('years', id)}`;
}

/**
 * The column in the sorted rows; its output expression when that is not the column itself; whether it is a share
 * (0–1) or a USD value (see `textNumbers`).
 */
interface OutputColumn {
  sorted: string;
  out?: string;
  number?: 'share' | 'usd';
}

/** The result's columns, in order: indicators, then each method's flag and years. */
function outputColumns(plan: ScreenPlan): OutputColumn[] {
  const { input, all, singleYear, firstCode } = plan;
  const flagCols = input.methods.map((m) => {
    const flag = m.method.persistence
      ? `${yearsMet(plan, m.method.id)} >= ${num(m.thresholds[m.method.persistence.minYears])}`
      : `y.met_${m.method.id}`;
    return `${flag} AS ${methodColumn('flag', m.method.id)}`;
  });
  // Sorted on numbers alone (moving text through the sort of 1.1 M rows cost more CPU than sorting them); the ISO3
  // names and the constants are attached after the sort by lookups in constant lists, which keep the order (a join
  // would not: duckdb.org/docs/stable/sql/dialect/order_preservation).
  const iso3ByCode = byPartnerCode<string | null>(input.partners, null, (p) => p.iso3);
  const textList = (items: (string | null)[]) => listLiteral(items, 'VARCHAR');
  // A code without a country keeps its number (as before the lookup: BACI may add codes).
  const iso3Of = (column: string) =>
    `coalesce(${lookupByCode(textList(iso3ByCode), column)}, CAST(${column} AS VARCHAR))`;
  // ALL's reporters in alphabetical order of ISO3: the position is what the result is sorted on.
  const reporterOrder = [...firstCode].sort(([a], [b]) => (a < b ? -1 : 1));
  const reporterNames = reporterOrder.map(([iso3]) => iso3);
  // ALL: a reporter's alphabetical position, looked up by its (first) code; importer codes of no country have none
  // and are left out.
  const position = new Map(reporterOrder.map(([iso3], ord) => [iso3, ord]));
  const ordByCode = byPartnerCode<number | null>(
    input.partners.filter((p) => firstCode.get(p.iso3) === p.code),
    null,
    (p) => position.get(p.iso3)!,
  );
  const share = (sorted: string): OutputColumn => ({ sorted, number: 'share' });
  // BACI values are thousands of USD with three decimals: whole dollars (the sums' last bits are noise).
  const usd = (column: string, name: string): OutputColumn => ({
    sorted: `round(${column} * 1000) AS "${name}"`,
    number: 'usd',
  });
  return [
    all
      ? {
          sorted: `${lookupByCode(listLiteral(ordByCode, 'SMALLINT'), 'y.reporter')} AS ord`,
          out: `${textList(reporterNames)}[ord + 1] AS reporter`,
        }
      : { sorted: 'y.reporter' },
    { sorted: 'y.k AS hs6' },
    usd('y.total', 'importValueUsd'),
    share('y.hhi'),
    { sorted: 'y.top_supplier_code', out: `${iso3Of('top_supplier_code')} AS "topSupplier"` },
    share('y.top_share AS "topShare"'),
    share('y.top3_share AS "top3Share"'),
    { sorted: 'y.suppliers' },
    { sorted: 'y.countries_to_75 AS "countriesTo75"' },
    share('y.concern_share AS "concernShare"'),
    share('y.like_minded_share AS "likeMindedShare"'),
    share('y.partner_share AS "partnerShare"'),
    share('y.extra_group_share AS "extraGroupShare"'),
    { sorted: 'y.unit_value AS "unitValueUsdPerTonne"' },
    usd('y.exports', 'exportValueUsd'),
    { sorted: 'y.mx AS "importExportRatio"' },
    { sorted: 'y.exports = 0 AS "noExports"' },
    share('y.world_hhi AS "worldExportHhi"'),
    { sorted: 'y.top_exporter_code', out: `${iso3Of('top_exporter_code')} AS "topWorldExporter"` },
    share('y.world_top_share AS "topWorldExporterShare"'),
    { sorted: `${singleYear ? '1' : 'p.years_with_imports'} AS "yearsWithImports"` },
    ...flagCols.map((sorted) => ({ sorted })),
    ...input.methods.map((m) => ({
      sorted: `${yearsMet(plan, m.method.id)} AS ${methodColumn('years', m.method.id)}`,
    })),
  ];
}

/** The name a column has in the sorted rows: its alias, or the column without its table. */
function columnName(column: string): string {
  const alias = / AS ("?[A-Za-z0-9_]+"?)$/.exec(column);
  return alias ? alias[1] : column.replace(/^[a-z]\./, '');
}

/** A column as the result gives it: its output expression, typed for a text file when `textNumbers` asks. */
function outputSql({ sorted, out, number }: OutputColumn, textNumbers: boolean | undefined): string {
  const expr = out ?? columnName(sorted);
  if (!textNumbers || !number) return expr;
  const name = columnName(expr);
  if (number === 'usd') return `CAST(${name} AS BIGINT) AS ${name}`;
  // A share of exactly 0 or 1 (one in ten cells here) as one digit rather than 17: 10 % less to write.
  return `CASE WHEN ${name} = 0 THEN '0' WHEN ${name} = 1 THEN '1' ELSE CAST(CAST(${name} AS DECIMAL(18, 15)) AS VARCHAR) END AS ${name}`;
}

/** The target year's rows of `judged` (with persistence), sorted, then named and typed, with the constants. */
function screenSelect(plan: ScreenPlan, ctes: string[]): string {
  const { input, singleYear, year, all } = plan;
  const columns = outputColumns(plan);
  const constants = Object.entries(input.constants ?? {}).map(
    ([name, value]) => `${typeof value === 'boolean' ? String(value) : sqlString(value)} AS "${name}"`,
  );
  // Ranked by import value rounded to a thousandth of a dollar: equal values summed in another order (parallel
  // aggregation) must not swap places between runs. ALL sorts reporters by their alphabetical position.
  return `WITH ${ctes.join(',\n')}
SELECT ${[...columns.map((c) => outputSql(c, input.textNumbers)), ...constants].join(', ')}
FROM (
SELECT ${columns.map((c) => c.sorted).join(',\n  ')}
FROM judged y ${singleYear ? '' : 'JOIN persist p USING (reporter, k)'}
WHERE y.t = ${year}${all ? ' AND ord IS NOT NULL' : ''}
ORDER BY 1, round(y.total, 6) DESC, y.k) sorted`;
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
  const options = format === 'parquet' ? '(FORMAT parquet, COMPRESSION zstd)' : '(FORMAT csv, HEADER true)';
  const sql = buildScreenSql({ ...input, textNumbers: format === 'csv' });
  await store.run(`COPY (${sql}) TO ${sqlString(file)} ${options}`);
}
