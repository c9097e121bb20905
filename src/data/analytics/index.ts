/**
 * The analytics engine: read-only SQL over the datasets' Parquet files (the AnalyticsStore interface, DuckDB
 * embedded behind it; `sqlString` for the literals a query may carry). Domains hold their own queries.
 */
export * from './duckdb.ts';
export * from './store.ts';
