import type { Reader } from './readContext.ts';

/**
 * The marking filter of a store's queries (docs/security.md): SQL admitting only the rows a reader may read, the
 * same rule as canRead (src/analysis/marking.ts) — level ≤ clearance, compartments ⊆ those held, releasableTo null
 * or naming the reader's organisation. An anonymous reader (public routes) holds level 0, no compartment and no
 * organisation. The clearance reaches SQL only as bound parameters, numbered from `nextParam`; stores use the same
 * filter in a page query and its count, so totals agree with lists.
 *
 * A store given no reader filters nothing: that is the operator of the machine (the CLI, which reads everything,
 * as in readContext.ts) or a benchmark with the checks switched off.
 */
export interface SqlFilter {
  sql: string;
  params: unknown[];
}

const columnPattern = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/i;

function clearanceParams(reader: Reader): [number, string[], string] {
  if ('anonymous' in reader) return [0, [], ''];
  const { level, compartments, organisationId } = reader.clearance;
  return [level, compartments, organisationId];
}

/** Rows whose jsonb marking `column` the reader may read. */
export function readableSql(reader: Reader | undefined, column: string, nextParam: number): SqlFilter {
  if (!columnPattern.test(column)) throw new Error(`readableSql: not a column name: ${column}`);
  if (!reader) return { sql: 'TRUE', params: [] };
  const [level, compartments, organisation] = clearanceParams(reader);
  const n = nextParam;
  return {
    sql:
      `((${column}->>'level')::int <= $${n}::int` +
      ` AND COALESCE(${column}->'compartments', '[]'::jsonb) <@ $${n + 1}::jsonb` +
      ` AND (COALESCE(jsonb_typeof(${column}->'releasableTo'), 'null') = 'null'` +
      ` OR (${column}->'releasableTo') @> $${n + 2}::jsonb))`,
    params: [level, JSON.stringify(compartments), JSON.stringify([organisation])],
  };
}

/**
 * readableSql for tables that keep the marking also as generated plain columns `<prefix>_level smallint`,
 * `<prefix>_compartments text[]` and `<prefix>_releasable text[]` (see migration 101 for the audit log): same
 * rule, several times cheaper per row and well estimated by the planner. Rows without a marking have NULL level
 * and are not matched; add `OR <marking> IS NULL` where unmarked rows are public.
 */
export function readableColumnsSql(reader: Reader | undefined, prefix: string, nextParam: number): SqlFilter {
  if (!columnPattern.test(prefix)) throw new Error(`readableColumnsSql: not a column prefix: ${prefix}`);
  if (!reader) return { sql: 'TRUE', params: [] };
  const [level, compartments, organisation] = clearanceParams(reader);
  const n = nextParam;
  return {
    sql:
      `(${prefix}_level <= $${n}::int AND ${prefix}_compartments <@ $${n + 1}::text[]` +
      ` AND (${prefix}_releasable IS NULL OR ${prefix}_releasable @> $${n + 2}::text[]))`,
    params: [level, compartments, [organisation]],
  };
}

/**
 * Rows an aggregate for this reader may count: level and compartments as in readableSql, releasability left out
 * (a supplier's releasability governs who reads its own record, not whether it counts in an aggregate of at least
 * k organisations; the aggregate itself suppresses small cells).
 */
export function countableSql(reader: Reader | undefined, column: string, nextParam: number): SqlFilter {
  if (!columnPattern.test(column)) throw new Error(`countableSql: not a column name: ${column}`);
  if (!reader) return { sql: 'TRUE', params: [] };
  const [level, compartments] = clearanceParams(reader);
  const n = nextParam;
  return {
    sql: `((${column}->>'level')::int <= $${n}::int AND COALESCE(${column}->'compartments', '[]'::jsonb) <@ $${n + 1}::jsonb)`,
    params: [level, JSON.stringify(compartments)],
  };
}
