import fs from 'node:fs';
import path from 'node:path';
import {
  PgNotifications,
  type ListenBackoff,
  type NotifyHandler,
  type ReliabilityHandler,
} from './pgNotifications.ts';
import { packageRoot } from '../../packageRoot.ts';
import { makeDirectory } from '../catalog/makeDirectory.ts';
import { acquireStateLock, type StateHolder, type StateLock } from './stateLock.ts';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Application state (users, organisations, markings, scenarios, alerts, audit) in the PostgreSQL dialect.
 * PGlite (embedded, in the data directory) by default; a PostgreSQL server when DATABASE_URL is set.
 * Both sit behind this small interface so that no caller knows which one it talks to.
 */
export interface StateDb {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction; a thrown error rolls everything back. */
  transaction<T>(fn: (tx: StateDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Calls onNotify for each notification on `channel` committed after the subscription (never for a rollback);
   * resolves to an unsubscribe function. A change committed through this StateDb reaches onNotify before the
   * writing call returns, on both back ends (PGlite delivers at commit; PostgreSQL: pgNotifications.ts). A change
   * committed by another process (PostgreSQL only) arrives shortly after its commit. onNotify may be called more
   * than once for one notification. onReliability is called whenever notificationsReliable changes.
   */
  listen(
    channel: string,
    onNotify: NotifyHandler,
    onReliability?: ReliabilityHandler,
  ): Promise<() => Promise<void>>;
  /**
   * Whether every committed change is being delivered to listeners: always on PGlite (embedded: this process is
   * the only writer); on PostgreSQL only while the dedicated LISTEN connection is up (reconnected with backoff
   * after a drop; notifications committed during the gap are lost). False on PostgreSQL before the first listen.
   */
  readonly notificationsReliable: boolean;
}

export interface OpenStateOptions {
  /** postgres://… ; when absent, PGlite in `dataDir` (or in memory when dataDir is absent too). */
  databaseUrl?: string;
  /** Folder for the embedded database. */
  dataDir?: string;
  /** Schema to use on a server (tests use a fresh schema each). */
  schema?: string;
  /** PostgreSQL: how soon the LISTEN connection is reopened after a drop (default 250 ms, doubling to 10 s). */
  listenBackoff?: ListenBackoff;
  /**
   * PGlite, a new database only: start from this copy (`newStateCopy`) instead of creating the database; the
   * migrations then apply only what the copy lacks. Creating one costs about a second, loading a copy a third of
   * that: the tests start each in-memory database from one copy made before they run (test/helpers/stateDbs.ts).
   */
  startFrom?: Blob;
  /**
   * PGlite in `dataDir`: who is opening it, written in the lock taken first (stateLock.ts) so that a second
   * process is told who holds the database. Default: a CLI command.
   */
  holder?: StateHolder;
}

export async function openStateDb(options: OpenStateOptions = {}): Promise<StateDb> {
  if (options.databaseUrl && options.startFrom)
    throw new Error('startFrom is a copy of an embedded database: it cannot start a PostgreSQL server');
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.schema, options.listenBackoff)
    : (await openPglite(options.dataDir, options.startFrom, options.holder)).db;
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined); // and with it the lock
    throw error;
  }
  return db;
}

/**
 * A copy of a new embedded database with every migration applied (PGlite's `dumpDataDir`, uncompressed: loading
 * it is faster than unpacking a smaller one), to start others from (`OpenStateOptions.startFrom`).
 */
export async function newStateCopy(): Promise<Blob> {
  const { pg, db } = await openPglite();
  try {
    await migrate(db);
    return await pg.dumpDataDir('none');
  } finally {
    await pg.close();
  }
}

/**
 * PGlite in `dir` (taking its lock first, so that a second process never opens it: stateLock.ts), or in memory.
 * The lock is released when the database closes, or if it fails to open.
 */
