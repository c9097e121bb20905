import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { ChokepointError } from '../../errors.ts';
import type { ClickHouseStore } from './clickhouse.ts';
import { sqlString } from './store.ts';

/**
 * Loading a dataset version's Parquet files into ClickHouse, atomically: the rows go into staging tables (on every
 * shard, behind a Distributed table over the cluster), are counted against what the importer counted, and only
 * then renamed to the version's own table names. A reader never sees a half-loaded table: the catalog names the
 * version, and the version's tables appear whole (a killed load leaves only staging tables, dropped by the next
 * load of the same dataset). What was loaded, from which files, is kept in the `chokepoint_loads` table beside
 * the catalog entry's provenance.
 *
 * Layouts (ORDER BY is the primary key: a reporter's rows of a year are one range, skipped over otherwise):
 *   trade-annual  (t Int32, i Int32, j Int32, k String, v Float64, q Nullable(Float64)), PARTITION BY t,
 *                 ORDER BY (t, j, k, i), sharded by importer j (a reporter's flows on one shard)
 *   trade-monthly (reporter, partner, hs, flow, period String, value Float64, quantity Nullable(Float64),
 *                 unit Nullable(String)), ORDER BY (reporter, hs, flow, partner, period), sharded by reporter
 */
export type LoadKind = 'trade' | 'monthly';

interface Layout {
  columns: string;
  /** DuckDB SELECT list giving the columns in order from the dataset's Parquet. */
  select: string;
  engine: string;
  shardingKey: string;
  /** The Parquet files under the dataset's folder. */
  files: string;
}

const layouts: Record<LoadKind, Layout> = {
  trade: {
    columns: 't Int32, i Int32, j Int32, k String, v Float64, q Nullable(Float64)',
    select: 'CAST(t AS INTEGER) AS t, i, j, k, v, q',
    engine: 'MergeTree PARTITION BY t ORDER BY (t, j, k, i) SETTINGS index_granularity = 8192',
    shardingKey: 'j',
    files: path.join('t=*', '*.parquet'),
  },
  monthly: {
    columns:
      'reporter String, partner String, hs String, flow String, period String, value Float64, quantity Nullable(Float64), unit Nullable(String)',
    select: 'reporter, partner, hs, flow, period, value, quantity, unit',
    engine: 'MergeTree ORDER BY (reporter, hs, flow, partner, period) SETTINGS index_granularity = 8192',
    shardingKey: 'cityHash64(reporter)',
    files: 'series.parquet',
  },
};

/** The table of a dataset version: kind, dataset id and a digest of the version's store folder. */
export function clickhouseTableName(kind: LoadKind, datasetId: string, versionKey: string): string {
  const digest = createHash('sha256').update(`${datasetId}/${versionKey}`).digest('hex').slice(0, 12);
  return `${kind}_${datasetId.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 40)}_${digest}`;
}

/** The table name of a catalog entry's version (its store folder is store/<id>/<versionKey>). */
export function clickhouseTableOf(kind: LoadKind, entry: { id: string; path: string }): string {
  return clickhouseTableName(kind, entry.id, path.basename(entry.path));
}

export interface LoadRequest {
  kind: LoadKind;
  datasetId: string;
  versionKey: string;
  /** The dataset version's folder (the store folder, or the import's scratch output before it is published). */
  dir: string;
  /** Rows the importer counted, checked against what ClickHouse received. */
  rows: number;
  version: string;
  sha256: string[];
  onProgress?: (note: string) => void;
}

export interface LoadResult {
  table: string;
  rows: number;
  /** False when that version's tables were there already (same content: nothing loaded). */
  loaded: boolean;
}

