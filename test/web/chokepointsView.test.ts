import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { importSeaNetwork } from '../../src/data/maritime/importSeaNetwork.ts';
import { openSeaRoutes } from '../../src/data/maritime/seaRoutes.ts';
import { simplifiedNetworkLines } from '../../src/analysis/maritime/networkGeometry.ts';
import {
  affectedPartners,
  exposureQuery,
  filterFromQuery,
  filterToQuery,
  productRows,
  rerouteRequests,
  routeQuery,
  ruleRows,
  straitRows,
  toggleClosure,
} from '../../web/src/features/chokepoints/exposureView.ts';
import {
  laneLines,
  mapColours,
  routeLine,
  straitName,
  straitPoints,
} from '../../web/src/features/chokepoints/mapLayers.ts';
import { apiUrl } from '../../web/src/api/client.ts';
import { partnerValuesByIsoNumeric } from '../../web/src/features/chokepoints/partnerValues.ts';
import { isoNumericKey } from '../../web/src/reference/isoNumeric.ts';
import type {
  ExposureResponse,
  LaneFeature,
  StraitFeature,
} from '../../web/src/features/chokepoints/types.ts';

/** Pure shaping of the chokepoints view: filter ↔ URL, rows per strait and partner, map layers. */
const names = {
  QAT: { en: 'Qatar', ja: 'カタール' },
  GBR: { en: 'United Kingdom', ja: '英国' },
  AUS: { en: 'Australia', ja: 'オーストラリア' },
};
const route = (fromPort: string, passages: string[], km: number) => ({
  distanceKm: km,
  fromPort,
  toPort: 'JPYOK',
  passages,
  days: km / 622.272,
});

// A small report as the API shapes it (values in thousand USD, checked by hand below).
const report = {
  reporter: { code: 'JPN', en: 'Japan', ja: '日本' },
  year: 2024,
  hs: null,
  closed: ['malacca', 'northwest'],
  speedKnots: 14,
  freight: { airValuePerTonneUsd: 50_000, airProducts: [] },
  totalValueKusd: 1000,
  seaValueKusd: 900,
  passages: [
    {
      passage: 'ormuz',
      valueKusd: 100,
      shareOfImports: 0.1,
      shareOfSeaImports: 100 / 900,
      flows: 1,
      topFlows: [{ partner: 'QAT', product: '280429', valueKusd: 100, rule: 'sea' }],
    },
    {
      passage: 'malacca',
      valueKusd: 300,
      shareOfImports: 0.3,
      shareOfSeaImports: 300 / 900,
      flows: 2,
      topFlows: [],
    },
  ],
  partners: [
    {
      partner: 'AUS',
      valueKusd: 500,
      byRule: { sea: 500 },
      route: route('AUSYD', [], 8000),
      scenario: {
        route: route('AUSYD', [], 8000),
        affectedValueKusd: 0,
        extraKm: 0,
        extraDays: 0,
        noRoute: false,
      },
    },
    {
      partner: 'QAT',
      valueKusd: 200,
      byRule: { sea: 100, air_product: 100 },
      route: route('QADOH', ['ormuz', 'malacca'], 12000),
      scenario: {
        route: route('QADOH', ['ormuz', 'sunda'], 12400),
        affectedValueKusd: 100,
        extraKm: 400,
        extraDays: 400 / 622.272,
        noRoute: false,
      },
    },
    {
      partner: 'GBR',
      valueKusd: 300,
      byRule: { sea_quantity_unknown: 200, land: 100 },
      route: route('GBLGP', ['suez', 'malacca'], 20000),
      scenario: { route: null, affectedValueKusd: 200, extraKm: null, extraDays: null, noRoute: true },
    },
  ],
  products: [
    { product: '270112', valueKusd: 500, seaValueKusd: 500, byPassage: {} },
    { product: '280429', valueKusd: 200, seaValueKusd: 100, byPassage: { ormuz: 100, malacca: 100 } },
    { product: '750210', valueKusd: 300, seaValueKusd: 300, byPassage: { malacca: 200, suez: 150 } },
  ],
  productCount: 3,
  byRule: [
    {
      rule: 'air_product',
      en: 'air freight (product list)',
      ja: '航空輸送（対象品目）',
      valueKusd: 100,
      flows: 1,
    },
    { rule: 'sea', en: 'sea', ja: '海上輸送', valueKusd: 800, flows: 3 },
    { rule: 'land', en: 'land', ja: '陸上輸送', valueKusd: 100, flows: 1 },
  ],
  scenario: {
    closed: ['malacca'],
    affectedValueKusd: 300,
    noRouteValueKusd: 200,
    meanExtraDays: 400 / 622.272,
  },
  passageNames: {
    ormuz: { en: 'Strait of Hormuz', ja: 'ホルムズ海峡' },
    malacca: { en: 'Malacca Strait', ja: 'マラッカ海峡' },
  },
  partnerNames: names,
  reporterPorts: ['JPYOK'],
  method: 'm',
  valueUnit: 'thousand USD',
  provenance: {
    trade: { dataset: 't', title: 'T', publisher: 'P', version: '1', synthetic: false },
    network: { dataset: 'n', title: 'N', publisher: 'P', version: '1', synthetic: false },
  },
  synthetic: false,
  timings: { queryMs: 0, routesMs: 0, exposureMs: 0, aggregatesFromCache: false },
  marking: { level: 0, compartments: [], releasableTo: null },
} as ExposureResponse;

