import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';
import { testSession } from '../helpers/auth.ts';
import { stateBackends, openTestState } from '../helpers/stateDbs.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import type { StateDb } from '../../src/data/state/db.ts';

/** /api/maritime/*: sessions required, results carry the datasets' marking, hidden datasets answer 404. */
const root = tempDir();
beforeAll(async () => {
  const dataDir = new DataDir(root).ensure();
  await importSharedTrade(dataDir, { seaNetwork: true });
}, 180_000);

describe.each(stateBackends)('maritime API (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let headers: Record<string, string>;
  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: root, state, webDir: false });
    headers = (await testSession(app, { role: 'viewer' })).headers;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await state?.close();
  });

  it('needs a session', async () => {
    const res = await app.inject({ url: '/api/maritime/route?from=JPYOK&to=NLRTM' });
    expect(res.statusCode).toBe(401);
  });

  it('routes Yokohama → Rotterdam through Malacca and Suez, and reports no route with everything closed', async () => {
    const res = await app.inject({ url: '/api/maritime/route?from=JPYOK&to=NLRTM&speedKnots=20', headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.passages).toEqual(['luzon', 'malacca', 'babalmandab', 'suez', 'gibraltar', 'dover']);
    // 20 knots = 888.96 km a day.
    expect(body.days).toBeCloseTo(body.distanceKm / 888.96, 1);
    expect(body.route.geometry.type).toBe('MultiLineString');
    expect(body.marking).toEqual({ level: 0, compartments: [], releasableTo: null });
    const none = (
      await app.inject({ url: '/api/maritime/route?from=JPYOK&to=NLRTM&closed=all', headers })
    ).json();
    expect(none.route).toBeNull();
    expect(none.message).toMatch(/no sea route/);
    const bad = await app.inject({ url: '/api/maritime/route?from=JPYOX&to=NLRTM', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/JPYOK/);
  });

  it("gives Japan's helium exposure to Hormuz and the closure what-if", async () => {
    const res = await app.inject({
      url: '/api/maritime/exposure?reporter=JPN&year=2024&hs=280429&closed=ormuz',
      headers,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Qatar 60,821.838 of 199,066.989 thousand USD (CEPII BACI 2024, read from the CSV in exposure.test.ts).
    const ormuz = body.passages.find((p: { passage: string }) => p.passage === 'ormuz');
    expect(ormuz.shareOfImports).toBeCloseTo(60821.838 / 199066.989, 6);
    expect(body.scenario.noRouteValueKusd).toBeCloseTo(60821.838, 3);
    expect(body.provenance.trade.version).toBe('V202601');
  });

  it('serves the simplified network and the straits as GeoJSON', async () => {
    const net = (await app.inject({ url: '/api/maritime/network.geojson?toleranceKm=100', headers })).json();
    expect(net.type).toBe('FeatureCollection');
    expect(
      net.features.some((f: { properties: { passages: string[] } }) =>
        f.properties.passages.includes('suez'),
      ),
    ).toBe(true);
    for (const f of net.features)
      for (const line of f.geometry.coordinates)
        for (const [lon] of line) expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    const straits = (await app.inject({ url: '/api/maritime/straits.geojson', headers })).json();
    expect(
      straits.features.filter((f: { geometry: { type: string } }) => f.geometry.type === 'Point'),
    ).toHaveLength(28);
    expect(
      straits.features.filter((f: { geometry: { type: string } }) => f.geometry.type === 'Polygon'),
    ).toHaveLength(7);
    const list = (await app.inject({ url: '/api/maritime/chokepoints', headers })).json();
    expect(list.items.find((p: { id: string }) => p.id === 'ormuz').ja).toBe('ホルムズ海峡');
  });

  it('hides results derived from a dataset the user may not read (404, like a missing one)', async () => {
    await state.query('INSERT INTO dataset_markings (dataset_id, marking) VALUES ($1, $2)', [
      'sea-network',
      JSON.stringify({ level: 2, compartments: [], releasableTo: null }),
    ]);
    try {
      const res = await app.inject({ url: '/api/maritime/route?from=JPYOK&to=NLRTM', headers });
      expect(res.statusCode).toBe(404);
      const cleared = (await testSession(app, { role: 'viewer', level: 2 })).headers;
      const ok = await app.inject({ url: '/api/maritime/route?from=JPYOK&to=NLRTM', headers: cleared });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().marking.level).toBe(2);
    } finally {
      await state.query('DELETE FROM dataset_markings WHERE dataset_id = $1', ['sea-network']);
    }
  });
});