async function openPglite(dir?: string, startFrom?: Blob, holder: StateHolder = { kind: 'cli' }) {
  const lock = dir ? acquireStateLock(dir, holder) : undefined;
  let pg: PGlite | undefined;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    if (dir) makeDirectory(dir);
    if (startFrom && dir && fs.readdirSync(dir).length > 0)
      throw new Error(`${dir} already holds a database: a copy can only start a new one`);
    pg = new PGlite({ dataDir: dir, loadDataDir: startFrom });
    await pg.waitReady;
  } catch (error) {
    await pg?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
  return { pg, db: wrapPglite(pg, lock) };
}

/** The StateDb over an open PGlite; closing it closes PGlite, then releases the lock (if it closed cleanly). */
function wrapPglite(pg: PGlite, lock: StateLock | undefined): StateDb {
  type Queryable = { query: typeof pg.query; exec: typeof pg.exec };
  const wrap = (q: Queryable, inTx: boolean): StateDb => ({
    kind: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await q.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
    async transaction<T>(fn: (tx: StateDb) => Promise<T>): Promise<T> {
      if (inTx) return fn(wrap(q, true));
      return pg.transaction((tx) => fn(wrap(tx as unknown as Queryable, true)));
    },
    async close() {
      if (inTx) return;
      await pg.close();
      // Not when closing failed: this process may still touch the files; the lock then goes at its exit.
      lock?.release();
    },
    // One process writes the embedded database: every commit is announced, so delivery is always reliable.
    listen: (channel: string, onNotify: NotifyHandler) => pg.listen(channel, onNotify),
    notificationsReliable: true,
  });
  return wrap(pg, false);
}

async function openPostgres(url: string, schema?: string, listenBackoff?: ListenBackoff): Promise<StateDb> {
  const { default: pgModule } = await import('pg');
  // Dates stay strings so that both back ends return the same shapes.
  pgModule.types.setTypeParser(1114, (v: string) => v);
  pgModule.types.setTypeParser(1184, (v: string) => v);
  pgModule.types.setTypeParser(20, (v: string) => Number(v));
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  if (schema) {
    const admin = new pgModule.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await admin.end();
  }
  const pool = new pgModule.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle pooled connection that breaks (server restart, pg_terminate_backend) is removed by the pool; without
  // a handler its 'error' event would end the process.
  pool.on('error', () => {});
  const notifications = new PgNotifications(
    () =>
      new pgModule.Client({
        connectionString: url,
        // Named so that an operator (and the tests) can tell it apart: one per StateDb that listens.
        application_name: `chokepoint-listen${schema ? `:${schema}` : ''}`,
        keepAlive: true,
        connectionTimeoutMillis: 5_000,
      }),
    pool,
    listenBackoff ?? { firstMs: 250, maxMs: 10_000 },
  );
  type Client = { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> };
  const wrap = (client: Client | null): StateDb => ({
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await (client ?? pool).query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await (client ?? pool).query(sql);
    },
    async transaction<T>(fn: (tx: StateDb) => Promise<T>): Promise<T> {
      if (client) return fn(wrap(client));
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await fn(wrap(conn));
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK');
        throw error;
      } finally {
        conn.release();
      }
    },
    async close() {
      if (client) return;
      await notifications.close();
      await pool.end();
    },
    listen: (channel: string, onNotify: NotifyHandler, onReliability?: ReliabilityHandler) =>
      notifications.subscribe(channel, onNotify, onReliability),
    get notificationsReliable() {
      return notifications.reliable;
    },
  });
  return wrap(null);
}

// From the package root, not import.meta.url: the CLI bundle (dist/cli) runs these from another folder.
const migrationsDir = path.join(packageRoot(), 'src', 'data', 'state', 'migrations');

/**
 * Applies migrations/NNN_name.sql in name order, each once, each in its own transaction.
 * Number ranges by area keep parallel work from colliding: 000–099 core, 100–199 security,
 * 200–299 scenarios and exercises, 300–399 early warning, 400–499 technology and registry, 500–599 maritime.
 */
export async function migrate(db: StateDb): Promise<string[]> {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const done = new Set(
    (await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
  );
  const files = fs
    .readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
    });
    applied.push(file);
  }
  return applied;
}
