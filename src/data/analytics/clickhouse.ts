import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';
import { ChokepointError } from '../../errors.ts';
import type { BoundParam, BoundSql } from './boundSql.ts';
import { clickhouseDialect, clickhouseParamType, externalParamsTable, type SqlDialect } from './dialect.ts';
import { parseClickHouseUrl, type ClickHouseTarget } from './clickhouseUrl.ts';
import type { AnalyticsStore, QueryProgress, Row } from './store.ts';
import { sqlString } from './store.ts';
import type { DuckDbStore } from './duckdb.ts';

/**
 * The ClickHouse engine (PRODUCT.md §3.12): a server or a cluster over HTTP (node:http; not fetch, which read
 * 18.16's chunked answers at ~2 MB/s, slower the longer they are: an ALL screen of 1 M flows took over 10 min
 * to arrive where node:http takes seconds. Not the official
 * @clickhouse/client sends settings and query parameters that Debian's 18.16 refuses, see docs/scale-out.md).
 * Queries built by a SqlBuilder run here with their values bound: `{name:Type}` query parameters on releases that
 * have them (found by trying one when the store opens), otherwise a temporary table sent with the query (HTTP
 * "external data", 18.x), read by scalar subqueries. Parquet files of the data directory are still read by an
 * embedded DuckDB (`query`/`run`). An unreachable or misconfigured server fails with one message naming the URL.
 */
export interface ClickHouseOptions {
  /** Opens the embedded DuckDB for queries over the data directory's Parquet files (when first needed). */
  local: () => Promise<DuckDbStore>;
  /** Per-request time limit (default 10 minutes). */
  timeoutMs?: number;
}

/** Settings sent with every request (all known to 18.16 and current releases). */
const baseSettings: Record<string, string> = {
  // Errors found while the result is produced come back as an HTTP error, never after a 200 and partial rows.
  wait_end_of_query: '1',
  output_format_json_quote_64bit_integers: '0',
  // Unmatched rows of a LEFT JOIN get NULL, as in SQL (and DuckDB), instead of the type's default.
  join_use_nulls: '1',
};

export async function openClickHouse(url: string, options: ClickHouseOptions): Promise<ClickHouseStore> {
  const target = parseClickHouseUrl(url);
  const store = new ClickHouseStore(target, options);
  await store.connect();
  return store;
}

interface JsonCompact {
  meta: { name: string; type: string }[];
  data: unknown[][];
  statistics?: { rows_read: number; bytes_read: number; elapsed: number };
}

export class ClickHouseStore implements AnalyticsStore {
  readonly engine = 'clickhouse' as const;
  dialect: SqlDialect = clickhouseDialect('clickhouse-external');
  readonly location: string;
  version = '';
  /** What the last `select` read (rows and bytes over every shard): for benchmarks and tests of pruning. */
  lastStatistics?: JsonCompact['statistics'];
  private localStore?: Promise<DuckDbStore>;

  constructor(
    readonly target: ClickHouseTarget,
    private readonly options: ClickHouseOptions,
  ) {
    this.location = target.display;
  }

  /** Checks the server answers, finds its release and how it takes parameters, and that the cluster exists. */
  async connect(): Promise<void> {
    for (const host of this.target.hosts) {
      const version = (await this.text('SELECT version()', { host, database: 'default' })).trim();
      if (host === this.target.hosts[0]) this.version = version;
    }
    const probe = await this.request(this.target.hosts[0], {
      query: 'SELECT {chokepoint_probe:UInt8}',
      settings: { param_chokepoint_probe: '1' },
      database: 'default',
    }).catch(() => undefined);
    if (probe && (await textOf(probe)).trim() === '1') this.dialect = clickhouseDialect('clickhouse-params');
    if (this.target.cluster) {
      const shards = await this.text(
        `SELECT count() FROM system.clusters WHERE cluster = ${sqlString(this.target.cluster)}`,
        { database: 'default' },
      );
      if (Number(shards) === 0) {
        throw new ChokepointError(
          'bad_input',
          `ClickHouse at ${this.location}: the server has no cluster "${this.target.cluster}" in its remote_servers configuration`,
          { field: 'analytics' },
        );
      }
    }
  }

  /** The table a dataset's rows are read from: the Distributed table of a cluster, else the MergeTree table. */
  table(name: string): string {
    return `${this.target.database}.${name}`;
  }

  async select<T extends Row = Row>(sql: BoundSql): Promise<T[]> {
    const response = await this.request(this.target.hosts[0], {
      query: `${sql.text}\nFORMAT JSONCompact`,
      params: sql.params,
    });
    const body = JSON.parse(await textOf(response)) as JsonCompact;
    this.lastStatistics = body.statistics;
    const names = body.meta.map((m) => m.name);
    return body.data.map((values) => {
      const row: Row = {};
      names.forEach((name, n) => (row[name] = values[n]));
      return row as T;
    });
  }

