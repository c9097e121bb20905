import type { ParamType } from './boundSql.ts';

/**
 * The SQL each engine needs where the two differ: one query builder per analysis writes its SQL through these
 * (never two copies of a query). DuckDB runs the common SQL with its own extensions; ClickHouse is targeted at the
 * oldest release CI has (Debian's 18.16) and current ones: no WITH of subqueries, no window functions, no Bool
 * type, no `VALUES` table, JOIN … USING, strict types in IN. Where a construct has no portable form the builder
 * asks the dialect, and the rendering is chosen here.
 */
export type Engine = 'duckdb' | 'clickhouse';

/** How ClickHouse receives parameter values: `{name:Type}` query parameters, or a temporary table (18.x). */
export type ParamStyle = 'duckdb' | 'clickhouse-params' | 'clickhouse-external';

/** Column types a builder asks for; each dialect names them. */
export type SqlType = 'int' | 'bigint' | 'double' | 'text' | 'bool';

/** The external table that carries parameter values on ClickHouse releases without query parameters. */
export const externalParamsTable = '_chokepoint_params';

export interface SqlDialect {
  readonly engine: Engine;
  readonly paramStyle: ParamStyle;
  /** The placeholder of a named parameter. */
  placeholder(name: string, type: ParamType): string;
  /** `column IN (values of a list parameter)`, in a form each engine can use to skip data. */
  inList(column: string, name: string, type: ParamType): string;
  /** Element `index` (1-based) of a list; out of range gives the element type's default/NULL (wrap in coalesce). */
  element(list: string, index: string): string;
  sumIf(expr: string, cond: string): string;
  countIf(cond: string): string;
  argMax(arg: string, value: string): string;
  /** The `n` largest values of `expr` in the group, largest first; `n` undefined: all of them. */
  largest(expr: string, n?: number): string;
  /** `list` with `body` applied to each element (named `x` in `body`). */
  mapList(list: string, body: string): string;
  /** Running sums of a list, left to right. */
  cumulativeSums(list: string): string;
  /** Index (1-based) of the first element of `list` for which `cond` (on `x`) holds; 0 when none. */
  firstIndex(list: string, cond: string): string;
  length(list: string): string;
  shiftRight(value: string, bits: number): string;
  bitAnd(value: string, mask: number): string;
  /** A double rounded to the nearest whole number, as a 64-bit integer. */
  toBigint(expr: string): string;
  cast(expr: string, type: SqlType): string;
  /** A typed NULL. */
  nullOf(type: SqlType): string;
  trueValue: string;
  falseValue: string;
  startsWith(text: string, prefix: string): string;
  /** A nullable column of `type` (ClickHouse types a UNION ALL's columns strictly: every branch casts). */
  nullable(expr: string, type: SqlType): string;
  /**
   * `select` (no ORDER BY of its own) keeping the first `n` rows of each `partition` in `order`: a window's
   * row_number in DuckDB, `LIMIT n BY` in ClickHouse (18.16 has no window functions). `n` is a checked integer.
   */
  limitPerGroup(select: string, partition: string, order: string, n: number): string;
  /** Rows of parallel lists, one row per index: `[list, column name]` pairs. */
  unnestLists(lists: [string, string][]): string;
  /** `LEFT JOIN … USING`: ClickHouse needs the strictness (ANY: at most one match, as every join here has). */
  leftJoin: string;
  /** An inner join keeping every match (ClickHouse needs the strictness ALL). */
  innerJoinAll: string;
  /**
   * Named steps and a final SELECT as one statement: common table expressions (DuckDB; `materialized` ones computed
   * once), or on ClickHouse each step's SQL inlined where `ref(name)` stands (a step read twice is computed twice).
   */
  withSteps(steps: SqlStep[], select: (ref: (name: string) => string) => string): string;
}

