import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { tempDir } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { settleRunningWork } from '../../src/server/jobs/runner.ts';

const scenarioText = (months: number) => `
name: China cuts 811292 to Japan for ${months} months
nameJa: 中国が811292の対日輸出を${months}か月停止
reporter: JPN
year: 2024
horizon: 12
shocks:
  - type: export-cut
    exporter: CHN
    products: ["811292"]
    share: 1
    duration: ${months}
substitution:
  share: 0.01
  rampUp: 0
monteCarlo:
  draws: 10
  seed: 1
`;

describe.each(stateBackends)('scenario API (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let analyst: Record<string, string>;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    const root = tempDir();
    const dataDir = new DataDir(root).ensure();
    await importSharedTrade(dataDir, { datasetId: 'baci-cm', ioTable: true });
    state = await openTestState(backend);
    app = await buildApp({ dataDir: root, state, webDir: false });
    analyst = (await testSession(app, { role: 'analyst', level: 1 })).headers;
    viewer = (await testSession(app, { role: 'viewer', level: 0 })).headers;
  });
  afterAll(async () => {
    await settleRunningWork();
    await app.close();
    await state.close();
  });

  const waitForRun = async (id: string) => {
    for (let i = 0; i < 600; i++) {
      const run = (await app.inject({ url: `/api/scenario-runs/${id}`, headers: analyst })).json();
      if (run.status === 'done' || run.status === 'failed') return run;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('run did not finish');
  };

  it('saves, versions, runs with progress, compares and exports a marked scenario', async () => {
    const marking = { level: 1, compartments: [], releasableTo: null };
    const created = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: analyst,
      payload: { text: scenarioText(6), marking },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({
      version: 1,
      nameJa: '中国が811292の対日輸出を6か月停止',
      marking,
    });

    // Hidden from a public-level viewer: not in the list, not counted, and "not found" when asked by id.
    expect((await app.inject({ url: '/api/scenarios', headers: viewer })).json()).toEqual({
      items: [],
      total: 0,
    });
    expect((await app.inject({ url: `/api/scenarios/${id}`, headers: viewer })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/scenarios', headers: analyst })).json().total).toBe(1);

    const updated = await app.inject({
      method: 'PUT',
      url: `/api/scenarios/${id}`,
      headers: analyst,
      payload: { text: scenarioText(3) },
    });
    expect(updated.json().version).toBe(2);
    const v1 = (await app.inject({ url: `/api/scenarios/${id}?version=1`, headers: analyst })).json();
    expect(v1.text).toContain('duration: 6');
    expect(v1.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);

    // Lowering the marking needs the declassify permission.
    const lower = await app.inject({
      method: 'PUT',
      url: `/api/scenarios/${id}`,
      headers: analyst,
      payload: { text: scenarioText(3), marking: { level: 0, compartments: [], releasableTo: null } },
    });
    expect(lower.statusCode).toBe(403);

    const start = async (version: number) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/scenarios/${id}/runs`,
        headers: analyst,
        payload: { version },
      });
      expect(res.statusCode).toBe(202);
      expect(['queued', 'running']).toContain(res.json().status);
      return waitForRun(res.json().id);
    };
    const six = await start(1);
    const three = await start(2);
    expect(six.status).toBe('done');
    expect(six.progress).toBe(1);
    expect(six.marking.level).toBe(1); // the scenario's marking joined with the (public) datasets'
    const monthly = 16149.339 / 12; // Japan's 2024 imports of 811292 from China, thousand USD (BACI)
    expect(six.result.products[0].lost.value).toBeCloseTo(6 * monthly, 3);
    expect(three.result.products[0].lost.value).toBeCloseTo(3 * monthly, 3);
    expect(six.result.economy.timeline.central).toHaveLength(365);
    expect(six.result.provenance.trade.dataset).toBe('baci-cm');
    expect((await app.inject({ url: `/api/scenario-runs/${six.id}`, headers: viewer })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/scenarios/${id}/runs`, headers: analyst })).json().total).toBe(2);

    const comparison = await app.inject({
      url: `/api/scenario-comparison?runs=${six.id},${three.id}`,
      headers: analyst,
    });
    expect(comparison.statusCode).toBe(200);
    const c = comparison.json().comparison;
    expect(c.columns.map((x: { name: string }) => x.name)).toEqual([
      'China cuts 811292 to Japan for 6 months',
      'China cuts 811292 to Japan for 3 months',
    ]);
    const lost = c.totals.find((t: { metric: string }) => t.metric === 'lost').values;
    expect(lost[0].value).toBeCloseTo(2 * lost[1].value, 6);

    const csv = await app.inject({ url: `/api/scenario-runs/${six.id}/export?format=csv`, headers: analyst });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const [header, row] = csv.body.trim().split('\n');
    expect(header.split(',')[0]).toBe('product');
    expect(row.split(',')[0]).toBe('811292');
    expect(row).toContain('baci-cm');
    const json = (await app.inject({ url: `/api/scenario-runs/${six.id}/export`, headers: analyst })).json();
    expect(json.marking.level).toBe(1);

    // The response schema drops nothing: the result served is the result stored.
    const [stored] = await state.query<{ result: unknown }>(
      'SELECT result FROM scenario_runs WHERE id = $1',
      [six.id],
    );
    expect(six.result).toEqual(stored.result);
    // A result stored by an older version (here without its binding products) is refused with what to do.
    await state.query(`UPDATE scenario_runs SET result = result - 'bindingProducts' WHERE id = $1`, [
      three.id,
    ]);
    for (const url of [
      `/api/scenario-runs/${three.id}`,
      `/api/scenario-comparison?runs=${six.id},${three.id}`,
    ]) {
      const old = await app.inject({ url, headers: analyst });
      expect(old.statusCode).toBe(409);
      expect(old.json().error.message).toBe(
        `run ${three.id} was stored by an older version of chokepoint and its result lacks figures of the current one: run the scenario again`,
      );
    }
  });

  it('rejects a bad scenario naming the field, and a run on a bad product fails with the field', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: analyst,
      payload: { text: scenarioText(6).replace('duration: 6', 'duration: -1') },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.place.field).toBe('shocks[0].duration');
    const saved = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      headers: analyst,
      payload: { text: scenarioText(6).replace('"811292"', '"010121"') },
    });
    const run = await app.inject({
      method: 'POST',
      url: `/api/scenarios/${saved.json().id}/runs`,
      headers: analyst,
      payload: {},
    });
    const done = await waitForRun(run.json().id);
    expect(done.status).toBe('failed');
    expect(done.error.place.field).toBe('shocks[0].products[0]');
    // Viewers may not save scenarios.
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/scenarios',
          headers: viewer,
          payload: { text: scenarioText(6) },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('gives output multipliers of an imported table', async () => {
    const res = await app.inject({ url: '/api/io-tables/io-jp2011/multipliers', headers: viewer });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sectors).toHaveLength(13);
    expect(body.outputMultiplier.closed[2]).toBeGreaterThan(body.outputMultiplier.open[2]);
    expect(body.provenance.dataset).toBe('io-jp2011');
    expect(body.provenance.method).toMatch(/^Leontief output multipliers/);
    expect(body.provenance.publisher).toBeTruthy();
    expect((await app.inject({ url: '/api/io-tables/nope/multipliers', headers: viewer })).statusCode).toBe(
      404,
    );
  });
});