  /**
   * Streams the rows to a temporary tab-separated file (ClickHouse 18.16 writes no Parquet) and has the embedded
   * DuckDB write the file: UInt8 columns (ClickHouse's booleans) become BOOLEAN.
   */
  async selectToFile(sql: BoundSql, file: string, format: 'parquet' | 'csv'): Promise<void> {
    const tsv = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tsv`);
    try {
      const response = await this.request(this.target.hosts[0], {
        query: `${sql.text}\nFORMAT TabSeparatedWithNamesAndTypes`,
        params: sql.params,
      });
      await pipeline(response, fs.createWriteStream(tsv));
      const [names, types] = fs
        .readFileSync(tsv, { encoding: 'utf8', flag: 'r' })
        .slice(0, 1 << 16)
        .split('\n')
        .slice(0, 2)
        .map((line) => line.split('\t'));
      const columns = names.map((name, n) => `${sqlString(name)}: ${sqlString(duckdbTypeOf(types[n]))}`);
      const options =
        format === 'parquet' ? '(FORMAT parquet, COMPRESSION zstd)' : '(FORMAT csv, HEADER true)';
      const local = await this.local();
      await local.run(
        `COPY (SELECT * FROM read_csv(${sqlString(tsv)}, delim = '\t', quote = '', escape = '', header = false,
           skip = 2, nullstr = '\\N', auto_detect = false, columns = {${columns.join(', ')}}))
         TO ${sqlString(file)} ${options}`,
      );
    } finally {
      fs.rmSync(tsv, { force: true });
    }
  }

  /** Runs a statement (DDL, INSERT … SELECT) on one host (default: the first), or on every listed host. */
  async command(
    sql: string,
    on: 'first' | 'every' | string = 'first',
    settings: Record<string, string> = {},
  ): Promise<void> {
    const hosts = on === 'every' ? this.target.hosts : [on === 'first' ? this.target.hosts[0] : on];
    for (const host of hosts) await textOf(await this.request(host, { query: sql, settings }));
  }

  /** A query's text answer (TabSeparated), for small facts: versions, counts, table names. */
  async text(sql: string, options: { host?: string; database?: string } = {}): Promise<string> {
    const response = await this.request(options.host ?? this.target.hosts[0], {
      query: sql,
      database: options.database,
    });
    return textOf(response);
  }

  /** Sends a file's rows into a table: INSERT … FORMAT TabSeparated (or JSONEachRow). */
  async insertFile(
    table: string,
    file: string,
    settings: Record<string, string> = {},
    format: 'TabSeparated' | 'JSONEachRow' = 'TabSeparated',
  ): Promise<void> {
    const query = `INSERT INTO ${table} FORMAT ${format}`;
    const search = this.searchParams({ ...settings, query });
    const response = await this.post(this.target.hosts[0], search, { file });
    await textOf(response);
  }

  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.local().then((db) => db.query<T>(sql, params));
  }

  run(sql: string, params?: unknown[], onProgress?: (p: QueryProgress) => void): Promise<void> {
    return this.local().then((db) => db.run(sql, params, onProgress));
  }

  local(): Promise<DuckDbStore> {
    return (this.localStore ??= this.options.local());
  }

  async close(): Promise<void> {
    if (this.localStore) await (await this.localStore).close();
  }

  private searchParams(settings: Record<string, string>, database = this.target.database): URLSearchParams {
    return new URLSearchParams({ database, ...baseSettings, ...settings });
  }

  /** POSTs a query (in a form field: long queries do not fit in a URL) with its parameters. */
  private request(
    host: string,
    options: { query: string; params?: BoundParam[]; settings?: Record<string, string>; database?: string },
  ): Promise<IncomingMessage> {
    const settings: Record<string, string> = { ...options.settings };
    const form = new FormData();
    form.append('query', options.query);
    const params = options.params ?? [];
    if (params.length && this.dialect.paramStyle === 'clickhouse-params') {
      for (const p of params) settings[`param_${p.name}`] = paramText(p);
    } else if (params.length) {
      // One row holding every value, its columns typed as the placeholders read them.
      const row = Object.fromEntries(params.map((p) => [p.name, p.value]));
      settings[`${externalParamsTable}_structure`] = params
        .map((p) => `${p.name} ${clickhouseParamType(p.type)}`)
        .join(', ');
      settings[`${externalParamsTable}_format`] = 'JSONEachRow';
      form.append(externalParamsTable, new Blob([`${JSON.stringify(row)}\n`]), 'params.json');
    }
    return this.post(host, this.searchParams(settings, options.database), { form });
  }

  /** POSTs a multipart form or a file's bytes; the answer's body as a stream once its status is 200. */
  private async post(
    host: string,
    search: URLSearchParams,
    body: { form?: FormData; file?: string },
  ): Promise<IncomingMessage> {
    const headers: Record<string, string> = {};
    if (this.target.user !== undefined) {
      headers.authorization = `Basic ${Buffer.from(`${this.target.user}:${this.target.password ?? ''}`).toString('base64')}`;
    }
    let payload: Buffer | undefined;
    if (body.form) {
      // The multipart encoding of the form (small: the query and its parameters).
      const encoded = new Response(body.form);
      headers['content-type'] = encoded.headers.get('content-type')!;
      payload = Buffer.from(await encoded.arrayBuffer());
      headers['content-length'] = String(payload.length);
    }
    const url = `${host}/?${search.toString()}`;
    const timeoutMs = this.options.timeoutMs ?? 600_000;
    let response: IncomingMessage;
    try {
      response = await new Promise<IncomingMessage>((resolve, reject) => {
        const request = (url.startsWith('https:') ? https : http).request(
          url,
          { method: 'POST', headers },
          resolve,
        );
        request.on('error', reject);
        // Idle time without a byte either way, not the whole answer's.
        request.setTimeout(timeoutMs, () =>
          request.destroy(
            Object.assign(new Error(`no answer in ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' }),
          ),
        );
        if (body.file) {
          const file = fs.createReadStream(body.file);
          file.on('error', (error) => request.destroy(error));
          file.pipe(request);
        } else request.end(payload);
      });
    } catch (error) {
      const why = (error as { code?: string }).code ?? (error as Error).message;
      throw new ChokepointError(
        'network',
        `ClickHouse at ${this.location} is unreachable (${host.replace(/^https?:\/\//, '')}: ${why}); start it (deploy/clickhouse/cluster.sh start) or correct --analytics / CHOKEPOINT_ANALYTICS_URL`,
        { field: 'analytics' },
      );
    }
    if (response.statusCode !== 200) {
      const text = (await textOf(response)).trim();
      throw clickhouseError(this.location, response.statusCode ?? 0, text);
    }
    return response;
  }
}