export interface SqlStep {
  name: string;
  /** The step's SELECT; `ref` gives how an earlier step is named inside it. */
  sql: (ref: (name: string) => string) => string;
  /** DuckDB: 'materialized' computes it once for several readers, 'inline' re-runs it for each. */
  materialize?: 'materialized' | 'inline';
}

const duckdbTypes: Record<ParamType, string> = {
  int: 'INTEGER',
  float: 'DOUBLE',
  text: 'VARCHAR',
  'int[]': 'INTEGER[]',
  'float[]': 'DOUBLE[]',
  'text[]': 'VARCHAR[]',
};

const clickhouseTypes: Record<ParamType, string> = {
  int: 'Int32',
  float: 'Float64',
  text: 'String',
  'int[]': 'Array(Int32)',
  'float[]': 'Array(Float64)',
  'text[]': 'Array(Nullable(String))',
};

export function clickhouseParamType(type: ParamType): string {
  return clickhouseTypes[type];
}

/** A row count written into the SQL: a whole number ≥ 0 (LIMIT BY takes no parameter). */
function count(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a row count: ${n}`);
  return n;
}

function assertName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`not a parameter or step name: ${name}`);
  return name;
}

export const duckdbDialect: SqlDialect = {
  engine: 'duckdb',
  paramStyle: 'duckdb',
  // The cast types the value (the client sends lists untyped) and is folded before planning, so a filter on it
  // still reaches the Parquet reader's row-group statistics.
  placeholder: (name, type) => `CAST($${assertName(name)} AS ${duckdbTypes[type]})`,
  inList: (column, name, type) => `list_contains(${duckdbDialect.placeholder(name, type)}, ${column})`,
  element: (list, index) => `${list}[${index}]`,
  sumIf: (expr, cond) => `sum(${expr}) FILTER (WHERE ${cond})`,
  countIf: (cond) => `count_if(${cond})`,
  argMax: (arg, value) => `arg_max(${arg}, ${value})`,
  largest: (expr, n) => (n === undefined ? `list_sort(list(${expr}), 'DESC')` : `max(${expr}, ${n})`),
  mapList: (list, body) => `list_transform(${list}, x -> ${body})`,
  cumulativeSums: (list) =>
    `list_transform(list_zip(${list}, range(1, len(${list}) + 1)), p -> list_sum(${list}[1:p[2]]))`,
  firstIndex: (list, cond) => `coalesce(list_position(list_transform(${list}, x -> ${cond}), true), 0)`,
  length: (list) => `len(${list})`,
  shiftRight: (value, bits) => `(${value} >> ${bits})`,
  bitAnd: (value, mask) => `(${value} & ${mask})`,
  toBigint: (expr) => `CAST(${expr} AS BIGINT)`,
  cast: (expr, type) =>
    `CAST(${expr} AS ${{ int: 'INTEGER', bigint: 'BIGINT', double: 'DOUBLE', text: 'VARCHAR', bool: 'BOOLEAN' }[type]})`,
  nullOf: (type) => duckdbDialect.cast('NULL', type),
  trueValue: 'true',
  falseValue: 'false',
  startsWith: (text, prefix) => `starts_with(${text}, ${prefix})`,
  nullable: (expr, type) => duckdbDialect.cast(expr, type),
  limitPerGroup: (select, partition, order, n) =>
    `${select} QUALIFY row_number() OVER (PARTITION BY ${partition} ORDER BY ${order}) <= ${count(n)}`,
  unnestLists: (lists) =>
    `SELECT ${lists.map(([list, name]) => `unnest(${list}) AS ${assertName(name)}`).join(', ')}`,
  leftJoin: 'LEFT JOIN',
  innerJoinAll: 'JOIN',
  withSteps(steps, select) {
    const ref = (name: string) => assertName(name);
    const ctes = steps.map((s) => {
      const how =
        s.materialize === 'materialized'
          ? 'MATERIALIZED '
          : s.materialize === 'inline'
            ? 'NOT MATERIALIZED '
            : '';
      return `${assertName(s.name)} AS ${how}(${s.sql(ref)})`;
    });
    return `${ctes.length ? `WITH ${ctes.join(',\n')}\n` : ''}${select(ref)}`;
  },
};

export function clickhouseDialect(paramStyle: 'clickhouse-params' | 'clickhouse-external'): SqlDialect {
  const placeholder = (name: string, type: ParamType) =>
    paramStyle === 'clickhouse-params'
      ? `{${assertName(name)}:${clickhouseTypes[type]}}`
      : // A scalar subquery on the temporary table: the server evaluates it before analysing the query, so it is
        // a constant for partition pruning and the primary key, like a literal.
        `(SELECT ${assertName(name)} FROM ${externalParamsTable})`;
  const d: SqlDialect = {
    engine: 'clickhouse',
    paramStyle,
    placeholder,
    // An IN over a subquery: the set is built first and the primary key (year, importer, product) skips the
    // granules outside it; 18.16 does not use the key for has().
    inList: (column, name, type) => `${column} IN (SELECT arrayJoin(${placeholder(name, type)}))`,
    element: (list, index) => `arrayElement(${list}, ${index})`,
    sumIf: (expr, cond) => `sumIf(${expr}, ${cond})`,
    countIf: (cond) => `countIf(${cond})`,
    argMax: (arg, value) => `argMax(${arg}, ${value})`,
    largest: (expr, n) =>
      n === undefined
        ? `arrayReverseSort(groupArray(${expr}))`
        : `arraySlice(arrayReverseSort(groupArray(${expr})), 1, ${n})`,
    mapList: (list, body) => `arrayMap(x -> ${body}, ${list})`,
    cumulativeSums: (list) => `arrayCumSum(${list})`,
    firstIndex: (list, cond) => `arrayFirstIndex(x -> ${cond}, ${list})`,
    length: (list) => `length(${list})`,
    shiftRight: (value, bits) => `bitShiftRight(${value}, ${bits})`,
    bitAnd: (value, mask) => `bitAnd(${value}, ${mask})`,
    toBigint: (expr) => `toInt64(round(${expr}))`,
    cast: (expr, type) =>
      type === 'text'
        ? `toString(${expr})`
        : type === 'bool'
          ? `toUInt8(${expr})`
          : `CAST(${expr} AS ${{ int: 'Int32', bigint: 'Int64', double: 'Float64' }[type]})`,
    nullOf: (type) =>
      `CAST(NULL AS Nullable(${{ int: 'Int32', bigint: 'Int64', double: 'Float64', text: 'String', bool: 'UInt8' }[type]}))`,
    trueValue: '1',
    falseValue: '0',
    startsWith: (text, prefix) => `startsWith(${text}, ${prefix})`,
    nullable: (expr, type) =>
      `CAST(${expr} AS Nullable(${{ int: 'Int32', bigint: 'Int64', double: 'Float64', text: 'String', bool: 'UInt8' }[type]}))`,
    limitPerGroup: (select, partition, order, n) =>
      `${select} ORDER BY ${partition}, ${order} LIMIT ${count(n)} BY ${partition}`,
    unnestLists: (lists) =>
      `SELECT ${lists.map(([list, name]) => `arrayElement(${list}, row_index) AS ${assertName(name)}`).join(', ')} FROM (SELECT arrayJoin(arrayEnumerate(${lists[0][0]})) AS row_index)`,
    // Unmatched rows get NULLs as in SQL through the setting join_use_nulls, which the ClickHouse store sends.
    leftJoin: 'ANY LEFT JOIN',
    innerJoinAll: 'ALL INNER JOIN',
    withSteps(steps, select) {
      const byName = new Map<string, SqlStep>();
      const ref = (name: string): string => {
        const step = byName.get(name);
        if (!step) throw new Error(`query step ${name} is used before it is defined`);
        return `(${step.sql(ref)}) AS ${name}`;
      };
      for (const s of steps) byName.set(assertName(s.name), s);
      return select(ref);
    },
  };
  return d;
}
