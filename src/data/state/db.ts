import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
   * Only where NOTIFY is delivered synchronously (embedded PGlite: at commit, before the writing query returns;
   * never for a rollback): calls onNotify for each notification on `channel`; resolves to an unsubscribe function.
   * Absent on PostgreSQL, whose notifications arrive asynchronously on another connection.
   */
  listenSync?(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
}

export interface OpenStateOptions {
  /** postgres://… ; when absent, PGlite in `dataDir` (or in memory when dataDir is absent too). */
  databaseUrl?: string;
  /** Folder for the embedded database. */
  dataDir?: string;
  /** Schema to use on a server (tests use a fresh schema each). */
  schema?: string;
}

export async function openStateDb(options: OpenStateOptions = {}): Promise<StateDb> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.schema)
    : await openPglite(options.dataDir);
  await migrate(db);
  return db;
}

async function openPglite(dir?: string): Promise<StateDb> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const pg = dir ? new PGlite(dir) : new PGlite();
  await pg.waitReady;
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
      if (!inTx) await pg.close();
    },
    ...(inTx ? {} : { listenSync: (channel: string, onNotify: (payload: string) => void) => pg.listen(channel, onNotify) }),
  });
  return wrap(pg, false);
}

async function openPostgres(url: string, schema?: string): Promise<StateDb> {
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
      if (!client) await pool.end();
    },
  });
  return wrap(null);
}

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Applies migrations/NNN_name.sql in name order, each once, each in its own transaction.
 * Number ranges by area keep parallel work from colliding: 000–099 core, 100–199 security,
 * 200–299 scenarios and exercises, 300–399 early warning, 400–499 technology and registry, 500–599 maritime.
 */
export async function migrate(db: StateDb): Promise<string[]> {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const done = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
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
