import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { tempDir } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { settleRunningWork } from '../../src/server/jobs/runner.ts';
import { liveExercise } from './liveExercise.ts';

/** The value at a path such as `products[2].unmet.value` in an object. */
function valueAt(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) v = (v as Record<string, unknown>)[part];
  return v;
}

// China cuts 811292 (unwrought gallium etc.) to Japan for 6 months; the real 2024 BACI extract and IO table.
const scenarioText = `
name: China cuts 811292 to Japan for 6 months
reporter: JPN
year: 2024
horizon: 12
shocks:
  - type: export-cut
    exporter: CHN
    products: ["811292"]
    share: 1
    duration: 6
substitution:
  share: 0.01
  rampUp: 0
monteCarlo:
  draws: 10
  seed: 1
`;

type Inject = {
  id: string;
  kind: string;
  team: string;
  marking: { level: number };
  figures: { path: string; value: number | null }[];
  source: { runId: string | null } | null;
};

describe.each(stateBackends)('injects generated from a saved scenario run (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let facilitator: Awaited<ReturnType<typeof testSession>>;
  let uncleared: Awaited<ReturnType<typeof testSession>>;
  let runId = '';
  let run: { marking: { level: number }; result: unknown };
  let exerciseId = '';

  beforeAll(async () => {
    const root = tempDir();
    await importSharedTrade(new DataDir(root).ensure(), { datasetId: 'baci-cm', ioTable: true });
    state = await openTestState(backend);
    app = await buildApp({ dataDir: root, state, webDir: false });
    facilitator = await testSession(app, { role: 'analyst', level: 1 });
    uncleared = await testSession(app, { role: 'analyst', level: 0 });
    const scenario = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: facilitator.headers,
      payload: { text: scenarioText, marking: { level: 1, compartments: [], releasableTo: null } },
    });
    expect(scenario.statusCode).toBe(201);
    const started = await app.inject({
      method: 'POST',
      url: `/api/scenarios/${scenario.json().id}/runs`,
      headers: facilitator.headers,
      payload: { version: 1 },
    });
    expect(started.statusCode).toBe(202);
    runId = started.json().id;
    await settleRunningWork();
    run = (await app.inject({ url: `/api/scenario-runs/${runId}`, headers: facilitator.headers })).json();
    const created = await app.inject({
      method: 'POST',
      url: '/api/exercises',
      headers: facilitator.headers,
      payload: liveExercise,
    });
    expect(created.statusCode).toBe(201);
    exerciseId = created.json().id;
  }, 120_000);
  afterAll(async () => {
    await settleRunningWork();
    await app.close();
    await state.close();
  });

  const generate = (headers: Record<string, string>, body: Record<string, string>, id = exerciseId) =>
    app.inject({ method: 'POST', url: `/api/exercises/${id}/generated-injects`, headers, payload: body });

  it('adds the generated injects with the run’s figures, provenance and marking, keeping the hand-written ones', async () => {
    expect((run as { status?: string }).status).toBe('done');
    const res = await generate(facilitator.headers, { runId });
    expect(res.statusCode).toBe(200);
    const added = res.json().added;
    expect(added).toBeGreaterThan(3);
    const exercise = (
      await app.inject({ url: `/api/exercises/${exerciseId}`, headers: facilitator.headers })
    ).json();
    const injects: Inject[] = exercise.injects;
    expect(injects).toHaveLength(liveExercise.injects.length + added);
    for (const hand of liveExercise.injects) expect(injects.some((i) => i.id === hand.id)).toBe(true);
    const generated = injects.filter((i) => i.source?.runId === runId);
    expect(generated).toHaveLength(added);
    // Every figure is the run's value at its path; every generated inject carries the run's marking (level 1).
    const figures = generated.flatMap((i) => i.figures);
    expect(figures.length).toBeGreaterThan(5);
    for (const f of figures) expect(f.value).toBe(valueAt(run.result, f.path));
    for (const i of generated) expect(i.marking.level).toBe(run.marking.level);
    expect(run.marking.level).toBe(1);
    // The design has a gov and an industry team but no partners: partners' injects go to every team.
    for (const i of generated) expect(['gov', 'industry', 'all']).toContain(i.team);
    expect(generated.some((i) => i.team === 'gov')).toBe(true);
    // The timeline stays in order.
    const times = injects.map((i) => (i as unknown as { at: number }).at);
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // The same run again: nothing replaced, the new ids are prefixed.
    const again = await generate(facilitator.headers, { runId });
    expect(again.statusCode).toBe(200);
    const twice = (
      await app.inject({ url: `/api/exercises/${exerciseId}`, headers: facilitator.headers })
    ).json();
    const ids: string[] = twice.injects.map((i: Inject) => i.id);
    expect(ids).toHaveLength(liveExercise.injects.length + 2 * added);
    expect(new Set(ids).size).toBe(ids.length);
    const fresh = ids.filter((id) => !injects.some((i) => i.id === id));
    expect(fresh).toHaveLength(added);
    for (const id of fresh) expect(id.startsWith(`${runId.slice(0, 8)}-`)).toBe(true);
    // The generated brief met the hand-written "brief" on the first pass already.
    expect(injects.some((i) => i.id === `${runId.slice(0, 8)}-brief` && i.source?.runId === runId)).toBe(
      true,
    );
  });

  it('refuses a run the reader may not read like a missing one, and anyone but the facilitator', async () => {
    // An analyst at level 0 facilitates an exercise of their own: the level-1 run is "not found" to them.
    const own = await app.inject({
      method: 'POST',
      url: '/api/exercises',
      headers: uncleared.headers,
      payload: { design: liveExercise.design, injects: [] },
    });
    expect(own.statusCode).toBe(201);
    const hidden = await generate(uncleared.headers, { runId }, own.json().id);
    const missing = await generate(uncleared.headers, { runId: 'no-such-run' }, own.json().id);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    // Not the facilitator of the exercise.
    const other = await testSession(app, { role: 'analyst', level: 1 });
    expect((await generate(other.headers, { runId })).statusCode).toBe(403);
  });
});
