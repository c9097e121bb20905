import { describe, expect, it } from 'vitest';
import { buildSupplyGraph, supplyColumns, type SupplyLine } from '../../src/analysis/network/supplyGraph.ts';
import { allProductsSpof, productSpof } from '../../src/analysis/network/singlePointsOfFailure.ts';
import { hiddenConcentration } from '../../src/analysis/network/hiddenConcentration.ts';
import { disclosableCells } from '../../src/analysis/network/disclosure.ts';
import { matchSuppliers } from '../../src/analysis/network/matchSuppliers.ts';

/** The network of test/network/smallNetwork.ts with entities resolved (Alpha's two spellings are one). */
const line = (
  company: string,
  ref: string,
  tier: number,
  via: string | null,
  entity: string,
  country: string,
  share: number,
  site: string | null = null,
  port: string | null = null,
  hs6 = '850511',
): SupplyLine => ({
  company,
  ref,
  tier,
  via,
  entity,
  country,
  site,
  port,
  hs6,
  share,
});
const lines: SupplyLine[] = [
  line('A', 'A1', 1, null, 'alpha', 'CHN', 0.6, 'Plant 1', 'CNSHA'),
  line('A', 'A2', 1, null, 'beta', 'VNM', 0.4),
  line('A', 'A3', 2, 'A2', 'gamma', 'CHN', 0.5, null, null, '280530'),
  line('B', 'B1', 1, null, 'alpha', 'CHN', 0.5, 'Plant 1'),
  line('B', 'B2', 1, null, 'delta', 'KOR', 0.5),
  line('B', 'B3', 2, 'B2', 'gamma', 'CHN', 1, null, null, '280530'),
  line('C', 'C1', 1, null, 'epsilon', 'JPN', 1),
  line('C', 'C2', 2, 'C1', 'gamma', 'CHN', 0.2, null, null, '280530'),
  line('C', 'C3', 2, 'C1', 'zeta', 'AUS', 0.8, null, null, '280530'),
];

describe('single points of failure (hand-checked)', () => {
  const g = buildSupplyGraph(supplyColumns(lines));
  const p = g.products.indexOf('850511');
  const byEntity = (rows: ReturnType<typeof productSpof>) =>
    Object.fromEntries(
      rows.map((r) => [
        g.entities[r.node],
        { cut: r.cut, companies: r.companies, direct: r.direct, indirect: r.indirect },
      ]),
    );

  it('known supply is the sum of tier-1 shares; tier-2 lines count towards the root product', () => {
    expect(g.known[p]).toBeCloseTo(3, 12);
    expect(g.productCompanies[p]).toBe(3);
    // Only the root product has edges: the tier-2 inputs (280530) hang under 850511.
    expect(g.productStart[p + 1] - g.productStart[p]).toBe(9);
  });

  it('cut = Σ companies’ path weights through the node / known supply', () => {
    const rows = byEntity(productSpof(g, p, 'entity', 0));
    // alpha: (0.6 + 0.5) / 3; gamma: (0.4·0.5 + 0.5·1 + 1·0.2) / 3 = 0.9 / 3, all through tier 2.
    expect(rows.alpha.cut).toBeCloseTo(1.1 / 3, 12);
    expect(rows.alpha.companies).toBe(2);
    expect(rows.gamma).toEqual({
      cut: expect.closeTo(0.3, 12),
      companies: 3,
      direct: 0,
      indirect: expect.closeTo(0.3, 12),
    });
    expect(rows.beta.cut).toBeCloseTo(0.4 / 3, 12);
    expect(rows.zeta.cut).toBeCloseTo(0.8 / 3, 12);
    expect(rows.epsilon.cut).toBeCloseTo(1 / 3, 12);
  });

  it('lists only nodes at or above the minimum share, largest first', () => {
    const rows = productSpof(g, p, 'entity', 0.3);
    expect(rows.map((r) => g.entities[r.node])).toEqual(['alpha', 'epsilon', 'gamma']);
    const sites = productSpof(g, p, 'site', 0);
    expect(sites.map((r) => [g.sites[r.node], r.companies])).toEqual([['alpha|Plant 1', 2]]);
    const ports = productSpof(g, p, 'port', 0);
    expect(ports.map((r) => [g.ports[r.node], r.cut])).toEqual([['CNSHA', expect.closeTo(0.2, 12)]]);
  });

  it('a node both tier 1 and below itself is counted once, at the top', () => {
    const cyclic = buildSupplyGraph(
      supplyColumns([
        line('A', 'A1', 1, null, 'alpha', 'CHN', 0.5),
        line('A', 'A2', 2, 'A1', 'alpha', 'CHN', 1),
        line('A', 'A3', 1, null, 'beta', 'VNM', 0.5),
        line('A', 'A4', 2, 'A3', 'alpha', 'CHN', 0.4),
      ]),
    );
    const [top] = productSpof(cyclic, 0, 'entity', 0);
    // 0.5 (A1, its own tier-2 line not again) + 0.5·0.4 (under beta) = 0.7 of 1.
    expect(cyclic.entities[top.node]).toBe('alpha');
    expect(top.cut).toBeCloseTo(0.7, 12);
    expect(top.companies).toBe(1);
  });

  it('all products at once give what each product gives alone', () => {
    const all = allProductsSpof(g, 'entity', 0);
    expect(all[p]).toEqual(productSpof(g, p, 'entity', 0));
    expect(all[g.products.indexOf('280530')]).toEqual([]);
  });
});

