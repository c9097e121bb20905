/**
 * SQL text with its values kept apart: every value a query carries (a year, a reporter's codes, a threshold, an HS
 * code) is a named parameter that the engine binds (DuckDB `$name`, ClickHouse `{name:Type}` or, on releases
 * without query parameters, a temporary table sent with the query). Queries are built once for both engines by
 * a `SqlBuilder` (sqlBuilder.ts), which hands out the placeholders in the engine's dialect.
 */
export type ParamType = 'int' | 'float' | 'text' | 'int[]' | 'float[]' | 'text[]';

export interface BoundParam {
  name: string;
  type: ParamType;
  value: number | string | readonly (number | string | null)[];
}

export interface BoundSql {
  text: string;
  params: BoundParam[];
}

export function isBoundSql(value: unknown): value is BoundSql {
  return typeof value === 'object' && value !== null && 'text' in value && 'params' in value;
}

/** Checks a value against its declared type before it is sent (a NaN or a fraction where an integer goes). */
export function checkParam(param: BoundParam): void {
  const { name, type, value } = param;
  const scalar = (v: unknown, t: string): boolean =>
    v === null
      ? type.endsWith('[]')
      : t === 'int'
        ? typeof v === 'number' && Number.isSafeInteger(v)
        : t === 'float'
          ? typeof v === 'number' && Number.isFinite(v)
          : typeof v === 'string';
  const ok = type.endsWith('[]')
    ? Array.isArray(value) && value.every((v) => scalar(v, type.slice(0, -2)))
    : scalar(value, type);
  if (!ok) throw new Error(`query parameter ${name} is not a valid ${type}: ${JSON.stringify(value)}`);
}