describe('exposure view shaping', () => {
  it('reads the filter from the hash query and writes it back, dropping what is malformed', () => {
    const f = filterFromQuery(
      new URLSearchParams('reporter=jpn&year=2023&hs=2804&closed=ormuz,malacca,ormuz,DROP;x'),
    );
    expect(f).toEqual({ reporter: 'JPN', year: 2023, hs: '2804', closed: ['malacca', 'ormuz'] });
    expect(filterToQuery(f)).toEqual({ reporter: 'JPN', year: 2023, hs: '2804', closed: 'malacca,ormuz' });
    expect(filterFromQuery(new URLSearchParams('year=20x4&hs=12a'))).toEqual({
      reporter: 'JPN',
      year: 2024,
      hs: '',
      closed: [],
    });
    expect(apiUrl('GET /api/maritime/exposure', { query: exposureQuery(f) })).toBe(
      '/api/maritime/exposure?reporter=JPN&year=2023&hs=2804&closed=malacca%2Cormuz',
    );
    expect(apiUrl('GET /api/maritime/exposure', { query: exposureQuery({ ...f, hs: '', closed: [] }) })).toBe(
      '/api/maritime/exposure?reporter=JPN&year=2023',
    );
    expect(
      apiUrl('GET /api/maritime/route', {
        query: routeQuery({ from: 'JPYOK', to: 'NLRTM', closed: [] }, 20),
      }),
    ).toBe('/api/maritime/route?from=JPYOK&to=NLRTM&speedKnots=20');
    expect(toggleClosure(['ormuz'], 'malacca')).toEqual(['malacca', 'ormuz']);
    expect(toggleClosure(['malacca', 'ormuz'], 'malacca')).toEqual(['ormuz']);
  });

  it('lists straits by value with names in the language, flows named, and closures marked', () => {
    const rows = straitRows(report, 'ja');
    expect(rows.map((r) => r.name)).toEqual(['マラッカ海峡', 'ホルムズ海峡']);
    expect(rows.map((r) => r.closed)).toEqual([true, false]);
    expect(rows[1].topFlows[0].partnerName).toBe('カタール');
  });

  it('lists affected partners largest first, with no-route partners and their routes', () => {
    const rows = affectedPartners(report, 'en');
    expect(rows.map((r) => [r.name, r.affectedValueKusd, r.noRoute])).toEqual([
      ['United Kingdom', 200, true],
      ['Qatar', 100, false],
    ]);
    // Only routes that exist are requested: GBR has none rerouted, QAT both.
    expect(rerouteRequests(rows, ['malacca']).map((r) => r.key)).toEqual([
      'baseline:GBR',
      'baseline:QAT',
      'reroute:QAT',
    ]);
    expect(rerouteRequests(rows, ['malacca'], 1)).toHaveLength(1);
  });

  it('ranks products by value through straits, with the main strait and its share of the product', () => {
    // 750210: 200 + 150 = 350 through straits; 280429: 100 + 100 = 200 (tie → ids sorted: malacca); 270112 none.
    expect(productRows(report, 'ja')).toEqual([
      {
        product: '750210',
        valueKusd: 300,
        seaShare: 1,
        mainStrait: { passage: 'malacca', name: 'マラッカ海峡', share: 200 / 300 },
      },
      {
        product: '280429',
        valueKusd: 200,
        seaShare: 0.5,
        mainStrait: { passage: 'malacca', name: 'マラッカ海峡', share: 0.5 },
      },
    ]);
    expect(productRows(report, 'en', 1)).toHaveLength(1);
  });

  it('gives each freight rule its share of all imports', () => {
    const rows = ruleRows(report, 'ja');
    expect(rows.map((r) => [r.label, r.share])).toEqual([
      ['海上輸送', 0.8],
      ['航空輸送（対象品目）', 0.1],
      ['陸上輸送', 0.1],
    ]);
  });

  it('colours partners on the map by affected value with closures, by sea value without', () => {
    const countries = [
      { iso3: 'QAT', isoNumeric: 634, en: 'Qatar', ja: 'カタール' },
      { iso3: 'GBR', isoNumeric: 826, en: 'United Kingdom', ja: '英国' },
      { iso3: 'AUS', isoNumeric: 36, en: 'Australia', ja: 'オーストラリア' },
    ];
    expect(isoNumericKey(36)).toBe('036');
    const withScenario = partnerValuesByIsoNumeric(report, countries, 'ja');
    expect(withScenario.values).toEqual({ '634': 100, '826': 200 });
    expect(withScenario.names['036']).toBe('オーストラリア');
    const baseline = partnerValuesByIsoNumeric({ ...report, scenario: undefined }, countries, 'en');
    expect(baseline.values).toEqual({ '036': 500, '634': 100, '826': 200 });
  });
});

