import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildApp, type App } from '../src/server/app.ts';
import { openStateDb, type StateDb } from '../src/data/state/db.ts';
import type { Marking } from '../src/analysis/marking.ts';
import { entryHash, genesisHash } from '../src/data/security/auditLog.ts';
import { benchmarkSwitch } from '../src/server/security/markings.ts';
import { createSession, csrfCookie, sessionCookie } from '../src/server/security/session.ts';
import { addUser } from '../src/data/security/users.ts';
import { ensureOrganisation } from '../src/data/security/organisations.ts';
import type { BenchResult } from './types.ts';

/**
 * Cost of the marking check on list endpoints with 10,000 marked objects, against the same endpoint with the
 * checks switched off (benchmarkSwitch, never set by the application):
 * - GET /api/datasets: 10,000 catalog entries, filtered in memory (filterReadable);
 * - GET /api/audit: 10,000 audit entries, filtered in SQL (readableSql) in both the page and the total.
 * The reader is cleared for every marking, so both variants return identical bodies and the difference is the
 * check alone. Variants alternate (ABAB…) so that load from other processes hits both alike; medians compared.
 * Runs on embedded PGlite, and on PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
 */
const objects = 10_000;
const rounds = Number(process.env.BENCH_ROUNDS ?? 40);

const markings: Marking[] = [
  { level: 0, compartments: [], releasableTo: null },
  { level: 1, compartments: [], releasableTo: null },
  { level: 2, compartments: ['semiconductors'], releasableTo: null },
  { level: 2, compartments: ['batteries'], releasableTo: ['bench-ministry', 'acme'] },
  { level: 3, compartments: ['batteries', 'semiconductors'], releasableTo: ['bench-ministry'] },
];

async function seed(app: App): Promise<Record<string, string>> {
  const db = app.services.state;
  await ensureOrganisation(db, {
    id: 'bench-ministry',
    name: 'Bench ministry',
    kind: 'ministry',
    sharingCap: 3,
  });
  const { user } = await addUser(db, {
    username: 'bench-reader',
    organisationId: 'bench-ministry',
    role: 'auditor',
    clearanceLevel: 3,
    compartments: ['batteries', 'semiconductors'],
  });
  const now = new Date().toISOString();
  const datasets = process.env.SECURITY_BENCH_ONLY === 'audit' ? 0 : objects;
  for (let i = 0; i < datasets; i++) {
    const id = `bench-${String(i).padStart(5, '0')}`;
    const scratch = path.join(app.services.dataDir.tmpDir, id);
    fs.mkdirSync(scratch, { recursive: true });
    app.services.catalog.publish(
      {
        id,
        kind: 'other',
        title: `SYNTHETIC benchmark dataset ${i}`,
        publisher: 'chokepoint bench',
        version: '1',
        source: 'synthetic',
        retrievedAt: now,
        importedAt: now,
        synthetic: true,
        files: [],
        rows: i,
        rejectedRows: 0,
      },
      scratch,
      'v1',
    );
  }
  for (let start = 0; start < datasets; start += 1000) {
    const values: string[] = [];
    const params: unknown[] = [];
    for (let i = start; i < start + 1000; i++) {
      values.push(`($${params.length + 1}, $${params.length + 2}::jsonb)`);
      params.push(`bench-${String(i).padStart(5, '0')}`, JSON.stringify(markings[i % markings.length]));
    }
    await db.query(`INSERT INTO dataset_markings (dataset_id, marking) VALUES ${values.join(',')}`, params);
  }
  // A valid chain of 10,000 audit entries, written in batches.
  let prevHash = genesisHash;
  for (let start = 1; start <= objects; start += 500) {
    const values: string[] = [];
    const params: unknown[] = [];
    for (let seq = start; seq < start + 500; seq++) {
      const e = {
        seq,
        at: now,
        actorId: user.id,
        actor: 'bench-reader',
        action: 'read',
        objectType: 'dataset',
        objectId: `bench-${seq}`,
        marking: markings[seq % markings.length],
        details: { seq },
        prevHash,
      };
      const hash = entryHash(e);
      const p = params.length;
      values.push(
        `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8}::jsonb, $${p + 9}::jsonb, $${p + 10}, $${p + 11})`,
      );
      params.push(
        seq,
        e.at,
        e.actorId,
        e.actor,
        e.action,
        e.objectType,
        e.objectId,
        JSON.stringify(e.marking),
        JSON.stringify(e.details),
        prevHash,
        hash,
      );
      prevHash = hash;
    }
    await db.query(
      `INSERT INTO audit_log (seq, at, actor_id, actor, action, object_type, object_id, marking, details, prev_hash, hash) VALUES ${values.join(',')}`,
      params,
    );
  }
  await db.query('INSERT INTO audit_head (id, seq, hash) VALUES (1, $1, $2)', [objects, prevHash]);
  const { sessionId, csrf } = await createSession(db, user.id);
  return { cookie: `${sessionCookie}=${sessionId}; ${csrfCookie}=${csrf}` };
}

