import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { runInBackground, runningWork, settleRunningWork } from '../../src/server/jobs/runner.ts';
import { jobRecords, scenarioRunRecords } from '../../src/server/jobs/records.ts';
import { createJob, getJob } from '../../src/data/state/jobStore.ts';
import { createRun, createScenario, getRun } from '../../src/data/scenario/scenarioStore.ts';
import { parseScenarioText } from '../../src/data/scenario/scenarioFile.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import type { ScenarioRunOutput } from '../../src/data/scenario/scenarioService.ts';
import { ChokepointError } from '../../src/errors.ts';
import { publicMarking } from '../../src/analysis/marking.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * Jobs (table `jobs`) and scenario runs (table `scenario_runs`) share one background runner
 * (src/server/jobs/runner.ts): the same progress writes, the same stored JSON error, the same wait at shutdown.
 */
const scenarioText = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../examples/scenario-gallium-germanium.yaml'),
  'utf8',
);

async function newJob(state: StateDb) {
  return createJob(state, { kind: 'synth', params: {}, marking: publicMarking, userId: null });
}

async function newRun(state: StateDb) {
  const scenario = await createScenario(state, {
    definition: parseScenarioText(scenarioText),
    text: scenarioText,
    marking: publicMarking,
  });
  return createRun(state, { scenarioId: scenario.id, version: 1, marking: publicMarking });
}

/** A promise the test settles by hand, to hold work running. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not met in 2 s');
}

describe.each(stateBackends)('background work: jobs and scenario runs (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  beforeAll(async () => {
    state = await openTestState(backend);
    // An empty data folder: a scenario run finds no trade dataset, a fetch finds no file in the mirror.
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
  }, 60_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await app.close();
    await state.close();
  });

  it('a scenario run and a job that fail in the background both store the ChokepointError as JSON', async () => {
    const analyst = (await testSession(app, { role: 'analyst' })).headers;
    const admin = (await testSession(app, { role: 'administrator' })).headers;
    const saved = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: analyst,
      payload: { text: scenarioText },
    });
    expect(saved.statusCode).toBe(201);
    const run = await app.inject({
      method: 'POST',
      url: `/api/scenarios/${saved.json().id}/runs`,
      headers: analyst,
      payload: {},
    });
    expect(run.statusCode).toBe(202);

    vi.stubEnv('CHOKEPOINT_MIRROR', tempDir());
    const job = await app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: admin,
      payload: { kind: 'fetch', dataset: 'baci-critical-minerals' },
    });
    expect(job.statusCode).toBe(202);
    await settleRunningWork();

    const failedRun = (
      await app.inject({ url: `/api/scenario-runs/${run.json().id}`, headers: analyst })
    ).json();
    const failedJob = (await app.inject({ url: `/api/jobs/${job.json().id}`, headers: admin })).json();
    for (const failed of [failedRun, failedJob]) {
      expect(failed.status).toBe('failed');
      expect(failed.finishedAt).not.toBeNull();
      expect(Object.keys(failed.error).sort()).toEqual(['code', 'message', 'place']);
      expect(failed.error.code).toBe('not_found');
    }
    // No trade dataset was imported, and the mirror is empty: each says so and names the place.
    expect(failedRun.error.message).toMatch(/no annual trade dataset/);
    expect(failedRun.error.place).toEqual({ field: 'dataset' });
    expect(failedJob.error.message).toMatch(
      /BACI_HS17_critical_minerals_2018-2024\.csv is not in the mirror/,
    );
    expect(failedJob.error.place.file).toMatch(/BACI_HS17_critical_minerals_2018-2024\.csv$/);
  }, 60_000);

  it('an unexpected error is stored as an internal failure without details, for both kinds', async () => {
    const job = await newJob(state);
    const run = await newRun(state);
    const secret = 'ECONNRESET at 10.0.0.7:5432';
    runInBackground(app, jobRecords, job.id, async () => {
      throw new Error(secret);
    });
    runInBackground(app, scenarioRunRecords, run.id, async () => {
      throw new Error(secret);
    });
    await settleRunningWork();
    const failedJob = await getJob(state, job.id);
    const failedRun = await getRun(state, run.id);
    expect(failedJob?.error).toEqual({
      code: 'internal',
      message: 'the job failed unexpectedly (see the server log)',
      place: {},
    });
    expect(failedRun?.error).toEqual({
      code: 'internal',
      message: 'the run failed unexpectedly (see the server log)',
      place: {},
    });
    // A ChokepointError keeps its code, message and place.
    const placed = await newJob(state);
    runInBackground(app, jobRecords, placed.id, async () => {
      throw new ChokepointError('bad_input', 'year 1990 is before the data', { field: 'year' });
    });
    await settleRunningWork();
    expect((await getJob(state, placed.id))?.error).toEqual({
      code: 'bad_input',
      message: 'year 1990 is before the data',
      place: { field: 'year' },
    });
  });

  it('progress reaches both tables, and closing the server waits for work of both kinds to finish', async () => {
    // A second server on the same state, closed while its work is held.
    const other = await buildApp({ dataDir: tempDir(), webDir: false, state });
    const job = await newJob(state);
    const run = await newRun(state);
    const held = gate();
    runInBackground(other, jobRecords, job.id, async (progress) => {
      progress(0.25, 'copying a file');
      await held.opened;
      return { result: { rows: 7 }, marking: publicMarking };
    });
    runInBackground(other, scenarioRunRecords, run.id, async (progress) => {
      progress(0.5, 'running');
      await held.opened;
      return {
        result: { name: 'held', products: [] } as unknown as ScenarioRunOutput,
        marking: publicMarking,
      };
    });
    await until(async () => (await getJob(state, job.id))?.progress === 0.25);
    await until(async () => (await getRun(state, run.id))?.progress === 0.5);
    expect((await getJob(state, job.id))?.stage).toBe('copying a file');
    expect((await getRun(state, run.id))?.status).toBe('running');

    let closed = false;
    const closing = other.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(closed, 'close waits while work runs').toBe(false);
    expect(runningWork.has(job.id) && runningWork.has(run.id)).toBe(true);
    held.open();
    await closing;
    // Both outcomes were written before close returned.
    expect(await getJob(state, job.id)).toMatchObject({ status: 'done', progress: 1, result: { rows: 7 } });
    expect(await getRun(state, run.id)).toMatchObject({
      status: 'done',
      progress: 1,
      result: { name: 'held' },
    });
    expect(runningWork.size).toBe(0);
  });
});
