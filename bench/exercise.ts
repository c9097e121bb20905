import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/server/app.ts';
import { openStateDb } from '../src/data/state/db.ts';
import { addUser } from '../src/data/security/users.ts';
import { ensureOrganisation } from '../src/data/security/organisations.ts';
import { createSession, csrfCookie, sessionCookie } from '../src/server/security/session.ts';
import type { MarkingLevel } from '../src/analysis/marking.ts';
import { LiveClient } from '../test/exercises/liveClient.ts';
import type { BenchResult } from './types.ts';

/**
 * Live exercise session (issue 19): 50 players in one session over WebSocket, inject delivery p95 ≤ 200 ms from
 * the facilitator's action to the last client. The exercise is SYNTHETIC: two teams, one inject per simulated
 * month for `steps` months, every other inject marked 取扱注意 (level 1); players alternate teams and clearance
 * (level 0 or 1), so each broadcast builds four different views. Each step: the facilitator sends `advance by 1`
 * over its socket; the latency is the time until the last of the 50 players has received that step's events
 * (the state event every viewer gets; the inject, or its withheld notice, comes in the same write). The server
 * runs in this process on embedded PGlite (PostgreSQL when BENCH_DATABASE_URL is set), clients over loopback.
 */
const players = Number(process.env.BENCH_PLAYERS ?? 50);
const steps = Number(process.env.BENCH_STEPS ?? 100);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function run(): Promise<BenchResult[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chokepoint-bench-exercise-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const state = await openStateDb(databaseUrl ? { databaseUrl } : { dataDir: path.join(root, 'state') });
  const app = await buildApp({ dataDir: root, state, webDir: false });
  const clients: LiveClient[] = [];
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const origin = `http://127.0.0.1:${port}`;
    await ensureOrganisation(state, { id: 'bench-ministry', name: 'Bench', kind: 'ministry', sharingCap: 3 });
    const user = async (role: 'analyst' | 'viewer', level: MarkingLevel) => {
      const { user } = await addUser(state, {
        username: `bench-${role}-${Math.random().toString(36).slice(2, 10)}`,
        organisationId: 'bench-ministry',
        role,
        clearanceLevel: level,
      });
      const { sessionId, csrf } = await createSession(state, user.id);
      return {
        id: user.id,
        headers: { cookie: `${sessionCookie}=${sessionId}; ${csrfCookie}=${csrf}`, 'x-csrf-token': csrf },
      };
    };
    const facilitator = await user('analyst', 1);
    const teams = ['gov', 'industry'];
    const created = await app.inject({
      method: 'POST',
      url: '/api/exercises',
      headers: facilitator.headers,
      payload: {
        design: {
          title: { ja: 'SYNTHETIC ベンチマーク演習', en: 'SYNTHETIC benchmark exercise' },
          organisations: [{ id: 'ministry', name: 'Ministry', kind: 'ministry' }],
          teams: teams.map((id) => ({ id, name: id, organisation: 'ministry' })),
        },
        injects: Array.from({ length: steps }, (_, i) => ({
          id: `inject-${i + 1}`,
          at: i + 1,
          team: teams[i % 2],
          title: `SYNTHETIC inject ${i + 1}`,
          body: `Month ${i + 1}: SYNTHETIC situation report`,
          marking: { level: i % 4 < 2 ? 0 : 1, compartments: [], releasableTo: null },
        })),
      },
    });
    if (created.statusCode !== 201) throw new Error(`exercise: ${created.body}`);
    const exerciseId = created.json().id as string;
    const people = [];
    for (let i = 0; i < players; i++) {
      const p = await user('viewer', (i % 4 < 2 ? 0 : 1) as MarkingLevel);
      const res = await app.inject({
        method: 'PUT',
        url: `/api/exercises/${exerciseId}/participants/${p.id}`,
        headers: facilitator.headers,
        payload: { role: 'player', team: teams[i % 2] },
      });
      if (res.statusCode !== 204) throw new Error(`participant: ${res.body}`);
      people.push(p);
    }
    const session = await app.inject({
      method: 'POST',
      url: `/api/exercises/${exerciseId}/sessions`,
      headers: facilitator.headers,
    });
    const url = `ws://127.0.0.1:${port}/api/exercise-sessions/${session.json().id}/live`;
    const open = async (headers: Record<string, string>) => {
      const c = await LiveClient.open(url, { cookie: headers.cookie, origin });
      clients.push(c);
      await c.waitFor((f) => f.type === 'synced');
      return c;
    };
    const f = await open(facilitator.headers);
    const sockets = await Promise.all(people.map((p) => open(p.headers)));
    await f.request({ type: 'action', action: 'start' });

    const latencies: number[] = [];
    for (let step = 0; step < steps; step++) {
      const marks = sockets.map((c) => c.frames.length);
      const t0 = performance.now();
      const arrived = sockets.map((c, i) =>
        c
          .waitFor(
            (x) => x.type === 'event' && (x.event as { simTime?: number }).simTime === step + 1,
            marks[i],
          )
          .then(() => performance.now() - t0),
      );
      const ack = await f.request({ type: 'action', action: 'advance', by: 1 });
      if (ack.type !== 'ack') throw new Error(`advance: ${JSON.stringify(ack)}`);
      latencies.push(Math.max(...(await Promise.all(arrived))));
    }
    // The check the benchmark also makes: a level-0 player never received a marked inject's content.
    for (const [i, c] of sockets.entries()) {
      if (i % 4 >= 2) continue;
      const leaked = c
        .events()
        .filter((e) => e.kind === 'inject' && (e.inject as { marking: { level: number } }).marking.level > 0);
      if (leaked.length) throw new Error(`player ${i} received ${leaked.length} marked injects`);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    const note = `${players} players, ${steps} advances, SYNTHETIC exercise; ${databaseUrl ? 'PostgreSQL' : 'PGlite'}; load ${os.loadavg()[0].toFixed(1)}`;
    return [
      {
        name: 'delivery p95 (facilitator → last of 50)',
        value: p95,
        unit: 'ms',
        target: '≤ 200',
        pass: p95 <= 200,
        note,
      },
      { name: 'delivery p50', value: percentile(sorted, 50), unit: 'ms' },
      { name: 'delivery max', value: sorted.at(-1)!, unit: 'ms' },
    ];
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    await app.close();
    await state.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
