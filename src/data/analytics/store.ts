/**
 * The analytics store: read-only SQL over the datasets' Parquet files. DuckDB embedded by default;
 * a ClickHouse adapter can implement the same interface later (the SQL used by callers sticks to the
 * common subset, and dataset files are addressed through `parquetGlob`).
 */
export type Row = Record<string, unknown>;

export interface QueryProgress {
  /** 0–100, or -1 when the engine cannot tell. */
  percentage: number;
}

export interface AnalyticsStore {
  readonly engine: 'duckdb' | 'clickhouse';
  /** Runs a query with positional parameters ($1, $2, …) and returns plain rows (BIGINT → number). */
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a statement (DDL, COPY) and reports progress while it runs. */
  run(sql: string, params?: unknown[], onProgress?: (p: QueryProgress) => void): Promise<void>;
  close(): Promise<void>;
}

/** Quotes a string as an SQL literal (for file paths, which DuckDB table functions cannot take as parameters). */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
