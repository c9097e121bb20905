import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { settleRunningWork } from '../../src/server/jobs/runner.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { baciCriticalMineralsCsv as csv } from '../helpers/sharedTrade.ts';
import type { StateDb } from '../../src/data/state/db.ts';

/**
 * Jobs from the API: fetch the real BACI critical-minerals extract from a mirror, screen every reporter to a CSV
 * (figures checked against a sum taken straight from the publisher's CSV here), generate a SYNTHETIC year; roles,
 * markings and clear errors.
 */

async function finished(app: App, id: string, headers: Record<string, string>) {
  await settleRunningWork();
  const res = await app.inject({ url: `/api/jobs/${id}`, headers });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** Japan's (BACI code 392) 2024 imports of one HS6 code, in USD, summed straight from the CSV. */
function japanImportsUsd(hs6: string): number {
  const lines = fs.readFileSync(csv, 'utf8').split('\n').slice(1);
  let sum = 0;
  for (const line of lines) {
    const [t, , j, k, v] = line.split(',');
    if (t === '2024' && j === '392' && k === hs6) sum += Number(v);
  }
  return sum * 1000;
}

describe.each(stateBackends)('jobs API (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let admin: Record<string, string>;
  let viewer: Record<string, string>;
  let lowViewer: Record<string, string>;
  const mirrorBefore = process.env.CHOKEPOINT_MIRROR;
  beforeAll(async () => {
    state = await openTestState(backend);
    await state.query('DELETE FROM jobs');
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    admin = (await testSession(app, { role: 'administrator', level: 3 })).headers;
    viewer = (await testSession(app, { role: 'viewer', level: 2 })).headers;
    lowViewer = (await testSession(app, { role: 'viewer', level: 0 })).headers;
  }, 60_000);
  afterAll(async () => {
    if (mirrorBefore === undefined) delete process.env.CHOKEPOINT_MIRROR;
    else process.env.CHOKEPOINT_MIRROR = mirrorBefore;
    await app.close();
    await state.close();
  });

  it('refuses a mirror-only dataset without a mirror, and fetch by a viewer', async () => {
    delete process.env.CHOKEPOINT_MIRROR;
    const noMirror = await app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: admin,
      payload: { kind: 'fetch', dataset: 'baci-critical-minerals' },
    });
    expect(noMirror.statusCode).toBe(400);
    expect(noMirror.json().error.message).toMatch(/CHOKEPOINT_MIRROR/);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: admin,
      payload: { kind: 'fetch', dataset: 'nope' },
    });
    expect(unknown.statusCode).toBe(404);
    const byViewer = await app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: viewer,
      payload: { kind: 'fetch', dataset: 'hs' },
    });
    expect(byViewer.statusCode).toBe(403);
    const listed = (await app.inject({ url: '/api/jobs', headers: admin })).json();
    expect(listed.total).toBe(0);
  });

  it('fetches from the mirror, then screens every reporter to a CSV whose figures match the publisher file', async () => {
    process.env.CHOKEPOINT_MIRROR = sharedData;
    const start = await app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: admin,
      payload: { kind: 'fetch', dataset: 'baci-critical-minerals' },
    });
    expect(start.statusCode).toBe(202);
    const fetched = await finished(app, start.json().id, admin);
    expect(fetched.error).toBeNull();
    expect(fetched.status).toBe('done');
    expect(fetched.result.source).toBe('mirror');

    const screen = await app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: viewer,
      payload: { kind: 'screen-all', year: 2024 },
    });
    expect(screen.statusCode).toBe(202);
    const job = await finished(app, screen.json().id, viewer);
    expect(job).toMatchObject({ status: 'done', progress: 1, hasFile: true, kind: 'screen-all' });
    expect(job.result.provenance.dataset).toBe('baci-critical-minerals');

    const download = await app.inject({ url: `/api/jobs/${job.id}/download`, headers: viewer });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/attachment; filename="screen-all-2024-/);
    const [header, ...rows] = download.body.trim().split('\n');
    const columns = header.split(',');
    const at = (name: string) => columns.indexOf(name);
    const japan = rows
      .map((r) => r.split(','))
      .find((r) => r[at('reporter')] === 'JPN' && r[at('hs6')] === '811292');
    expect(japan, 'a JPN 811292 row').toBeDefined();
    expect(Number(japan![at('importValueUsd')])).toBeCloseTo(japanImportsUsd('811292'), 0);
    expect(new Set(rows.map((r) => r.split(',')[at('reporter')])).size).toBeGreaterThan(100);

    const mine = (await app.inject({ url: '/api/jobs?mine=true', headers: viewer })).json();
    expect(mine.items.map((j: { id: string }) => j.id)).toEqual([job.id]);
  }, 120_000);

  it('a marked dataset: an uncleared user can neither start a screen of it nor see the job', async () => {
    const mark = await app.inject({
      method: 'PUT',
      url: '/api/datasets/baci-critical-minerals/marking',
      headers: admin,
      payload: { marking: { level: 1, compartments: [], releasableTo: null } },
    });
    expect(mark.statusCode).toBe(200);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: lowViewer,
      payload: { kind: 'screen-all', year: 2024 },
    });
    expect(refused.statusCode).toBe(404);
    const started = await app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: viewer,
      payload: { kind: 'screen-all', year: 2024 },
    });
    const job = await finished(app, started.json().id, viewer);
    expect(job.marking.level).toBe(1);
    expect((await app.inject({ url: `/api/jobs/${job.id}`, headers: lowViewer })).statusCode).toBe(404);
    // The earlier fetch job names the dataset: marking the dataset marked that job too.
    const fetchJobs = (await app.inject({ url: '/api/jobs', headers: admin }))
      .json()
      .items.filter((j: { kind: string }) => j.kind === 'fetch');
    expect(fetchJobs.length).toBe(1);
    expect(fetchJobs[0].marking.level).toBe(1);
    expect((await app.inject({ url: `/api/jobs/${job.id}/download`, headers: lowViewer })).statusCode).toBe(
      404,
    );
    const listed = (await app.inject({ url: '/api/jobs', headers: lowViewer })).json();
    expect(listed.items.some((j: { id: string }) => j.id === job.id)).toBe(false);
    expect(listed.total).toBe(listed.items.length);
  }, 120_000);

  it('generates and imports a SYNTHETIC year, reporting progress', async () => {
    const start = await app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: admin,
      payload: { kind: 'synth', year: 2025, rows: 20_000, seed: 7 },
    });
    expect(start.statusCode).toBe(202);
    const job = await finished(app, start.json().id, admin);
    expect(job.error, JSON.stringify(job.error)).toBeNull();
    expect(job.result).toMatchObject({ synthetic: true, rows: 20_000, year: 2025 });
    const datasets = (await app.inject({ url: '/api/datasets', headers: admin })).json();
    const synthetic = datasets.items.find((d: { id: string }) => d.id === job.result.dataset);
    expect(synthetic.synthetic).toBe(true);
    expect(synthetic.rows).toBe(20_000);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: admin,
      payload: { kind: 'synth', year: 2025, rows: 10 },
    });
    expect(bad.statusCode).toBe(400);
  }, 120_000);
});