describe('hidden concentration (hand-checked)', () => {
  const g = buildSupplyGraph(supplyColumns(lines));
  const p = g.products.indexOf('850511');
  it('finds the tier-2 entity and region under three different tier-1s', () => {
    const entities = hiddenConcentration(g, p, 'entity');
    expect(entities.map((r) => [g.entities[r.node], r.companies, r.tier1s])).toEqual([['gamma', 3, 3]]);
    expect(entities[0].dependence).toBeCloseTo(0.3, 12);
    const countries = hiddenConcentration(g, p, 'country');
    // AUS comes from one company only: not a concentration.
    expect(countries.map((r) => [g.countries[r.node], r.companies, r.tier1s])).toEqual([['CHN', 3, 3]]);
  });
  it('one tier-1 behind the node is visible concentration, not hidden', () => {
    const single = buildSupplyGraph(
      supplyColumns([
        line('A', 'A1', 1, null, 'alpha', 'CHN', 1),
        line('A', 'A2', 2, 'A1', 'gamma', 'CHN', 1),
        line('B', 'B1', 1, null, 'alpha', 'CHN', 1),
        line('B', 'B2', 2, 'B1', 'gamma', 'CHN', 1),
      ]),
    );
    expect(hiddenConcentration(single, 0, 'entity')).toEqual([]);
  });
});

describe('disclosure rule', () => {
  it('shows cells of ≥ 3 companies and hides a second cell when the hidden remainder has fewer than 3', () => {
    const cells = [
      { key: 'X', value: 0.5, contributors: [1, 2, 3] },
      { key: 'Y', value: 0.3, contributors: [1, 2, 4] },
      { key: 'Z', value: 0.2, contributors: [5] },
    ];
    // Z alone is hidden; total − X − Y would give Z, so Y (smallest shown) goes too.
    expect(disclosableCells(cells).map((c) => c.key)).toEqual(['X']);
    // Remainder from 3 companies already: nothing more is hidden.
    expect(
      disclosableCells([...cells, { key: 'W', value: 0.1, contributors: [6, 7] }]).map((c) => c.key),
    ).toEqual(['X', 'Y']);
  });
  it('the shown cells do not depend on how hidden companies split their supply', () => {
    const base = [
      { key: 'X', value: 0.5, contributors: [1, 2, 3] },
      { key: 'Y', value: 0.3, contributors: [1, 2, 4] },
    ];
    const a = disclosableCells([
      ...base,
      { key: 'Z1', value: 0.15, contributors: [5] },
      { key: 'Z2', value: 0.05, contributors: [5] },
    ]);
    const b = disclosableCells([
      ...base,
      { key: 'Z1', value: 0.05, contributors: [5] },
      { key: 'Z3', value: 0.15, contributors: [5] },
    ]);
    expect(a).toEqual(b);
  });
});

describe('supplier matching across companies', () => {
  it('merges spelling variants in the same country, proposes near matches, keeps other countries apart', () => {
    const known = [
      { id: 'e1', name: 'Alpha Magnet Co', country: 'CHN' },
      { id: 'e2', name: 'Shenzhen Rare Earth Materials Group', country: 'CHN' },
    ];
    const m = matchSuppliers(known, [
      { ref: 'r1', name: 'Alpha Magnet Co., Ltd.', country: 'CHN' },
      { ref: 'r2', name: 'Alpha Magnet Co', country: 'VNM' },
      { ref: 'r3', name: 'Shenzhen Rare Earth Material Grp', country: 'CHN' },
      { ref: 'r4', name: 'Omega Plastics', country: 'CHN' },
      { ref: 'r5', name: 'OMEGA  PLASTICS', country: 'CHN' },
    ]);
    expect(m[0]).toMatchObject({ entity: 'e1', proposal: null });
    expect(m[1].entity).toBeNull();
    expect(m[2].entity).toBeNull();
    expect(m[2].proposal?.entity).toBe('e2');
    expect(m[2].proposal!.score).toBeGreaterThanOrEqual(0.7);
    expect(m[2].proposal!.score).toBeLessThan(0.9);
    expect(m[3]).toMatchObject({ entity: null, proposal: null });
    // The same new supplier twice in one submission: one entity.
    expect(m[4].newKey).toBe(m[3].newKey);
  });
});
