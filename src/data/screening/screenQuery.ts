import type { AnalyticsStore, Row } from '../analytics/store.ts';
import type { BoundSql } from '../analytics/boundSql.ts';
import type { SqlDialect, SqlStep } from '../analytics/dialect.ts';
import { SqlBuilder } from '../analytics/sqlBuilder.ts';
import { noExportsRatio } from '../../analysis/importExportRatio.ts';
import { cumulativeTolerance } from '../../analysis/countriesTo.ts';
import type { IndicatorName, Method, MethodOptions, Thresholds } from '../../analysis/methods/method.ts';

/**
 * The supply-chain screen at scale (PRODUCT.md §3.2): one query, built for the engine at hand (DuckDB or
 * ClickHouse, one builder with the engine's dialect; values bound), over bilateral trade (BACI layout
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
  /** Table expression of the engine giving t, i, j, k, v, q (tradeSource). */
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

/** A constant of the method written into the SQL (not a value from the request: those are bound). */
function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

/** Method criteria as one SQL boolean (all criteria hold; unknown values never hold); thresholds are bound. */
export function methodConditionSql(b: SqlBuilder, input: ScreenMethodInput): string {
  const criteria = input.method.criteria(input.options);
  return criteria
    .map(
      (c) =>
        `coalesce(${indicatorColumn[c.indicator]} ${c.op} ${b.float(input.thresholds[c.threshold])}, ${b.dialect.falseValue})`,
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

/**
 * Length of the list of largest import values kept per reporter × product (DuckDB). The top-1/top-3 shares and the
 * countries to 75 % are read from it; products it does not settle (more suppliers than this, still short of 75 %)
 * are ranked in full by a window over their flows alone. ClickHouse keeps every value (its sorted arrays cost
 * little there, and 18.16 has no window functions).
 */
export const defaultTopListLength = 20;

/** Bits of a partner code in the ranked values of the top list (BACI country codes are 1–999, checked on import). */
const partnerBits = 14;
const partnerMask = (1 << partnerBits) - 1;

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

/**
 * What every step builder below reads: the input, checked, and the choices made once from it (the window, whether
 * one year or several, how reporters are given), with the builder that binds the values.
 */
interface ScreenPlan {
  input: ScreenQueryInput;
  b: SqlBuilder;
  d: SqlDialect;
  year: number;
  /** The longest window looked at: the screen's, or a method's own persistence window. */
  window: number;
  firstYear: number;
  /** None of the window's earlier years is present: one year, one pass (see `yearsPresent`). */
  singleYear: boolean;
  /** Every country in `partners` as its own reporter. */
  all: boolean;
  /** The named reporter's BACI codes (empty for ALL). */
  members: number[];
  /** The named reporter has several codes (EU27 …): flows between them are left out. */
  groups: boolean;
  /** Length of the top list (`topListLength`); undefined on ClickHouse: every value. */
  top?: number;
  /** ALL: the first BACI code of each ISO3 (a country with several codes is keyed by its first). */
  firstCode: Map<string, number>;
  /** ALL: the partners whose code is not their country's first. */
  aliases: ScreenPartner[];
  /** The key columns of a reporter × product × year: (t, reporter, k) for ALL, (t, k) for one reporter. */
  keys: string;
}

function screenPlan(input: ScreenQueryInput, dialect: SqlDialect): ScreenPlan {
  const { year } = input;
  const window = Math.max(input.window, ...input.methods.map((m) => methodWindow(m) ?? 1));
  const firstYear = year - window + 1;
  const singleYear =
    input.yearsPresent !== undefined && !input.yearsPresent.some((y) => y >= firstYear && y < year);
  const all = input.reporters === 'ALL';
  const named = all ? [] : (input.reporters as ScreenReporter[]);
  if (named.length > 1) throw new Error('screen one reporter at a time, or ALL');
  const members = all ? [] : named[0].members;
  if (!all && members.length === 0) throw new Error('screen needs at least one reporter member');
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
  return {
    input,
    b: new SqlBuilder(dialect),
    d: dialect,
    year,
    window,
    firstYear,
    singleYear,
    all,
    members,
    groups: members.length > 1,
    top: dialect.engine === 'duckdb' ? top : undefined,
    firstCode,
    aliases,
    keys: all ? 't, reporter, k' : 't, k',
  };
}

/** The screen's SQL for an engine: one step per stage, then the rows of the target year, sorted, with names. */
export function buildScreenSql(input: ScreenQueryInput, dialect: SqlDialect): BoundSql {
  const plan = screenPlan(input, dialect);
  const fallback = plan.top !== undefined;
  const steps: SqlStep[] = [
    importsStep(plan),
    supplyStep(plan),
    ...(fallback ? [rankedStep(plan), fallbackStep(plan)] : []),
    worldByExporterStep(plan),
    worldStep(plan),
    exportsStep(plan),
    ...(plan.groups ? [intraStep(plan)] : []),
    yearlyStep(plan),
    judgedStep(plan),
    ...(plan.singleYear ? [] : [persistStep(plan)]),
  ];
  return plan.b.done(dialect.withSteps(steps, (ref) => screenSelect(plan, ref)));
}

/** The year column of the big aggregations, and what they group by besides. */
function yearColumn({ singleYear, year, b, d }: ScreenPlan): { select: string; groupBy: string } {
  // With one year, t is a constant, left out of the big GROUP BYs (grouping on it cost CPU for nothing). Not on
  // ClickHouse: there the alias t would stand for the column t in the same SELECT's WHERE (t = year).
  return singleYear && d.engine === 'duckdb'
    ? { select: `${b.int(year)} AS t`, groupBy: '' }
    : { select: 't', groupBy: 't, ' };
}

/** The trade rows of the window (of the listed products only, for critical goods), and `more` conditions. */
function tradeRows(plan: ScreenPlan, more = ''): string {
  const { input, singleYear, year, firstYear, b } = plan;
  const years = singleYear ? `t = ${b.int(year)}` : `t BETWEEN ${b.int(firstYear)} AND ${b.int(year)}`;
  const products = input.products ? ` AND ${b.inList('k', input.products, 'text[]')}` : '';
  return `${input.source} WHERE ${years}${products}${more}`;
}

/** ALL: the importer's reporter code: a country's second code maps to its first. */
function reporterKey(plan: ScreenPlan, column: string): string {
  const { aliases, firstCode, b, d } = plan;
  if (!aliases.length) return column;
  // Guarded by an IN test: BACI uses few of the other codes, and one IN test per flow costs half of a lookup
  // (measured on the 11 M flows of the synthetic year).
  const keyByCode = byPartnerCode(plan.input.partners, 0, (p) => firstCode.get(p.iso3)!);
  return `CASE WHEN ${b.inList(column, aliases.map((a) => a.code), 'int[]')} THEN ${d.element(b.value(keyByCode, 'int[]'), `${column} + 1`)} ELSE ${column} END`;
}

/**
 * imp: imports of the reporter by partner; inside a group, a member's imports from another member are not
 * imports. Without groups BACI has one row per (t, i, j, k): the flows are the imports by partner as they stand,
 * with no aggregation pass over every flow. Reads the trade rows itself (not through a shared step), so that
 * each engine filters the store's rows where it reads them (a reporter's range of the sorted store).
 */
function importsStep(plan: ScreenPlan): SqlStep {
  const { b, d, all, groups, members } = plan;
  const t = yearColumn(plan);
  // Named apart from the store's columns (iv, iq, ivq): ClickHouse resolves a name to an alias of the same SELECT.
  const quantity = `CASE WHEN q > 0 THEN q END AS iq, CASE WHEN q > 0 THEN v END AS ivq`;
  if (groups) {
    return {
      name: 'imp',
      sql: () => `SELECT ${t.select}, k, i AS partner, sum(v) AS iv, ${d.sumIf('q', 'q > 0')} AS iq, ${d.sumIf('v', 'q > 0')} AS ivq
  FROM ${tradeRows(plan, ` AND ${b.inList('j', members, 'int[]')} AND NOT (${b.inList('i', members, 'int[]')})`)}
  GROUP BY ${t.groupBy}k, i HAVING sum(v) > 0`,
    };
  }
  if (all) {
    // The reporter key is computed above the rows' own SELECT: on a Distributed table ClickHouse 18.16 sends that
    // SELECT to the shards, and a list-valued parameter there fails (it names the column differently once it has
    // been replaced by its value).
    return {
      name: 'imp',
      materialize: 'inline',
      sql: () => `SELECT t, ${reporterKey(plan, 'j')} AS reporter, k, i AS partner, v AS iv, ${quantity}
  FROM (SELECT ${t.select}, j, k, i, v, q FROM ${tradeRows(plan, ' AND v > 0')}) flows`,
    };
  }
  return {
    name: 'imp',
    materialize: 'inline',
    sql: () => `SELECT ${t.select}, k, i AS partner, v AS iv, ${quantity}
  FROM ${tradeRows(plan, ` AND ${b.inList('j', members, 'int[]')} AND v > 0`)}`,
  };
}

/** Countries to 75 % counts suppliers until their cumulative share reaches 0.75, less countriesTo.ts's tolerance. */
const cumulativeShare = num(0.75 - cumulativeTolerance);

/** The sum of the n largest values of the top list, left to right. */
function sumOfLargest(d: SqlDialect, n: number): string {
  return `(${Array.from({ length: n }, (_, i) => d.element('top', String(i + 1))).join(' + ')})`;
}

/**
 * Countries to 75 % (countriesTo.ts): the smallest n whose n largest values reach 75 %. DuckDB, on its top list:
 * one CASE that stops at the first n that does (most products stop after a few suppliers, so this costs less
 * than a running sum over the whole list for every product); the list's length when none does. ClickHouse, on
 * every value: the first running sum that does. Both add left to right, the same additions.
 */
function countriesTo75Sql({ d, top }: ScreenPlan): string {
  if (top === undefined) return `${d.firstIndex(d.cumulativeSums('top'), `x / total >= ${cumulativeShare}`)}`;
  return `CASE ${Array.from(
    { length: top - 1 },
    (_, i) => `WHEN ${sumOfLargest(d, i + 1)} / total >= ${cumulativeShare} THEN ${i + 1}`,
  ).join(' ')} ELSE ${top} END`;
}

/** The partner's class: bit 1 country of concern, bit 2 like-minded (a lookup in a list indexed by code + 1). */
function partnerClassSql({ input, b, d }: ScreenPlan, column: string): string {
  const classes = byPartnerCode(
    input.partners,
    0,
    (p, previous) => previous | (p.concern ? 1 : 0) | (p.likeMinded ? 2 : 0),
  );
  // A lookup in a constant list costs a third of an IN list of 26 codes or a join, per flow (measured on 11 M
  // flows).
  return `coalesce(${d.element(b.value(classes.length ? classes : [0], 'int[]'), `greatest(${column} + 1, 0)`)}, 0)`;
}

/**
 * supply: the indicators of each reporter × product (× year) from its imports: total, HHI, top-1 and top-3 shares,
 * suppliers, countries to 75 % (when the top list settles it), the top supplier, concern, like-minded and named
 * partner shares, unit value.
 */
function supplyStep(plan: ScreenPlan): SqlStep {
  const { input, top, b, d, all } = plan;
  const partnerShare =
    input.partnerCode === undefined
      ? d.nullOf('double')
      : `coalesce(${d.sumIf('iv', `partner = ${b.int(input.partnerCode)}`)}, 0) / sum(iv)`;
  const t = yearColumn(plan);
  const reporter = all ? 'reporter, ' : '';
  const at = (n: number) => d.element('top', String(n));
  // One aggregation per reporter × product, no sort of the flows: the largest values as a list give the top
  // shares and the countries to 75 % (a window over every flow that ranked them cost 3–4× this whole step).
  // MATERIALIZED: read again by the products that need a full ranking. The list holds integers that carry the
  // value and the supplier: whole dollars × 2^14 + (2^14 − 1 − partner code). Sorted, they rank by value and,
  // among equal values, by the smaller code first — the rule for the top supplier — so ties need no full
  // ranking, and no arg_max is needed; comparing integers also costs less than comparing doubles (5 % less CPU
  // for the whole ALL screen, measured). BACI values are thousands of USD with three decimals, so the dollars are
  // exact and v = dollars / 1000 bit for bit; a store with finer values would be ranked to the dollar.
  return {
    name: 'supply',
    materialize: 'materialized',
    sql: (ref) => `SELECT t, ${reporter}k, total, hhi, top_share, top3_share, suppliers, countries_to_75, rank_all,
    top_partner, concern_share, like_minded_share, partner_share, unit_value
  FROM (
  SELECT t, ${reporter}k, total, sumsq / (total * total) AS hhi, ${at(1)} / total AS top_share,
    (${at(1)} + coalesce(${at(2)}, 0) + coalesce(${at(3)}, 0)) / total AS top3_share, suppliers,
    ${countriesTo75Sql(plan)} AS countries_to_75,
    ${top === undefined ? d.falseValue : `suppliers > ${top} AND ${sumOfLargest(d, top)} / total < ${cumulativeShare}`} AS rank_all,
    top_partner, concern_share, like_minded_share, partner_share, unit_value
  FROM (
  SELECT *, ${d.mapList('ranked_values', `${d.shiftRight('x', partnerBits)} / 1000`)} AS top,
    ${partnerMask} - ${d.bitAnd(d.element('ranked_values', '1'), partnerMask)} AS top_partner
  FROM (
    SELECT ${t.select}, ${reporter}k, sum(iv) AS total, sum(iv * iv) AS sumsq, count(*) AS suppliers,
      ${d.largest(`${d.toBigint('iv * 1000')} * ${partnerMask + 1} + (${partnerMask} - partner)`, top)} AS ranked_values,
      -- v × the class bit (0 or 1) instead of a FILTER: the same sum (adding 0 changes no sum), less CPU.
      coalesce(sum(iv * ${d.bitAnd('class', 1)}), 0) / sum(iv) AS concern_share,
      coalesce(sum(iv * ${d.bitAnd(d.shiftRight('class', 1), 1)}), 0) / sum(iv) AS like_minded_share,
      ${partnerShare} AS partner_share,
      sum(ivq) * 1000 / sum(iq) AS unit_value
    FROM (SELECT *, ${partnerClassSql(plan, 'partner')} AS class FROM ${ref('imp')})
    GROUP BY ${t.groupBy}${reporter}k) ranked_lists) tops) indicators`,
  };
}

/**
 * ranked (DuckDB): the products the list does not settle (more suppliers than the list, still short of 75 %):
 * every supplier ranked by value, then code, for the countries to 75 % (the list's first entry is the top
 * supplier anyway).
 */
function rankedStep({ all }: ScreenPlan): SqlStep {
  const r = all ? 'imp.reporter, ' : '';
  return {
    name: 'ranked',
    sql: () => `SELECT t, ${all ? 'reporter, ' : ''}k, count(*) FILTER (WHERE before / total < ${cumulativeShare}) AS countries_to_75
  FROM (
    SELECT imp.t, ${r}imp.k, s.total,
      coalesce(sum(imp.iv) OVER (PARTITION BY imp.t, ${r}imp.k ORDER BY imp.iv DESC, imp.partner
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
    FROM imp JOIN supply s ON s.t = imp.t${all ? ' AND s.reporter = imp.reporter' : ''} AND s.k = imp.k AND s.rank_all)
  GROUP BY t, ${all ? 'reporter, ' : ''}k`,
  };
}

/**
 * fallback (DuckDB): the few thousand answers of the full ranking as one map, looked up by the products that need
 * them. A LEFT JOIN of the screened rows to them was planned the other way round (DuckDB estimates millions of
 * ranked rows), hashing all 1.1 M screened rows of ALL to probe a few thousand: 0.35 s CPU, against ~0.1 s for
 * the map.
 */
function fallbackStep({ all }: ScreenPlan): SqlStep {
  return {
    name: 'fallback',
    sql: () =>
      `SELECT map_from_entries(list({'k': {'t': t, 'r': ${all ? 'reporter' : '0'}, 'k': k}, 'v': countries_to_75})) AS m FROM ranked`,
  };
}

/** world_by_exporter: every exporter's exports of each product (× year), the base of world HHI and of exports. */
function worldByExporterStep(plan: ScreenPlan): SqlStep {
  const t = yearColumn(plan);
  return {
    name: 'world_by_exporter',
    materialize: 'materialized',
    sql: () => `SELECT ${t.select}, k, i, sum(v) AS wv FROM ${tradeRows(plan)} GROUP BY ${t.groupBy}k, i HAVING sum(v) > 0`,
  };
}

/** world: world export HHI of each product, its top exporter (the smaller code among equals) and that one's share. */
function worldStep({ d }: ScreenPlan): SqlStep {
  return {
    name: 'world',
    sql: (ref) => `SELECT t, k, sum(wv * wv) / (sum(wv) * sum(wv)) AS w_hhi, ${d.argMax('i', '(wv, -i)')} AS w_top_code,
    max(wv) / sum(wv) AS w_top_share
  FROM ${ref('world_by_exporter')} GROUP BY t, k`,
  };
}

/** exp: the reporter's exports of each product (a group's to non-members only), for M/X. */
function exportsStep(plan: ScreenPlan): SqlStep {
  const { b, members, groups, all, aliases, firstCode } = plan;
  if (groups) {
    return {
      name: 'exp',
      sql: () => `SELECT t, k, sum(v) AS e_v
  FROM ${tradeRows(plan, ` AND ${b.inList('i', members, 'int[]')} AND NOT (${b.inList('j', members, 'int[]')})`)}
  GROUP BY t, k`,
    };
  }
  if (!all) {
    return {
      name: 'exp',
      sql: (ref) =>
        `SELECT t, k, sum(wv) AS e_v FROM ${ref('world_by_exporter')} WHERE ${b.inList('i', members, 'int[]')} GROUP BY t, k`,
    };
  }
  if (!aliases.length) {
    return { name: 'exp', sql: (ref) => `SELECT t, i AS reporter, k, wv AS e_v FROM ${ref('world_by_exporter')}` };
  }
  // Every code of the countries that have more than one.
  const twoCodeCountries = [...new Set(aliases.flatMap((a) => [a.code, firstCode.get(a.iso3)!]))];
  // A country's second code counts as its first: the exporters' sums of the countries with two codes are summed
  // again under the first code; every other exporter passes as it is (summing all 934 k sums again cost 0.23 s
  // CPU on the synthetic year, 11 M flows; mapping every flow before the sums, 0.74 s).
  return {
    name: 'exp',
    sql: (ref) => `SELECT t, i AS reporter, k, wv AS e_v FROM ${ref('world_by_exporter')}
  WHERE NOT (${b.inList('i', twoCodeCountries, 'int[]')})
  UNION ALL
  SELECT t, reporter, k, sum(wv) AS e_v FROM (
    SELECT t, ${reporterKey(plan, 'i')} AS reporter, k, wv FROM ${ref('world_by_exporter')}
    WHERE ${b.inList('i', twoCodeCountries, 'int[]')}) two_codes
  GROUP BY t, reporter, k`,
  };
}

/** intra: a group's imports from its own members, for its extra-group share. */
function intraStep(plan: ScreenPlan): SqlStep {
  const { b, members } = plan;
  return {
    name: 'intra',
    sql: () => `SELECT t, k, sum(v) AS intra_v
  FROM ${tradeRows(plan, ` AND ${b.inList('j', members, 'int[]')} AND ${b.inList('i', members, 'int[]')}`)}
  GROUP BY t, k`,
  };
}

/**
 * yearly: every indicator of each reporter × product × year in one row: supply's, with the countries to 75 % of
 * the full ranking where the list did not settle it, exports and M/X, the extra-group share and world figures.
 * One join per level (ClickHouse 18.16 joins two tables in a SELECT), each right side with names of its own.
 */
function yearlyStep(plan: ScreenPlan): SqlStep {
  const { d, groups, all, keys, top } = plan;
  // A single country's "extra-group" share is its imports from outside its like-minded group (see method.ts).
  const extraGroupShare = groups ? 'total / (total + coalesce(intra_v, 0))' : '1 - like_minded_share';
  const countries =
    top === undefined
      ? 'countries_to_75'
      : `CASE WHEN rank_all THEN coalesce((SELECT m FROM fallback)[{'t': t, 'r': ${all ? 'reporter' : '0'}, 'k': k}], countries_to_75)
      ELSE countries_to_75 END`;
  return {
    name: 'yearly',
    sql: (ref) => {
      let joined = `SELECT * FROM ${ref('supply')} ${d.leftJoin} ${ref('exp')} USING (${keys})`;
      joined = `SELECT * FROM (${joined}) with_exports ${d.leftJoin} ${ref('world')} USING (t, k)`;
      if (groups) joined = `SELECT * FROM (${joined}) with_world ${d.leftJoin} ${ref('intra')} USING (t, k)`;
      return `SELECT t, ${all ? 'reporter, ' : ''}k, total, hhi, top_share, top3_share, suppliers,
    ${countries === 'countries_to_75' ? countries : `${countries} AS countries_to_75`},
    top_partner AS top_supplier_code,
    concern_share, like_minded_share, partner_share, unit_value,
    coalesce(e_v, 0) AS exports,
    CASE WHEN coalesce(e_v, 0) > 0 THEN total / e_v ELSE ${num(noExportsRatio)} END AS mx,
    ${extraGroupShare} AS extra_group_share,
    w_hhi AS world_hhi, w_top_code AS top_exporter_code, w_top_share AS world_top_share
  FROM (${joined}) joined`;
    },
  };
}

/**
 * judged: each method's criteria judged per year (met_<method>). DuckDB MATERIALIZED: the result is read twice
 * (persistence and the target year) and DuckDB would otherwise compute it twice.
 */
function judgedStep(plan: ScreenPlan): SqlStep {
  const metCols = plan.input.methods.map((m) => `${methodConditionSql(plan.b, m)} AS met_${m.method.id}`);
  return {
    name: 'judged',
    materialize: plan.singleYear ? undefined : 'materialized',
    sql: (ref) => `SELECT *${metCols.map((c) => `, ${c}`).join('')} FROM ${ref('yearly')}`,
  };
}

/** persist: years with imports and, per method, years in which its criteria held within its window (persistence.ts). */
function persistStep(plan: ScreenPlan): SqlStep {
  const { input, year, window, b, d, all } = plan;
  const persistenceCols = input.methods.map((m) => {
    const w = methodWindow(m) ?? window;
    return `${d.countIf(`met_${m.method.id} AND t > ${b.int(year - w)}`)} AS p_${methodColumn('years', m.method.id)}`;
  });
  const key = all ? 'reporter, k' : 'k';
  return {
    name: 'persist',
    sql: (ref) =>
      `SELECT ${key}, ${['count(*) AS p_years_with_imports', ...persistenceCols].join(', ')} FROM ${ref('judged')} GROUP BY ${key}`,
  };
}

/** Years in which the criteria held: counted over the window, or, with a single year of data, that year alone. */
function yearsMet({ singleYear, d }: ScreenPlan, id: string): string {
  return singleYear ? d.cast(`met_${id}`, 'int') : `p_${methodColumn('years', id)}`;
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
  const { input, all, singleYear, firstCode, b, d } = plan;
  const flagCols = input.methods.map((m) => {
    const flag = m.method.persistence
      ? `${yearsMet(plan, m.method.id)} >= ${b.int(m.thresholds[m.method.persistence.minYears])}`
      : `met_${m.method.id}`;
    return `${flag} AS "${methodColumn('flag', m.method.id)}"`;
  });
  // Sorted on numbers alone (moving text through the sort of 1.1 M rows cost more CPU than sorting them); the ISO3
  // names and the constants are attached after the sort by lookups in constant lists, which keep the order (a join
  // would not: duckdb.org/docs/stable/sql/dialect/order_preservation).
  const iso3ByCode = b.value(byPartnerCode<string | null>(input.partners, null, (p) => p.iso3), 'text[]');
  // A code without a country keeps its number (as before the lookup: BACI may add codes).
  // The index is never NULL (ClickHouse 18.16 fails on a NULL index into a list of nullable strings).
  const iso3Of = (column: string) =>
    `coalesce(${d.element(iso3ByCode, `greatest(coalesce(${column}, -1) + 1, 0)`)}, ${d.cast(column, 'text')})`;
  // ALL's reporters in alphabetical order of ISO3: the position (from 1) is what the result is sorted on.
  const reporterOrder = [...firstCode].sort(([a], [b]) => (a < b ? -1 : 1));
  const position = new Map(reporterOrder.map(([iso3], n) => [iso3, n + 1]));
  // ALL: a reporter's alphabetical position, looked up by its (first) code; importer codes of no country have 0
  // and are left out.
  const ordByCode = byPartnerCode<number>(
    input.partners.filter((p) => firstCode.get(p.iso3) === p.code),
    0,
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
          sorted: `coalesce(${d.element(b.value(ordByCode, 'int[]'), 'greatest(reporter + 1, 0)')}, 0) AS ord`,
          out: `${d.element(b.value(reporterOrder.map(([iso3]) => iso3), 'text[]'), 'ord')} AS reporter`,
        }
      : { sorted: `${b.text((input.reporters as ScreenReporter[])[0].reporter)} AS reporter` },
    { sorted: 'k AS hs6' },
    usd('total', 'importValueUsd'),
    share('hhi'),
    { sorted: 'top_supplier_code', out: `${iso3Of('top_supplier_code')} AS "topSupplier"` },
    share('top_share AS "topShare"'),
    share('top3_share AS "top3Share"'),
    { sorted: 'suppliers' },
    { sorted: 'countries_to_75 AS "countriesTo75"' },
    share('concern_share AS "concernShare"'),
    share('like_minded_share AS "likeMindedShare"'),
    share('partner_share AS "partnerShare"'),
    share('extra_group_share AS "extraGroupShare"'),
    { sorted: 'unit_value AS "unitValueUsdPerTonne"' },
    usd('exports', 'exportValueUsd'),
    { sorted: 'mx AS "importExportRatio"' },
    { sorted: 'exports = 0 AS "noExports"' },
    share('world_hhi AS "worldExportHhi"'),
    { sorted: 'top_exporter_code', out: `${iso3Of('top_exporter_code')} AS "topWorldExporter"` },
    share('world_top_share AS "topWorldExporterShare"'),
    { sorted: `${singleYear ? d.cast('1', 'int') : d.cast('p_years_with_imports', 'int')} AS "yearsWithImports"` },
    ...flagCols.map((sorted) => ({ sorted })),
    ...input.methods.map((m) => ({
      sorted: `${d.cast(yearsMet(plan, m.method.id), 'int')} AS "${methodColumn('years', m.method.id)}"`,
    })),
  ];
}

/** The name a column has in the sorted rows: its alias, or the column itself. */
function columnName(column: string): string {
  const alias = / AS ("?[A-Za-z0-9_]+"?)$/.exec(column);
  return alias ? alias[1] : column;
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
function screenSelect(plan: ScreenPlan, ref: (name: string) => string): string {
  const { input, singleYear, year, all, b, d } = plan;
  const columns = outputColumns(plan);
  const constants = Object.entries(input.constants ?? {}).map(
    ([name, value]) =>
      `${typeof value === 'boolean' ? (value ? d.trueValue : d.falseValue) : b.text(value)} AS "${name.replace(/[^A-Za-z0-9_]/g, '')}"`,
  );
  // The CSV number forms are DuckDB's (ClickHouse's rows reach the file through DuckDB as doubles).
  const textNumbers = input.textNumbers && d.engine === 'duckdb';
  const rows = singleYear
    ? ref('judged')
    : `(SELECT * FROM ${ref('judged')} ${d.engine === 'duckdb' ? 'JOIN' : 'ANY INNER JOIN'} ${ref('persist')} USING (${all ? 'reporter, k' : 'k'})) with_persistence`;
  // Ranked by import value rounded to a thousandth of a dollar: equal values summed in another order (parallel
  // aggregation) must not swap places between runs. ALL sorts reporters by their alphabetical position.
  return `SELECT ${[...columns.map((c) => outputSql(c, textNumbers)), ...constants].join(', ')}
FROM (
SELECT ${columns.map((c) => c.sorted).join(',\n  ')}
FROM ${rows}
WHERE t = ${b.int(year)}${all ? ' AND ord > 0' : ''}
ORDER BY ${all ? 'ord' : 'reporter'}, round(total, 6) DESC, k) sorted`;
}

/**
 * The figures of one reporter × product, as the query computes them: one definition for the query's row
 * (ScreenRow) and the screen's item (screen.ts ScreenItem), which adds labels, flags and provenance.
 */
export interface ScreenFigures {
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

/** One row of the screen as the query returns it (flat; flags and years per method as flagX / yearsX). */
export interface ScreenRow extends Row, ScreenFigures {}

export async function runScreenQuery(store: AnalyticsStore, input: ScreenQueryInput): Promise<ScreenRow[]> {
  const rows = await store.select<ScreenRow>(buildScreenSql(input, store.dialect));
  if (store.engine === 'duckdb') return rows;
  // ClickHouse 18.16 has no Bool: its comparisons give 0/1.
  const flags = input.methods.map((m) => methodColumn('flag', m.method.id));
  for (const row of rows) {
    row.noExports = Boolean(row.noExports);
    for (const f of flags) row[f] = Boolean(row[f]);
  }
  return rows;
}

/** Writes the screen straight from the engine to a file (the `--reporter ALL` path): Parquet, or CSV with a header. */
export async function copyScreenQuery(
  store: AnalyticsStore,
  input: ScreenQueryInput,
  file: string,
  format: 'parquet' | 'csv',
): Promise<void> {
  await store.selectToFile(buildScreenSql({ ...input, textNumbers: format === 'csv' }, store.dialect), file, format);
}
