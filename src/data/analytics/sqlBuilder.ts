import { checkParam, type BoundParam, type BoundSql, type ParamType } from './boundSql.ts';
import type { SqlDialect } from './dialect.ts';

/**
 * Builds one query for the engine at hand: `value()` binds a value and returns its placeholder in the engine's
 * dialect, `inList()` a membership test on a bound list; `done()` gives the text with its parameters. Each analysis
 * writes its query once against this (and the dialect for what differs), so DuckDB and ClickHouse run the same
 * query.
 */
export class SqlBuilder {
  private readonly params: BoundParam[] = [];

  constructor(readonly dialect: SqlDialect) {}

  /** Binds a value; the same value and type bound twice share one parameter. */
  value(value: BoundParam['value'], type: ParamType): string {
    const key = JSON.stringify([type, value]);
    let param = this.params.find((p) => JSON.stringify([p.type, p.value]) === key);
    if (!param) {
      param = { name: `p${this.params.length + 1}`, type, value };
      checkParam(param);
      this.params.push(param);
    }
    return this.dialect.placeholder(param.name, type);
  }

  int(value: number): string {
    return this.value(value, 'int');
  }

  float(value: number): string {
    return this.value(value, 'float');
  }

  text(value: string): string {
    return this.value(value, 'text');
  }

  /** `column IN (the list)`; an empty list matches nothing. */
  inList(column: string, values: readonly (number | string)[], type: 'int[]' | 'text[]'): string {
    if (values.length === 0) return this.dialect.falseValue;
    this.value(values, type);
    const param = this.params.find((p) => p.type === type && JSON.stringify(p.value) === JSON.stringify(values))!;
    return this.dialect.inList(column, param.name, type);
  }

  done(text: string): BoundSql {
    return { text, params: [...this.params] };
  }
}