/** An answer's whole body as text. */
async function textOf(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A server's error as a ChokepointError naming the URL: a missing database or table says what to run. */
function clickhouseError(location: string, status: number, text: string): ChokepointError {
  const message =
    /DB::Exception: (.*?)(?:, e\.what\(\) = .*)?(?: \(version [^)]*\))?$/s.exec(text)?.[1] ?? text;
  const code = Number(/^Code: (\d+)/.exec(text)?.[1]);
  if (code === 81) {
    return new ChokepointError(
      'not_found',
      `ClickHouse at ${location}: ${message} (load a dataset to create it: chokepoint data load DATASET --analytics URL)`,
      { field: 'analytics' },
    );
  }
  if (status === 401 || status === 403 || code === 516 || code === 192 || code === 193) {
    return new ChokepointError('forbidden', `ClickHouse at ${location} refused the user: ${message}`, {
      field: 'analytics',
    });
  }
  return new ChokepointError('bad_input', `ClickHouse at ${location}: ${message.split('\n')[0]}`, {
    field: 'analytics',
  });
}

/** A parameter value in the text form of its type, for `param_<name>` (strings as-is, arrays quoted). */
function paramText(p: BoundParam): string {
  const element = (v: number | string | null) =>
    v === null
      ? 'NULL'
      : typeof v === 'number'
        ? String(v)
        : `'${v.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (Array.isArray(p.value)) return `[${(p.value as (number | string | null)[]).map(element).join(',')}]`;
  return String(p.value);
}

/** DuckDB's type for a ClickHouse column type of a result. */
function duckdbTypeOf(type: string): string {
  const inner = /^Nullable\((.*)\)$/.exec(type)?.[1] ?? type;
  if (inner === 'UInt8') return 'BOOLEAN';
  if (/^U?Int(8|16|32)$/.test(inner)) return 'INTEGER';
  if (/^U?Int64$/.test(inner)) return 'BIGINT';
  if (/^Float/.test(inner)) return 'DOUBLE';
  return 'VARCHAR';
}

/** A scratch file name in the OS temp folder (for loads that are not beside a target file). */
export function tempFile(suffix: string): string {
  return path.join(os.tmpdir(), `chokepoint-${process.pid}-${randomUUID()}${suffix}`);
}
