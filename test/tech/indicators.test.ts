import { describe, expect, it } from 'vitest';
import { rta, slopePerYear } from '../../src/analysis/tech/rta.ts';
import { rca, basketRca } from '../../src/analysis/tech/rca.ts';
import { concentration } from '../../src/analysis/tech/concentration.ts';
import { chokepointFlags, defaultChokepointThresholds } from '../../src/analysis/tech/chokepoint.ts';

describe('RTA (Soete & Wyatt 1983), hand-checked', () => {
  // A: x 30, y 10 (40); B: x 10, y 50 (60); world 100, field x 40, field y 60.
  const counts = [
    { country: 'A', field: 'x', count: 30 },
    { country: 'A', field: 'y', count: 10 },
    { country: 'B', field: 'x', count: 10 },
    { country: 'B', field: 'y', count: 50 },
  ];
  it('is the field share of the country over the field share of the world', () => {
    const cells = rta(counts);
    const get = (c: string, f: string) => cells.find((x) => x.country === c && x.field === f)!.rta!;
    expect(get('A', 'x')).toBeCloseTo(30 / 40 / (40 / 100), 12); // 1.875
    expect(get('A', 'y')).toBeCloseTo(10 / 40 / (60 / 100), 12); // 0.41667
    expect(get('B', 'y')).toBeCloseTo(50 / 60 / (60 / 100), 12); // 1.38889
  });
  it('uses explicit totals when the field is a subset of all patents', () => {
    // Only field x given; totals A 200, B 300 → world 500, field x 40: RTA_A = (30/200)/(40/500) = 1.875.
    const cells = rta(
      counts.filter((c) => c.field === 'x'),
      new Map([
        ['A', 200],
        ['B', 300],
      ]),
    );
    expect(cells.find((c) => c.country === 'A')!.rta).toBeCloseTo(1.875, 12);
    expect(cells.find((c) => c.country === 'B')!.rta).toBeCloseTo(10 / 300 / (40 / 500), 12);
  });
  it("takes the publisher's world when given: patents of unlisted economies count in P_wf and Σ_f P_wf", () => {
    // Published world: field x 100 of 400 in all fields (A and B list 40 of 100). RTA_A,x = (30/40) / (100/400) = 3.
    const world = { fields: new Map([['x', 100]]), allFields: 400 };
    const cells = rta(counts, undefined, world);
    expect(cells.find((c) => c.country === 'A' && c.field === 'x')!.rta).toBeCloseTo(3, 12);
    expect(cells.find((c) => c.country === 'B' && c.field === 'x')!.rta).toBeCloseTo(10 / 60 / 0.25, 12);
    // A field the published world lacks has no RTA rather than one over a mixed world.
    expect(cells.find((c) => c.country === 'A' && c.field === 'y')!.rta).toBeNull();
  });
  it('gives null for a country without patents', () => {
    expect(
      rta([{ country: 'Z', field: 'x', count: 0 }, ...counts]).find((c) => c.country === 'Z')!.rta,
    ).toBeNull();
  });
  it('trend is the OLS slope per year', () => {
    // y = 1, 1.2, 1.4 over 2020–2022 → slope 0.2; a null year is skipped.
    expect(
      slopePerYear([
        { year: 2020, value: 1 },
        { year: 2021, value: null },
        { year: 2021, value: 1.2 },
        { year: 2022, value: 1.4 },
      ]),
    ).toBeCloseTo(0.2, 12);
    expect(slopePerYear([{ year: 2020, value: 1 }])).toBeNull();
  });
});

describe('RCA (Balassa 1965), hand-checked', () => {
  const rows = [
    { exporter: 'JPN', product: '8505', value: 20 },
    { exporter: 'JPN', product: '2805', value: 0 },
    { exporter: 'JPN', product: '8703', value: 80 },
    { exporter: 'CHN', product: '8505', value: 60 },
    { exporter: 'CHN', product: '2805', value: 40 },
    { exporter: 'CHN', product: '8703', value: 0 },
  ];
  it('is the product share of the exporter over the product share of the world', () => {
    // JPN 100, CHN 100, world 200; 8505 world 80: RCA_JPN = (20/100)/(80/200) = 0.5; CHN = 0.6/0.4 = 1.5.
    const cells = rca(rows);
    expect(cells.find((c) => c.exporter === 'JPN' && c.product === '8505')!.rca).toBeCloseTo(0.5, 12);
    expect(cells.find((c) => c.exporter === 'CHN' && c.product === '8505')!.rca).toBeCloseTo(1.5, 12);
    expect(cells.find((c) => c.exporter === 'CHN' && c.product === '8505')!.worldShare).toBeCloseTo(0.75, 12);
    expect(cells.find((c) => c.exporter === 'JPN' && c.product === '2805')!.rca).toBe(0);
  });
  it('takes a basket of products together', () => {
    // JPN basket {8505, 2805} = 20 of 100; world basket 120 of 200 → (0.2)/(0.6) = 1/3.
    expect(basketRca(rows, 'JPN', new Set(['8505', '2805']))).toBeCloseTo(1 / 3, 12);
    expect(basketRca(rows, 'KOR', new Set(['8505']))).toBeNull();
  });
});

describe('concentration and choke-point flags', () => {
  it('gives the top share, lead ratio, countries to 75 % and HHI', () => {
    const c = concentration([
      { country: 'USA', amount: 50 },
      { country: 'CHN', amount: 25 },
      { country: 'JPN', amount: 15 },
      { country: 'KOR', amount: 10 },
    ]);
    expect(c.topCountry).toBe('USA');
    expect(c.topShare).toBeCloseTo(0.5, 12);
    expect(c.leadRatio).toBeCloseTo(2, 12);
    expect(c.countriesToReach).toBe(2); // 0.5 + 0.25 = 0.75
    expect(c.hhi).toBeCloseTo(0.25 + 0.0625 + 0.0225 + 0.01, 12);
  });
  it('flags dependence when supply is concentrated and the own share low, indispensability when leading', () => {
    const t = defaultChokepointThresholds;
    expect(
      chokepointFlags({ worldHhi: 0.5, worldTopShare: 0.7, reporterShare: 0.01, reporterRank: 9 }, t),
    ).toEqual({
      concentrated: true,
      dependence: true,
      indispensability: false,
    });
    expect(
      chokepointFlags({ worldHhi: 0.1, worldTopShare: 0.2, reporterShare: 0.21, reporterRank: 2 }, t),
    ).toEqual({
      concentrated: false,
      dependence: false,
      indispensability: true,
    });
    expect(
      chokepointFlags({ worldHhi: null, worldTopShare: null, reporterShare: null, reporterRank: null }, t)
        .dependence,
    ).toBeNull();
  });
});