export async function loadIntoClickHouse(store: ClickHouseStore, request: LoadRequest): Promise<LoadResult> {
  const layout = layouts[request.kind];
  const { database, cluster } = store.target;
  const name = clickhouseTableName(request.kind, request.datasetId, request.versionKey);
  if (await exists(store, name)) return { table: name, rows: request.rows, loaded: false };
  await store.command(`CREATE DATABASE IF NOT EXISTS ${database}`, 'every', { database: 'default' });
  await dropStaging(store, name);
  const staging = `${name}_staging_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const scratch = path.join(request.dir, `.clickhouse-${staging}.tsv`);
  try {
    await createTables(store, staging, layout);
    request.onProgress?.('ClickHouse: sending rows');
    // DuckDB writes tab-separated text (18.16 reads no Parquet): \N for NULL, no quoting (codes and numbers only).
    const local = await store.local();
    const glob = path.join(request.dir, layout.files);
    await local.run(
      `COPY (SELECT ${layout.select} FROM read_parquet(${sqlString(glob)}${request.kind === 'trade' ? ", hive_partitioning = true, hive_types = {'t': INTEGER}" : ''}))
       TO ${sqlString(scratch)} (FORMAT csv, DELIMITER '\t', HEADER false, NULLSTR '\\N', QUOTE '', ESCAPE '')`,
    );
    // A Distributed table's insert waits until every shard has its rows (insert_distributed_sync).
    await store.insertFile(store.table(staging), scratch, cluster ? { insert_distributed_sync: '1' } : {});
    fs.rmSync(scratch, { force: true });
    const received = Number(await store.text(`SELECT count() FROM ${store.table(staging)}`));
    if (received !== request.rows) {
      throw new ChokepointError(
        'internal',
        `ClickHouse at ${store.location} received ${received} rows of dataset "${request.datasetId}" instead of ${request.rows}; nothing was loaded`,
        { field: 'analytics' },
      );
    }
    request.onProgress?.('ClickHouse: publishing');
    await renameTables(store, staging, name);
    await recordLoad(store, name, request);
    return { table: name, rows: received, loaded: true };
  } catch (error) {
    await dropTables(store, staging).catch(() => undefined);
    throw error;
  } finally {
    fs.rmSync(scratch, { force: true });
  }
}

/** True when the version's table answers (the Distributed one on a cluster: it is renamed last). */
export async function exists(store: ClickHouseStore, name: string): Promise<boolean> {
  const answer = await store.text(`EXISTS TABLE ${store.table(name)}`, { database: 'default' }).catch(() => '0');
  return answer.trim() === '1';
}

/** On a cluster: `<name>_local` MergeTree on every shard and the Distributed `<name>` on every host; else one table. */
async function createTables(store: ClickHouseStore, name: string, layout: Layout): Promise<void> {
  const { database, cluster, hosts } = store.target;
  const onCluster = cluster && hosts.length === 1 ? ` ON CLUSTER ${cluster}` : '';
  const every = onCluster ? 'first' : 'every';
  if (!cluster) {
    await store.command(`CREATE TABLE ${database}.${name} (${layout.columns}) ENGINE = ${layout.engine}`);
    return;
  }
  await store.command(`CREATE TABLE ${database}.${name}_local${onCluster} (${layout.columns}) ENGINE = ${layout.engine}`, every);
  await store.command(
    `CREATE TABLE ${database}.${name}${onCluster} (${layout.columns}) ENGINE = Distributed(${cluster}, ${database}, ${name}_local, ${layout.shardingKey})`,
    every,
  );
}

/**
 * Staging → final: the shards' tables first, the Distributed tables last, so the name readers use appears only
 * once every shard has its part. RENAME is atomic on each server.
 */
async function renameTables(store: ClickHouseStore, from: string, to: string): Promise<void> {
  const { database, cluster, hosts } = store.target;
  const onCluster = cluster && hosts.length === 1 ? ` ON CLUSTER ${cluster}` : '';
  const every = onCluster ? 'first' : 'every';
  if (!cluster) {
    await store.command(`RENAME TABLE ${database}.${from} TO ${database}.${to}`);
    return;
  }
  await store.command(`RENAME TABLE ${database}.${from}_local TO ${database}.${to}_local${onCluster}`, every);
  // The Distributed table names the shards' table: created anew under the final name rather than renamed.
  await store.command(`DROP TABLE IF EXISTS ${database}.${from}${onCluster}`, every);
  const columns = layouts[to.startsWith('trade_') ? 'trade' : 'monthly'];
  await store.command(
    `CREATE TABLE ${database}.${to}${onCluster} (${columns.columns}) ENGINE = Distributed(${cluster}, ${database}, ${to}_local, ${columns.shardingKey})`,
    every,
  );
}

async function dropTables(store: ClickHouseStore, name: string): Promise<void> {
  const { database, cluster, hosts } = store.target;
  const onCluster = cluster && hosts.length === 1 ? ` ON CLUSTER ${cluster}` : '';
  const every = onCluster ? 'first' : 'every';
  await store.command(`DROP TABLE IF EXISTS ${database}.${name}${onCluster}`, every);
  if (cluster) await store.command(`DROP TABLE IF EXISTS ${database}.${name}_local${onCluster}`, every);
}

/** Staging tables of an earlier, interrupted load of the same version. */
async function dropStaging(store: ClickHouseStore, name: string): Promise<void> {
  for (const host of store.target.hosts) {
    const names = (
      await store.text(
        `SELECT name FROM system.tables WHERE database = ${sqlString(store.target.database)} AND startsWith(name, ${sqlString(`${name}_staging_`)})`,
        { host, database: 'default' },
      )
    )
      .split('\n')
      .filter((n) => /^[a-z0-9_]+$/.test(n));
    for (const n of names) await store.command(`DROP TABLE IF EXISTS ${store.target.database}.${n}`, host);
  }
}

/** Provenance on the server: which dataset version each table holds, from which files, when. */
async function recordLoad(store: ClickHouseStore, table: string, request: LoadRequest): Promise<void> {
  const log = store.table('chokepoint_loads');
  await store.command(
    `CREATE TABLE IF NOT EXISTS ${log} (table String, dataset String, version String, version_key String, rows UInt64, sha256 Array(String), loaded_at DateTime) ENGINE = TinyLog`,
  );
  const row = {
    table,
    dataset: request.datasetId,
    version: request.version,
    version_key: request.versionKey,
    rows: request.rows,
    sha256: request.sha256,
    loaded_at: new Date().toISOString().slice(0, 19).replace('T', ' '),
  };
  const file = path.join(request.dir, `.clickhouse-load-${randomUUID()}.json`);
  try {
    fs.writeFileSync(file, `${JSON.stringify(row)}\n`);
    await store.insertFile(log, file, {}, 'JSONEachRow');
  } finally {
    fs.rmSync(file, { force: true });
  }
}
