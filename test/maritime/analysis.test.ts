import { describe, expect, it } from 'vitest';
import { haversineKm, sailingDays, splitAtAntimeridian, wrapLon } from '../../src/analysis/maritime/geo.ts';
import { crossesMeridian, buildSeaNetwork } from '../../src/analysis/maritime/network.ts';
import { freightRule } from '../../src/analysis/maritime/freightRules.ts';
import { selectMainPorts } from '../../src/analysis/maritime/mainPorts.ts';
import { chokepointExposure, type PartnerRoutes } from '../../src/analysis/maritime/exposure.ts';
import { shortestPathTree, pathSlots } from '../../src/analysis/maritime/dijkstra.ts';
import { passagesAlong } from '../../src/analysis/maritime/route.ts';
import { areLandNeighbours } from '../../src/analysis/maritime/landNeighbours.ts';

describe('geometry', () => {
  it('one degree of latitude is 111.195 km on the mean-radius sphere (6,371.0088 km × π/180)', () => {
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo(111.195, 3);
  });
  it('14 knots cover 622.272 km a day (14 × 1.852 × 24)', () => {
    expect(sailingDays(622.272, 14)).toBeCloseTo(1, 9);
  });
  it('wraps longitudes so +180 and -180 are the same meridian', () => {
    expect(wrapLon(190.85)).toBeCloseTo(-169.15, 9);
    expect(wrapLon(180)).toBe(-180);
    expect(wrapLon(-180)).toBe(-180);
  });
  it('splits a line at the antimeridian, interpolating the crossing latitude', () => {
    expect(
      splitAtAntimeridian([
        [170, 10],
        [-170, 20],
      ]),
    ).toEqual([
      [
        [170, 10],
        [180, 15],
      ],
      [
        [-180, 15],
        [-170, 20],
      ],
    ]);
  });
  it('detects a segment crossing the Cape Agulhas gate (20°E south of 34.83°S) but not one north of it', () => {
    expect(crossesMeridian(20, -80, -34.83, 18, -35, 22, -35)).toBe(true);
    expect(crossesMeridian(20, -80, -34.83, 18, -30, 22, -30)).toBe(false);
    expect(crossesMeridian(20, -80, -34.83, 21, -40, 25, -40)).toBe(false);
  });
});

