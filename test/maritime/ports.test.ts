import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { testSession } from '../helpers/auth.ts';
import { stateBackends, openTestState } from '../helpers/stateDbs.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { importSeaNetwork } from '../../src/data/maritime/importSeaNetwork.ts';
import { searchPorts } from '../../src/analysis/maritime/portSearch.ts';

/** GET /api/maritime/ports on the real port list (searoute-py ports.geojson), checked against the file read here. */
interface PortFeature {
  properties: { port: string; name: string; t: number | null };
}
const file = JSON.parse(fs.readFileSync(path.join(sharedData, 'maritime', 'ports.geojson'), 'utf8')) as {
  features: PortFeature[];
};
const root = tempDir();
beforeAll(() => {
  const dataDir = new DataDir(root).ensure();
  importSeaNetwork({ catalog: new Catalog(dataDir), dataDir, dir: path.join(sharedData, 'maritime') });
}, 120_000);

describe('searchPorts', () => {
  const ports = [
    {
      code: 'JPYOK',
      name: 'Yokohama',
      country: 'JP',
      countryName: 'Japan',
      lon: 139.6,
      lat: 35.4,
      terminal: true,
    },
    {
      code: 'JPYKK',
      name: 'Yokkaichi',
      country: 'JP',
      countryName: 'Japan',
      lon: 136.6,
      lat: 34.9,
      terminal: false,
    },
    {
      code: 'FRBES',
      name: 'Brest',
      country: 'FR',
      countryName: 'France',
      lon: -4.5,
      lat: 48.4,
      terminal: true,
    },
    { code: 'YEADE', name: 'Aden', country: 'YE', countryName: 'Yemen', lon: 45, lat: 12.8, terminal: true },
    {
      code: 'MXSCX',
      name: 'Salina Cruz',
      country: 'MX',
      countryName: 'Mexico',
      lon: -95.2,
      lat: 16.2,
      terminal: false,
    },
  ];
  it('finds codes by prefix first, then names (accents and case ignored), within a country', () => {
    expect(searchPorts(ports, { q: 'jpy', limit: 10 }).items.map((p) => p.code)).toEqual(['JPYOK', 'JPYKK']);
    // "ye" is Yemen's code prefix (YEADE) and inside no name.
    expect(searchPorts(ports, { q: 'ye', limit: 10 }).items.map((p) => p.code)).toEqual(['YEADE']);
    expect(searchPorts(ports, { q: 'SALINA CRÚZ', limit: 10 }).items.map((p) => p.code)).toEqual(['MXSCX']);
    expect(searchPorts(ports, { q: 'yok', country: 'jp', limit: 1 })).toEqual({
      items: [ports[0]],
      total: 2,
    });
    expect(searchPorts(ports, { limit: 2 }).total).toBe(5);
  });
});

describe.each(stateBackends)('GET /api/maritime/ports (%s)', (backend) => {
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
    expect((await app.inject({ url: '/api/maritime/ports?q=rotter' })).statusCode).toBe(401);
  });

  it('finds ports by name and by code as the port file lists them', async () => {
    const body = (await app.inject({ url: '/api/maritime/ports?q=rotterdam', headers })).json();
    const inFile = file.features.filter((f) => f.properties.name.toLowerCase().includes('rotterdam'));
    expect(inFile.length).toBeGreaterThan(0);
    expect(body.total).toBe(inFile.length);
    expect(body.items.map((p: { code: string }) => p.code).sort()).toEqual(
      inFile.map((f) => f.properties.port).sort(),
    );
    expect(body.items.find((p: { code: string }) => p.code === 'NLRTM')).toMatchObject({ country: 'NL' });
    const jp = (await app.inject({ url: '/api/maritime/ports?q=JP&limit=200', headers })).json();
    // The importer keeps the first feature of a code listed twice (173 JP features, 171 codes).
    const jpInFile = new Set(file.features.map((f) => f.properties.port).filter((c) => c.startsWith('JP')));
    expect(jp.total).toBe(jpInFile.size);
    expect(jp.items.length).toBe(Math.min(200, jp.total));
    // Cargo terminals (t = 1) first, then the others, each by code.
    const terminals = jp.items.map((p: { terminal: boolean }) => p.terminal);
    expect(terminals).toEqual([...terminals].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
    expect(terminals).toContain(true);
    expect(jp.provenance.dataset).toBe('sea-network');
    expect(jp.marking).toEqual({ level: 0, compartments: [], releasableTo: null });
    expect((await app.inject({ url: '/api/maritime/ports?country=JPN', headers })).statusCode).toBe(400);
  });

  it('hides the list when the sea-network dataset is marked above the user (404)', async () => {
    await state.query('INSERT INTO dataset_markings (dataset_id, marking) VALUES ($1, $2)', [
      'sea-network',
      JSON.stringify({ level: 2, compartments: [], releasableTo: null }),
    ]);
    try {
      expect((await app.inject({ url: '/api/maritime/ports?q=JPYOK', headers })).statusCode).toBe(404);
      const cleared = (await testSession(app, { role: 'viewer', level: 2 })).headers;
      const ok = await app.inject({ url: '/api/maritime/ports?q=JPYOK', headers: cleared });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().marking.level).toBe(2);
      expect(ok.json().items[0].code).toBe('JPYOK');
    } finally {
      await state.query('DELETE FROM dataset_markings WHERE dataset_id = $1', ['sea-network']);
    }
  });
});
