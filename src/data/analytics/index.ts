/**
 * The analytics engine: the AnalyticsStore interface with two engines (embedded DuckDB over Parquet, the default;
 * a ClickHouse server or cluster), `openAnalytics` choosing by URL, the SQL builder and dialects every trade query
 * is written with, and loading datasets into ClickHouse. Domains hold their own queries.
 */
export * from './duckdb.ts';
export * from './store.ts';
export * from './boundSql.ts';
export * from './dialect.ts';
export * from './sqlBuilder.ts';
export * from './clickhouse.ts';
export * from './clickhouseUrl.ts';
export * from './openAnalytics.ts';