describe('network and Dijkstra on a small hand-made network', () => {
  // A square 0,0 – 1,0 – 1,1 – 0,1 with the edge 0,0 – 1,0 tagged suez, and a line across the antimeridian.
  const { network, stats } = buildSeaNetwork(
    [
      {
        coordinates: [
          [0, 0],
          [1, 0],
        ],
        passage: 'suez',
      },
      {
        coordinates: [
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      },
      {
        coordinates: [
          [179, 0],
          [180, 0],
        ],
      },
      {
        coordinates: [
          [-180, 0],
          [-179, 0],
        ],
      },
    ],
    [],
  );
  it('merges +180 and -180 into one node and keeps two components here', () => {
    expect(stats.nodes).toBe(4 + 3);
    expect(stats.components).toBe(2);
  });
  it('routes through the tagged edge when open, around it when closed', () => {
    const node = (x: number, y: number) =>
      [...network.lon].findIndex((l, i) => l === x && network.lat[i] === y);
    const a = node(0, 0);
    const b = node(1, 0);
    const open = shortestPathTree(network, a, 0);
    expect(open.dist[b]).toBeCloseTo(111.195, 3);
    expect(passagesAlong(network, pathSlots(open, b)!)).toEqual(['suez']);
    const closed = shortestPathTree(network, a, 1); // suez is bit 0
    // Around: 0,0 → 0,1 → 1,1 → 1,0 = 111.195 + 111.178 (1° of longitude at 1°N) + 111.195.
    expect(closed.dist[b]).toBeCloseTo(111.195 * 2 + 111.178, 2);
    expect(passagesAlong(network, pathSlots(closed, b)!)).toEqual([]);
  });
});

describe('freight rules', () => {
  const ctx = { landNeighbour: false, hasPorts: true };
  it('applies land, air (product list, value per tonne), no port, sea — in that order', () => {
    expect(
      freightRule({ product: '280429', valueKusd: 100, tonnes: 10 }, { ...ctx, landNeighbour: true }),
    ).toBe('land');
    expect(freightRule({ product: '854231', valueKusd: 1, tonnes: 1000 }, ctx)).toBe('air_product');
    // 100 thousand USD for 1 tonne = 100,000 USD/t > 50,000.
    expect(freightRule({ product: '810820', valueKusd: 100, tonnes: 1 }, ctx)).toBe('air_value');
    // 100 thousand USD for 10 tonnes = 10,000 USD/t.
    expect(freightRule({ product: '810820', valueKusd: 100, tonnes: 10 }, ctx)).toBe('sea');
    expect(freightRule({ product: '810820', valueKusd: 100, tonnes: null }, ctx)).toBe(
      'sea_quantity_unknown',
    );
    expect(freightRule({ product: '810820', valueKusd: 100, tonnes: 10 }, { ...ctx, hasPorts: false })).toBe(
      'no_port',
    );
  });
  it('knows trading land borders both ways round', () => {
    expect(areLandNeighbours('USA', 'CAN')).toBe(true);
    expect(areLandNeighbours('DEU', 'FRA')).toBe(true);
    expect(areLandNeighbours('FRA', 'DEU')).toBe(true);
    expect(areLandNeighbours('JPN', 'KOR')).toBe(false);
  });
});

describe('main ports', () => {
  const port = (code: string, lon: number, terminal: boolean, serves: number) => ({
    code,
    country: code.slice(0, 2),
    lon,
    lat: 0,
    terminal,
    serves: Array.from({ length: serves }, (_, i) => `C${i}`),
    accessKm: 1,
  });
  it('takes the best-connected port, then major ports at least 1,000 km away; landlocked countries use a gateway', () => {
    const main = selectMainPorts([
      port('XXAAA', 0, true, 10),
      port('XXBBB', 1, true, 9), // 111 km from AAA
      port('XXCCC', 30, true, 2), // fewer than 25 % of AAA's 10 countries
      port('XXDDD', 20, true, 5), // 2,224 km away
      port('XXEEE', 40, false, 20), // not a terminal
      port('NLRTM', 4, true, 79),
      port('CHBSL', 7.6, false, 3), // a Rhine port of landlocked Switzerland
    ]);
    expect(main.get('XX')).toEqual({ country: 'XX', ports: ['XXAAA', 'XXDDD'], reason: 'rule' });
    expect(main.get('CH')).toEqual({ country: 'CH', ports: ['NLRTM'], reason: 'gateway' });
    const overridden = selectMainPorts([port('XXAAA', 0, true, 10), port('XXDDD', 20, true, 5)], undefined, {
      XX: ['XXDDD'],
    });
    expect(overridden.get('XX')).toEqual({ country: 'XX', ports: ['XXDDD'], reason: 'override' });
  });
});

describe('exposure arithmetic, by hand', () => {
  const route = (passages: string[], km: number) => ({
    distanceKm: km,
    fromPort: 'AAAAA',
    toPort: 'BBBBB',
    passages,
  });
  const routes: Record<string, PartnerRoutes> = {
    P1: {
      hasPorts: true,
      landNeighbour: false,
      baseline: route(['x', 'y'], 10_000),
      scenario: route(['z', 'y'], 11_000),
    },
    P2: { hasPorts: true, landNeighbour: true, baseline: route(['x'], 500), scenario: null },
    P3: {
      hasPorts: true,
      landNeighbour: false,
      baseline: route(['y'], 3_000),
      scenario: route(['y'], 3_000),
    },
    P4: { hasPorts: true, landNeighbour: false, baseline: route(['x'], 8_000), scenario: null },
  };
  const flows = [
    { partner: 'P1', product: 'a', valueKusd: 100, tonnes: null },
    { partner: 'P1', product: 'b', valueKusd: 50, tonnes: 100 },
    { partner: 'P2', product: 'a', valueKusd: 30, tonnes: 5 },
    { partner: 'P3', product: 'a', valueKusd: 20, tonnes: 40 },
    { partner: 'P4', product: 'b', valueKusd: 40, tonnes: 80 },
  ];
  const r = chokepointExposure(flows, (p) => routes[p], { speedKnots: 14, closed: ['x'] });
  it('sums value per passage over sea flows and divides by all imports', () => {
    // total 240; sea 210 (P2 is a land neighbour); x: P1 150 + P4 40 = 190; y: P1 150 + P3 20 = 170.
    expect(r.totalValueKusd).toBe(240);
    expect(r.seaValueKusd).toBe(210);
    expect(r.passages.map((p) => [p.passage, p.valueKusd])).toEqual([
      ['x', 190],
      ['y', 170],
    ]);
    expect(r.passages[0].shareOfImports).toBeCloseTo(190 / 240, 12);
    expect(r.passages[0].shareOfSeaImports).toBeCloseTo(190 / 210, 12);
    expect(r.passages[0].topFlows.map((f) => f.valueKusd)).toEqual([100, 50, 40]);
    expect(r.byRule).toEqual([
      { rule: 'sea', valueKusd: 110, flows: 3 },
      { rule: 'sea_quantity_unknown', valueKusd: 100, flows: 1 },
      { rule: 'land', valueKusd: 30, flows: 1 },
    ]);
    expect(r.products.find((p) => p.product === 'b')!.byPassage).toEqual({ x: 90, y: 50 });
  });
  it('closing x: 190 affected, 40 (P4) with no route, P1 rerouted 1,000 km = 1.607 days', () => {
    expect(r.scenario).toEqual({
      closed: ['x'],
      affectedValueKusd: 190,
      noRouteValueKusd: 40,
      meanExtraDays: 1000 / 622.272,
    });
    const p1 = r.partners.find((p) => p.partner === 'P1')!;
    expect(p1.scenario!.extraKm).toBe(1000);
    expect(p1.scenario!.extraDays).toBeCloseTo(1.607, 3);
    expect(r.partners.find((p) => p.partner === 'P4')!.scenario!.noRoute).toBe(true);
    expect(r.partners.find((p) => p.partner === 'P2')!.scenario!.affectedValueKusd).toBe(0);
  });
  it('sums equal but for rounding (0.1 + 0.2 against 0.3) rank as ties, by product code, as on another engine', () => {
    const tied = chokepointExposure(
      [
        { partner: 'P3', product: 'b', valueKusd: 0.1, tonnes: 1 },
        { partner: 'P3', product: 'b', valueKusd: 0.2, tonnes: 1 },
        { partner: 'P3', product: 'a', valueKusd: 0.3, tonnes: 1 },
      ],
      (p) => routes[p],
      { speedKnots: 14, closed: [] },
    );
    expect(tied.products.map((p) => p.product)).toEqual(['a', 'b']);
  });
});
