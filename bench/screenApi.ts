import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { BenchResult } from './types.ts';
import { DataDir } from '../src/data/catalog/dataDir.ts';
import { Catalog } from '../src/data/catalog/catalog.ts';
import { generateSyntheticBaci } from '../src/data/synth/baci.ts';
import { importBaci } from '../src/data/importers/baci.ts';
import { openStateDb, type StateDb } from '../src/data/state/db.ts';
import { buildApp } from '../src/server/app.ts';
import { addUser } from '../src/data/security/users.ts';
import { ensureOrganisation } from '../src/data/security/organisations.ts';
import { createSession, csrfCookie, sessionCookie } from '../src/server/security/session.ts';

/**
 * Screening API under load (issue 3): single-reporter screen and one product dossier, p95 latency at 50
 * concurrent connections (wrk on loopback, 2 threads, 10 s each), on a SYNTHETIC full year (src/data/synth/baci.ts,
 * seed 3, 11 M flows; SCREEN_BENCH_ROWS overrides the size; SCREEN_API_BENCH_DIR keeps the data between runs).
 * The server is the real one (buildApp: session check, state, clearance check, cache, response schema); a viewer
 * signs in with a session cookie. The first (uncached) request of each URL is timed apart; wrk then measures the
 * steady state. `/api/auth/me` (session check only) is measured in the same run as the floor of this machine.
 * Runs on embedded PGlite (the default state back end), and on PostgreSQL too when BENCH_DATABASE_URL is set.
 *
 * The dataset is marked level 1 and the viewer cleared for it (issue 18), so every response passes the marking
 * enforcement point and every read is audited (src/server/security/readAudit.ts: the first read per user × object
 * × hour at once, repeats counted); the audit entries written during the run are reported.
 * SCREEN_API_BENCH_PUBLIC=1 measures the public dataset instead.
 */
const marked = process.env.SCREEN_API_BENCH_PUBLIC !== '1';
const year = 2022;
const rows = Number(process.env.SCREEN_BENCH_ROWS ?? 11_000_000);
const root = process.env.SCREEN_API_BENCH_DIR ?? path.join(os.tmpdir(), `chokepoint-bench-screenapi-${rows}`);
const datasetId = 'synth-screen';
const seconds = Number(process.env.SCREEN_API_BENCH_SECONDS ?? 10);

interface Load {
  p95: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

/** wrk at 50 connections; the Lua script prints the latency percentiles in ms and the error count. */
function wrk(url: string, headers: Record<string, string>): Promise<Load> {
  const lua = path.join(os.tmpdir(), 'chokepoint-wrk-percentiles.lua');
  fs.writeFileSync(
    lua,
    `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("P95 %f P50 %f P99 %f N %d E %d\\n", latency:percentile(95) / 1000, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, e.connect + e.read + e.write + e.status + e.timeout))
end\n`,
  );
  const args = [
    '-t2',
    '-c50',
    `-d${seconds}s`,
    '--timeout',
    '10s',
    '-s',
    lua,
    ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT' ? new Error('bench screenApi needs wrk on the PATH (Debian: apt-get install -y wrk)') : e,
      ),
    );
    child.on('close', () => {
      const m = /P95 ([\d.]+) P50 ([\d.]+) P99 ([\d.]+) N (\d+) E (\d+)/.exec(out);
      if (!m) reject(new Error(`wrk output: ${out}`));
      else
        resolve({
          p95: Number(m[1]),
          p50: Number(m[2]),
          p99: Number(m[3]),
          requests: Number(m[4]),
          errors: Number(m[5]),
        });
    });
  });
}

