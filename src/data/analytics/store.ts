import type { BoundSql } from './boundSql.ts';
import type { Engine, SqlDialect } from './dialect.ts';

/**
 * The analytics store: SQL over the datasets. Two engines behind one interface (PRODUCT.md §3.1, §3.12): DuckDB
 * embedded over the data directory's Parquet files (the default), or a ClickHouse server or cluster
 * (`--analytics clickhouse://…`, clickhouse.ts) holding the trade tables. Trade analyses build their query once
 * with a `SqlBuilder` on `dialect` and run it with `select`; `query`/`run` are DuckDB SQL over the data
 * directory's own Parquet files (every store keeps an embedded DuckDB for them: small reference datasets, imports).
 */
export type Row = Record<string, unknown>;

export interface QueryProgress {
  /** 0–100, or -1 when the engine cannot tell. */
  percentage: number;
}

export interface AnalyticsStore {
  /** The engine of `select`. */
  readonly engine: Engine;
  readonly dialect: SqlDialect;
  /** Where the engine is, for messages: 'embedded DuckDB' or the ClickHouse URL (without a password). */
  readonly location: string;
  /** A query built for this engine's dialect (values bound), returning plain rows (64-bit integers → number). */
  select<T extends Row = Row>(sql: BoundSql): Promise<T[]>;
  /** Writes a `select` straight to a Parquet or CSV file (with a header). */
  selectToFile(sql: BoundSql, file: string, format: 'parquet' | 'csv'): Promise<void>;
  /** DuckDB SQL over Parquet files, with positional parameters ($1, $2, …); plain rows (BIGINT → number). */
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A DuckDB statement (DDL, COPY) over local files; reports progress while it runs. */
  run(sql: string, params?: unknown[], onProgress?: (p: QueryProgress) => void): Promise<void>;
  close(): Promise<void>;
}

/** Quotes a string as an SQL literal (for file paths, which DuckDB table functions cannot take as parameters). */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
