import { createRequire } from 'node:module';
import type { DuckDBConnection, DuckDBInstance, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import type { AnalyticsStore, QueryProgress, Row } from './store.ts';
import { sqlString } from './store.ts';
import type { BoundSql, ParamType } from './boundSql.ts';
import { duckdbDialect } from './dialect.ts';

/**
 * @duckdb/node-api is a CommonJS package of many files. Imported from an ES module, Node first scans every one of
 * them for its named exports (cjs-module-lexer): 0.37 s vs 0.2 s for require() when measured alone. It is
 * required when the first store opens, so commands that never query (--help, state commands) do not load it.
 */
const requireCjs = createRequire(import.meta.url);
let duckdbModule: typeof import('@duckdb/node-api') | undefined;
function duckdb(): typeof import('@duckdb/node-api') {
  return (duckdbModule ??= requireCjs('@duckdb/node-api') as typeof import('@duckdb/node-api'));
}

export interface DuckDbOptions {
  /** Memory limit, e.g. '2GB' (the import benchmark's budget). */
  memoryLimit?: string;
  threads?: number;
  tempDirectory?: string;
}

export async function openDuckDb(options: DuckDbOptions = {}): Promise<DuckDbStore> {
  const settings: Record<string, string> = {};
  if (options.memoryLimit) settings.memory_limit = options.memoryLimit;
  if (options.threads) settings.threads = String(options.threads);
  if (options.tempDirectory) settings.temp_directory = options.tempDirectory;
  const instance = await duckdb().DuckDBInstance.create(':memory:', settings);
  const connection = await instance.connect();
  return new DuckDbStore(instance, connection);
}

/** Converts DuckDB values to plain JSON-friendly values: BIGINT/HUGEINT → number, DECIMAL → number. */
function plain(value: DuckDBValue): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => plain(v as DuckDBValue));
  const v = value as {
    toDouble?: () => number;
    items?: DuckDBValue[];
    entries?: Record<string, DuckDBValue>;
  };
  if (typeof v.toDouble === 'function') return v.toDouble();
  if (Array.isArray(v.items)) return v.items.map(plain);
  if (v.entries && typeof v.entries === 'object') {
    return Object.fromEntries(Object.entries(v.entries).map(([k, x]) => [k, plain(x)]));
  }
  return String(value);
}

/** A bound query's values as DuckDB's named parameters, each with its type (a list's is not guessed from its first element). */
function namedValues(sql: BoundSql): [Record<string, DuckDBValue>, Record<string, DuckDBType>] {
  const d = duckdb();
  const typeOf: Record<ParamType, DuckDBType> = {
    int: d.INTEGER,
    float: d.DOUBLE,
    text: d.VARCHAR,
    'int[]': d.LIST(d.INTEGER),
    'float[]': d.LIST(d.DOUBLE),
    'text[]': d.LIST(d.VARCHAR),
  };
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  for (const p of sql.params) {
    values[p.name] = Array.isArray(p.value) ? d.listValue(p.value as DuckDBValue[]) : (p.value as DuckDBValue);
    types[p.name] = typeOf[p.type];
  }
  return [values, types];
}

export class DuckDbStore implements AnalyticsStore {
  readonly engine = 'duckdb' as const;
  readonly dialect = duckdbDialect;
  readonly location = 'embedded DuckDB';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** Calls on one connection are serialised; parallel callers should open more connections. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async connect(): Promise<DuckDbStore> {
    return new DuckDbStore(this.instance, await this.instance.connect());
  }

  query<T extends Row = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.serial(async () => {
      const reader = await this.connection.runAndReadAll(sql, params as DuckDBValue[]);
      const rows = reader.getRowObjects();
      return rows.map((row) => {
        const out: Row = {};
        for (const [k, v] of Object.entries(row)) out[k] = plain(v);
        return out as T;
      });
    });
  }

  select<T extends Row = Row>(sql: BoundSql): Promise<T[]> {
    return this.serial(async () => {
      const reader = await this.connection.runAndReadAll(sql.text, ...namedValues(sql));
      return reader.getRowObjects().map((row) => {
        const out: Row = {};
        for (const [k, v] of Object.entries(row)) out[k] = plain(v);
        return out as T;
      });
    });
  }

  selectToFile(sql: BoundSql, file: string, format: 'parquet' | 'csv'): Promise<void> {
    const options = format === 'parquet' ? '(FORMAT parquet, COMPRESSION zstd)' : '(FORMAT csv, HEADER true)';
    return this.serial(async () => {
      await this.connection.run(`COPY (${sql.text}) TO ${sqlString(file)} ${options}`, ...namedValues(sql));
    });
  }

  run(sql: string, params: unknown[] = [], onProgress?: (p: QueryProgress) => void): Promise<void> {
    return this.serial(async () => {
      const timer = onProgress
        ? setInterval(() => {
            try {
              onProgress({ percentage: this.connection.progress.percentage });
            } catch {
              // progress is best effort
            }
          }, 250)
        : undefined;
      try {
        await this.connection.run(sql, params as DuckDBValue[]);
      } finally {
        if (timer) clearInterval(timer);
      }
    });
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.connection.closeSync();
  }
}