async function timedJson(
  url: string,
  headers: Record<string, string>,
): Promise<{ ms: number; body: unknown; bytes: number }> {
  const start = performance.now();
  const response = await fetch(url, { headers });
  const text = await response.text();
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${text.slice(0, 300)}`);
  return { ms, body: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

async function ensureData(): Promise<void> {
  const dataDir = new DataDir(root).ensure();
  if (new Catalog(dataDir).find(datasetId)) return;
  const csv = path.join(root, `synthetic-baci-${year}.csv`);
  process.stderr.write(`generating a SYNTHETIC year of ${rows} flows in ${root}\n`);
  if (!fs.existsSync(csv)) await generateSyntheticBaci({ year, rows, seed: 3, out: csv });
  await importBaci({ dataDir, inputs: [csv], datasetId, hs: 'HS17', synthetic: true });
  fs.rmSync(csv, { force: true });
}

async function measure(backend: string, databaseUrl: string | undefined): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const schema = `bench_screen_api_${process.pid}`;
  const state = databaseUrl
    ? await openStateDb({ databaseUrl, schema })
    : await openStateDb({
        dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'chokepoint-bench-screenapi-state-')),
      });
  const app = await buildApp({ dataDir: root, webDir: false, state });
  try {
    const db = app.services.state;
    await ensureOrganisation(db, {
      id: 'bench-ministry',
      name: 'Bench ministry',
      kind: 'ministry',
      sharingCap: 3,
    });
    const { user } = await addUser(db, {
      username: `bench-screen-${Date.now()}`,
      organisationId: 'bench-ministry',
      role: 'viewer',
      clearanceLevel: marked ? 1 : 0,
    });
    if (marked) {
      await db.query(
        `INSERT INTO dataset_markings (dataset_id, marking) VALUES ($1, $2::jsonb)
         ON CONFLICT (dataset_id) DO UPDATE SET marking = EXCLUDED.marking`,
        [datasetId, JSON.stringify({ level: 1, compartments: [], releasableTo: null })],
      );
    }
    const auditBefore = await readAuditCounts(db);
    const { sessionId, csrf } = await createSession(db, user.id);
    const headers = { cookie: `${sessionCookie}=${sessionId}; ${csrfCookie}=${csrf}` };
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const screenUrl = `${address}/api/screens?reporter=JPN&year=${year}&dataset=${datasetId}`;
    const cold = await timedJson(screenUrl, headers);
    const screen = cold.body as { screened: number; items: { hs6: string }[] };
    const top = screen.items[0].hs6;
    const productUrl = `${address}/api/products/${top}?reporter=JPN&year=${year}&dataset=${datasetId}`;
    const coldProduct = await timedJson(productUrl, headers);
    const sortedUrl = `${screenUrl}&method=eu2021&sort=hhi&page=2`;
    const warmSorted = await timedJson(sortedUrl, headers);

    const floor = await wrk(`${address}/api/auth/me`, headers);
    const screenLoad = await wrk(screenUrl, headers);
    const productLoad = await wrk(productUrl, headers);
    const sortedLoad = await wrk(sortedUrl, headers);
    await app.close();
    const audit = await readAuditCounts(db);
    const audited = `${marked ? 'dataset marked level 1' : 'public dataset'}; audit entries written: ${audit.read - auditBefore.read} read, ${audit.repeat - auditBefore.repeat} read.repeat (counting ${audit.repeated - auditBefore.repeated} repeated reads)`;
    const note = (l: Load) =>
      `p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, ${l.requests} requests in ${seconds} s, ${l.errors} errors`;
    results.push({
      name: `[${backend}] API /api/auth/me p95 at 50 connections (floor: session check only)`,
      value: floor.p95,
      unit: 'ms',
      note: note(floor),
    });
    results.push({
      name: `[${backend}] API screen JPN p95 at 50 connections`,
      value: screenLoad.p95,
      unit: 'ms',
      target: '≤ 50',
      pass: screenLoad.p95 <= 50 && screenLoad.errors === 0,
      note: `${note(screenLoad)}; first (uncached) request ${Math.round(cold.ms)} ms; ${screen.screened} products, page 1 ${cold.bytes} bytes`,
    });
    results.push({
      name: `[${backend}] API product ${top} p95 at 50 connections`,
      value: productLoad.p95,
      unit: 'ms',
      target: '≤ 50',
      pass: productLoad.p95 <= 50 && productLoad.errors === 0,
      note: `${note(productLoad)}; first (uncached) request ${Math.round(coldProduct.ms)} ms, ${coldProduct.bytes} bytes`,
    });
    results.push({
      name: `[${backend}] audit of reads during the run`,
      value: audit.read - auditBefore.read + audit.repeat - auditBefore.repeat,
      unit: 'entries',
      note: audited,
    });
    results.push({
      name: `[${backend}] API screen JPN, method filter + sort by hhi, page 2, p95 at 50 connections`,
      value: sortedLoad.p95,
      unit: 'ms',
      note: `${note(sortedLoad)}; first request (screen cached) ${Math.round(warmSorted.ms)} ms`,
    });
  } finally {
    await app.close().catch(() => undefined);
    if (databaseUrl) await state.exec(`DROP SCHEMA ${schema} CASCADE`);
    await state.close();
  }
  return results;
}

/** Entries of the audit of reads so far: first reads, repeat summaries and the reads those summaries count. */
async function readAuditCounts(db: StateDb): Promise<{ read: number; repeat: number; repeated: number }> {
  const [row] = await db.query<{ read: number; repeat: number; repeated: number | null }>(
    `SELECT count(*) FILTER (WHERE action = 'read')::int AS read,
            count(*) FILTER (WHERE action = 'read.repeat')::int AS repeat,
            sum(CASE WHEN action = 'read.repeat' THEN (details->>'count')::int ELSE 0 END)::int AS repeated
       FROM audit_log`,
  );
  return { read: row.read, repeat: row.repeat, repeated: row.repeated ?? 0 };
}

export async function run(): Promise<BenchResult[]> {
  await ensureData();
  const results = await measure('PGlite', undefined);
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (databaseUrl) results.push(...(await measure('PostgreSQL', databaseUrl)));
  return results;
}
