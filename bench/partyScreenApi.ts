import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { BenchResult } from './types.ts';
import { DataDir } from '../src/data/catalog/dataDir.ts';
import { Catalog } from '../src/data/catalog/catalog.ts';
import { fetchDataset } from '../src/data/fetch/fetchDataset.ts';
import { findManifest } from '../src/data/manifests/index.ts';
import { readListEntries } from '../src/data/exportControl/listStore.ts';
import { openStateDb } from '../src/data/state/db.ts';
import { buildApp } from '../src/server/app.ts';
import { addUser } from '../src/data/security/users.ts';
import { ensureOrganisation } from '../src/data/security/organisations.ts';
import { createSession, csrfCookie, sessionCookie } from '../src/server/security/session.ts';

/**
 * One party screen through the API (issue 20; target p95 ≤ 100 ms): POST /api/export-control/screenings on the
 * real server (session check, CSRF, schema, decisions laid over the hits from the state database) over loopback
 * HTTP, one request at a time as a user at a screen would send it. The lists are the real METI End User List and
 * Russia lists from the shared mirror (CHOKEPOINT_MIRROR, default ../shared/data). The names screened are every
 * 7th entry's first name, alternately as listed, upper-cased with its legal form dropped, and with two letters
 * swapped — and an equal number of names that are on no list ("<word> Trading Co., Ltd."). The first request
 * (which builds the index) is reported apart.
 */
const mirror = process.env.CHOKEPOINT_MIRROR ?? path.resolve('../shared/data');
const requests = Number(process.env.PARTY_API_BENCH_REQUESTS ?? 400);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function variant(name: string, i: number): string {
  if (i % 3 === 0) return name;
  if (i % 3 === 1)
    return name.replace(/\b(co\.?,? ?ltd\.?|llc|jsc|inc\.?|corporation)\b/gi, '').toUpperCase();
  const at = Math.max(1, Math.floor(name.length / 2));
  return name.slice(0, at - 1) + name[at] + name[at - 1] + name.slice(at + 1);
}

export async function run(): Promise<BenchResult[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chokepoint-bench-partyapi-'));
  const dataDir = new DataDir(root);
  for (const id of ['meti-end-user-list', 'meti-russia-lists'])
    await fetchDataset(findManifest(id), { dataDir, mirror });
  const catalog = new Catalog(dataDir);
  const entries = ['meti-eul', 'meti-russia'].flatMap((l) => readListEntries(catalog, l).entries);
  const listed = entries.filter((_, i) => i % 7 === 0).map((e, i) => variant(e.names[0], i));
  const unlisted = listed.map(
    (_, i) => `${['Aoba', 'Kestrel', 'Marlin', 'Sakura', 'Tundra'][i % 5]} ${i} Trading Co., Ltd.`,
  );
  const names = listed.flatMap((n, i) => [n, unlisted[i]]);

  const state = await openStateDb({});
  const app = await buildApp({ dataDir: root, webDir: false, state });
  try {
    await ensureOrganisation(state, {
      id: 'bench-exporter',
      name: 'Bench exporter',
      kind: 'company',
      sharingCap: 3,
    });
    const { user } = await addUser(state, {
      username: `bench-party-${Date.now()}`,
      organisationId: 'bench-exporter',
      role: 'analyst',
      clearanceLevel: 1,
    });
    const { sessionId, csrf } = await createSession(state, user.id);
    const headers = {
      cookie: `${sessionCookie}=${sessionId}; ${csrfCookie}=${csrf}`,
      'x-csrf-token': csrf,
      'content-type': 'application/json',
    };
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const screen = async (name: string) => {
      const started = performance.now();
      const res = await fetch(`${address}/api/export-control/screenings`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name }),
      });
      const body = (await res.json()) as { matches?: unknown[] };
      if (res.status !== 200) throw new Error(`screen "${name}": ${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - started, hit: (body.matches?.length ?? 0) > 0 };
    };
    const cold = await screen(names[0]);
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < requests; i++) {
      const r = await screen(names[(i + 1) % names.length]);
      times.push(r.ms);
      if (r.hit) hits++;
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    const note = `${entries.length} real list entries (METI EUL + Russia lists), ${requests} sequential screens, ${hits} with hits; p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`;
    return [
      { name: 'first screen (builds the index)', value: cold.ms, unit: 'ms' },
      { name: 'screen p95', value: p95, unit: 'ms', target: '≤ 100', pass: p95 <= 100, note },
    ];
  } finally {
    await app.close();
    await state.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