async function timeOnce(
  app: App,
  url: string,
  headers: Record<string, string>,
  bypass: boolean,
): Promise<{ ms: number; body: string }> {
  benchmarkSwitch.bypassMarkingChecks = bypass;
  const t0 = process.hrtime.bigint();
  const res = await app.inject({ url, headers });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  benchmarkSwitch.bypassMarkingChecks = false;
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return { ms, body: res.body };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(backend: string, state: StateDb | undefined): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chokepoint-bench-security-'));
  const app = await buildApp({ dataDir: dir, webDir: false, state });
  try {
    process.stderr.write(`[${backend}] seeding ${objects} datasets and ${objects} audit entries…\n`);
    const headers = await seed(app);
    const results: BenchResult[] = [];
    const only = process.env.SECURITY_BENCH_ONLY; // 'datasets' or 'audit' to run one endpoint
    for (const [name, url] of [
      ['datasets list (in-memory filter)', '/api/datasets'],
      ['audit list (SQL filter, page 100 + total)', '/api/audit?limit=100'],
    ] as const) {
      if (only && !url.includes(only)) continue;
      // Same bodies both ways (the reader may read everything), so only the check differs.
      const [a, b] = [await timeOnce(app, url, headers, false), await timeOnce(app, url, headers, true)];
      if (a.body !== b.body) throw new Error(`${url}: checked and bypassed bodies differ`);
      const total = (JSON.parse(a.body) as { total: number }).total;
      for (let i = 0; i < 5; i++) {
        await timeOnce(app, url, headers, false);
        await timeOnce(app, url, headers, true);
      }
      const checked: number[] = [];
      const bypassed: number[] = [];
      for (let i = 0; i < rounds; i++) {
        if (i % 2) {
          checked.push((await timeOnce(app, url, headers, false)).ms);
          bypassed.push((await timeOnce(app, url, headers, true)).ms);
        } else {
          bypassed.push((await timeOnce(app, url, headers, true)).ms);
          checked.push((await timeOnce(app, url, headers, false)).ms);
        }
      }
      const mc = median(checked);
      const mb = median(bypassed);
      const overhead = (mc / mb - 1) * 100;
      results.push(
        {
          name: `${backend} ${name}: median with checks`,
          value: mc,
          unit: 'ms',
          note: `${objects} objects, total ${total}, ${rounds} rounds`,
        },
        { name: `${backend} ${name}: median checks bypassed`, value: mb, unit: 'ms' },
        {
          name: `${backend} ${name}: overhead`,
          value: overhead,
          unit: '%',
          target: '≤ 5',
          pass: overhead <= 5,
        },
      );
    }
    return results;
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const results = await measure('pglite', undefined);
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) {
    const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const state = await openStateDb({ databaseUrl: url, schema });
    try {
      results.push(...(await measure('postgres', state)));
    } finally {
      await state.exec(`DROP SCHEMA ${schema} CASCADE`);
      await state.close();
    }
  }
  return results;
}