describe('map layers', () => {
  it('names straits in Japanese from the API or the PortWatch table, else in English', () => {
    expect(straitName({ passage: 'ormuz', en: 'Strait of Hormuz', ja: 'ホルムズ海峡' }, 'ja')).toBe(
      'ホルムズ海峡',
    );
    expect(
      straitName({ portwatchId: 'chokepoint18', passage: null, en: 'Torres Strait', ja: null }, 'ja'),
    ).toBe('トレス海峡');
    expect(straitName({ portwatchId: 'chokepoint99', passage: null, en: 'New Strait', ja: null }, 'ja')).toBe(
      'New Strait',
    );
    const features: StraitFeature[] = [
      {
        type: 'Feature',
        properties: {
          portwatchId: 'chokepoint5',
          passage: 'malacca',
          en: 'Malacca Strait',
          ja: 'マラッカ海峡',
        },
        geometry: { type: 'Point', coordinates: [102.6651, 1.517] },
      },
      {
        type: 'Feature',
        properties: { passage: 'taiwan', en: 'Taiwan Strait', ja: '台湾海峡', geofence: true },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [0, 1],
              [0, 0],
            ],
          ],
        },
      },
    ];
    const points = straitPoints(features, 'ja', ['malacca'], (p) => (p === 'malacca' ? '1.8%' : undefined));
    expect(points).toEqual([
      {
        id: 'chokepoint5',
        lon: 102.6651,
        lat: 1.517,
        label: 'マラッカ海峡: 1.8%',
        color: mapColours.closedLane,
      },
    ]);
  });

  it('turns a LineString or MultiLineString route into one map line', () => {
    expect(
      routeLine(
        'r',
        {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [1, 1],
          ],
        },
        '#000',
        'x',
      ).coordinates,
    ).toEqual([
      [
        [0, 0],
        [1, 1],
      ],
    ]);
    expect(
      routeLine(
        'r',
        {
          type: 'MultiLineString',
          coordinates: [
            [
              [0, 0],
              [1, 1],
            ],
            [
              [2, 2],
              [3, 3],
            ],
          ],
        },
        '#000',
        'x',
      ).coordinates,
    ).toHaveLength(2);
  });

  describe('on the real marnet network', () => {
    let features: LaneFeature[];
    beforeAll(() => {
      const dataDir = new DataDir(tempDir()).ensure();
      const catalog = new Catalog(dataDir);
      importSeaNetwork({ catalog, dataDir, dir: path.join(sharedData, 'maritime') });
      features = simplifiedNetworkLines(openSeaRoutes(dataDir, catalog).network, 50) as LaneFeature[];
    }, 120_000);

    it('groups the lanes by passage tags, keeping every line piece, with closed passages red and on top', () => {
      const lines = laneLines(features, ['malacca']);
      const keys = new Set(features.map((f) => f.properties.passages.join('+')));
      expect(lines).toHaveLength(keys.size);
      const pieces = (list: { coordinates: unknown[] }[]) =>
        list.reduce((n, l) => n + l.coordinates.length, 0);
      expect(pieces(lines)).toBe(
        features.reduce((n, f) => n + f.geometry.coordinates.filter((c) => c.length >= 2).length, 0),
      );
      expect(pieces(lines)).toBeGreaterThan(5000);
      const red = lines.filter((l) => l.color === mapColours.closedLane);
      expect(red.length).toBeGreaterThan(0);
      for (const l of red) expect(l.label?.split(', ')).toContain('malacca');
      expect(lines.at(-1)!.color).toBe(mapColours.closedLane);
      const plain = lines.find((l) => l.id === 'lane:plain')!;
      expect(plain.color).toBe(mapColours.lane);
      expect(plain.coordinates.length).toBe(
        features
          .filter((f) => f.properties.passages.length === 0)
          .reduce((n, f) => n + f.geometry.coordinates.length, 0),
      );
    });
  });
});
