import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { importSharedTechnology, importSharedTrade } from '../helpers/sharedTrade.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { criticalGoodsDefaults } from '../../src/data/reference/criticalGoods.ts';
import { assessZones, type TechServices } from '../../src/data/tech/zoneAssessment.ts';
import { overrideZone, applyMeasure, zoneOverrideHistory } from '../../src/data/tech/zoneState.ts';
import { listAudit } from '../../src/data/security/auditLog.ts';
import { classify, parseRuleSet } from '../../src/analysis/zones/rules.ts';
import { defaultRuleSet } from '../../src/analysis/zones/defaultRules.ts';
import { emptyIndicators, withAdvantage, type EntryIndicators } from '../../src/analysis/zones/indicators.ts';

const ind = (values: Partial<EntryIndicators>): EntryIndicators =>
  withAdvantage({ ...emptyIndicators(), ...values });

describe('default zone rules on hand-made indicators', () => {
  it('places a fast-growing technology without a settled leader in ①', () => {
    const c = classify(
      ind({
        technology: true,
        worldPatentGrowth: 0.05,
        patentGrowthVsAll: 0.02,
        settledLeader: false,
        rta: 1.4,
      }),
      defaultRuleSet,
    );
    expect([c.zone, c.rule?.id]).toEqual(['disruptive', 'D1']);
  });
  it('does not put a good in ① however fast its field grows; screen flags and RCA 0.5 give ③ by E1', () => {
    const c = classify(
      ind({
        technology: false,
        worldPatentGrowth: 0.05,
        patentGrowthVsAll: 0.02,
        settledLeader: false,
        rta: 1.4,
        rca: 0.5,
        screenFlags: 2,
      }),
      defaultRuleSet,
    );
    // advantage = RCA (0.5) for a good with trade data, though its RTA is 1.4.
    expect([c.zone, c.rule?.id]).toEqual(['dependence', 'E1']);
    expect(c.trace[1].conditions.map((x) => [x.indicator, x.met])).toEqual([
      ['dependence', null],
      ['screenFlags', true],
      ['advantage', true],
    ]);
  });
  it('gives ② by A1 for RTA 1.3 with 18.7 % of world patents, ② by A3 for RCA 1.5 without a leading share', () => {
    expect(classify(ind({ technology: true, rta: 1.3, patentShare: 0.187 }), defaultRuleSet).rule?.id).toBe(
      'A1',
    );
    expect(
      classify(
        ind({ technology: false, rca: 1.5, exportShare: 0.05, indispensability: false }),
        defaultRuleSet,
      ).rule?.id,
    ).toBe('A3');
  });
  it('leaves an entry without data unclassified, every condition shown as missing', () => {
    const c = classify(ind({ technology: true }), defaultRuleSet);
    expect(c.zone).toBeNull();
    expect(
      c.trace
        .flatMap((r) => r.conditions)
        .filter((x) => x.indicator !== 'technology')
        .every((x) => x.met === null),
    ).toBe(true);
  });
  it('refuses a rule set with an unknown indicator, naming the field', () => {
    const raw = JSON.parse(JSON.stringify(defaultRuleSet));
    raw.rules[1].when.all[0].any[0].indicator = 'rtx';
    expect(() => parseRuleSet(raw, 'my.json')).toThrow(/unknown indicator "rtx"/);
    try {
      parseRuleSet(raw, 'my.json');
    } catch (error) {
      expect((error as { place: unknown }).place).toEqual({
        file: 'my.json',
        field: 'rules[1].when.all[0].any[0].indicator',
      });
    }
  });
});

/** Independent Balassa RCA of a basket of HS4 headings from the raw file. */
function basketRcaFromFile(iso: string, headings: Set<string>): { rca: number; share: number } {
  const file = path.join(sharedData, 'world-exports-hs4', 'world_trade_2017.csv.gz');
  let own = 0,
    ownAll = 0,
    world = 0,
    worldAll = 0;
  for (const line of zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n').slice(1)) {
    const [c, k, v] = line.split(',').map((f) => f.replaceAll('"', ''));
    if (v === 'NA') continue;
    const x = Number(v);
    worldAll += x;
    if (c === iso) ownAll += x;
    if (!headings.has(k)) continue;
    world += x;
    if (c === iso) own += x;
  }
  return { rca: own / ownAll / (world / worldAll), share: own / world };
}

describe.each(stateBackends)('zones of real entries for Japan (%s)', (backend) => {
  let store: DuckDbStore;
  let state: StateDb;
  let services: TechServices;
  beforeAll(async () => {
    const dataDir = new DataDir(tempDir()).ensure();
    const catalog = new Catalog(dataDir);
    store = await openDuckDb();
    state = await openTestState(backend);
    services = { dataDir, catalog, analytics: store, state };
    await importSharedTechnology({ dataDir, catalog, analytics: store });
    await importSharedTrade(dataDir);
  });
  afterAll(async () => {
    await store.close();
    await state.close();
  });

  it('semiconductor technology: RTA 1.32 and 18.7 % of USPTO semiconductor patents in 2022 → ② by A1', async () => {
    const { entries } = await assessZones(services, { reporter: 'JPN', entries: ['tech-semiconductors'] });
    const e = entries[0];
    // Read off the NCSES file (SINV-10, SINV-4, 2022): Japan 3,077 of 16,444 semiconductor patents of economies
    // with a total (the share). RTA over the World rows: (3,077 / 45,983) / (16,498 / 324,698) = 0.0669 / 0.0508
    // ≈ 1.32 (over the sum of the listed economies it was 1.30).
    expect(e.indicators.patentShare).toBeCloseTo(3077 / 16444, 4);
    expect(e.indicators.rta).toBeCloseTo(3077 / 45983 / (16498 / 324698), 10);
    expect(e.patents!.worldBasis).toBe('published');
    expect([e.zone, e.classification.rule?.id]).toEqual(['advantage', 'A1']);
    expect(e.suggested.map((s) => s.measure.id)).toContain('export-control');
  });

  it('permanent magnets: basket RCA of HS4 8505/2805/2846 as computed from the file → ② by A2', async () => {
    const { entries } = await assessZones(services, { reporter: 'JPN', entries: ['permanent-magnets'] });
    const e = entries[0];
    const headings = new Set(
      criticalGoodsDefaults.find((g) => g.id === 'permanent-magnets')!.hs.map((h) => h.hs6.slice(0, 4)),
    );
    expect([...headings].sort()).toEqual(['2805', '2846', '8505']);
    const expected = basketRcaFromFile('jpn', headings);
    expect(e.indicators.rca).toBeCloseTo(expected.rca, 10);
    expect(e.indicators.exportShare).toBeCloseTo(expected.share, 10);
    // By hand: RCA 2.99 > 1 and 12.4 % ≥ 10 % of world exports → A2, unless E1 fired first (it cannot: RCA ≥ 1).
    expect(expected.rca).toBeGreaterThan(1);
    expect(expected.share).toBeGreaterThan(0.1);
    expect([e.zone, e.classification.rule?.id]).toEqual(['advantage', 'A2']);
  });

  it('critical minerals: screen flags on the BACI codes and RCA below 1 → ③ by E1', async () => {
    const { entries, provenance } = await assessZones(services, {
      reporter: 'JPN',
      entries: ['critical-minerals'],
    });
    const e = entries[0];
    expect(e.screen!.year).toBe(2024);
    expect(e.indicators.screenFlags).toBe(e.screen!.methodsFlagged.length);
    expect(e.indicators.screenFlags).toBeGreaterThanOrEqual(1);
    expect(e.indicators.rca).toBeLessThan(1);
    expect([e.zone, e.classification.rule?.id]).toEqual(['dependence', 'E1']);
    expect(e.suggested.map((s) => s.measure.id)).toContain('stockpile');
    expect(provenance.map((p) => p.dataset).sort()).toEqual(['baci-hs17', 'exports', 'patents']);
  });

  it("an analyst's override changes the zone, keeps the rule's, and is audited; withdrawing restores the rule", async () => {
    const before = (
      await assessZones(services, { reporter: 'JPN', entries: ['storage-batteries'], screenDataset: false })
    ).entries[0];
    await overrideZone(
      state,
      {
        entryId: 'storage-batteries',
        reporter: 'JPN',
        zone: 'dependence',
        reason: 'cells depend on Chinese graphite and lithium refining',
        ruleZone: before.classification.zone,
        ruleId: before.classification.rule?.id ?? null,
      },
      { id: null, name: 'analyst1' },
    );
    const after = (
      await assessZones(services, { reporter: 'JPN', entries: ['storage-batteries'], screenDataset: false })
    ).entries[0];
    expect(after.zone).toBe('dependence');
    expect(after.classification.zone).toBe(before.classification.zone);
    expect(after.override?.reason).toContain('graphite');
    const audit = await listAudit(state, {});
    const entry = audit.items.find(
      (a) => a.action === 'zone.override' && a.objectId === 'JPN/storage-batteries',
    );
    expect(entry?.actor).toBe('analyst1');
    expect(entry?.details).toMatchObject({ zone: 'dependence', ruleZone: before.classification.zone });
    await expect(
      overrideZone(
        state,
        {
          entryId: 'storage-batteries',
          reporter: 'JPN',
          zone: 'advantage',
          reason: '  ',
          ruleZone: null,
          ruleId: null,
        },
        { id: null, name: 'analyst1' },
      ),
    ).rejects.toMatchObject({ code: 'bad_input' });
    await overrideZone(
      state,
      {
        entryId: 'storage-batteries',
        reporter: 'JPN',
        zone: null,
        reason: 'reviewed',
        ruleZone: null,
        ruleId: null,
      },
      { id: null, name: 'analyst1' },
    );
    const back = (
      await assessZones(services, { reporter: 'JPN', entries: ['storage-batteries'], screenDataset: false })
    ).entries[0];
    expect(back.zone).toBe(before.classification.zone);
    expect((await zoneOverrideHistory(state, 'storage-batteries')).map((o) => o.zone)).toEqual([
      null,
      'dependence',
    ]);
  });

  it('a measure applied to an entry is listed with it and its marking raises the entry marking', async () => {
    await applyMeasure(
      state,
      {
        entryId: 'semiconductors',
        measureId: 'subsidy',
        status: 'in-force',
        note: 'fab subsidies',
        since: '2022-12-01',
        marking: { level: 1, compartments: [], releasableTo: null },
      },
      { id: null, name: 'analyst1' },
    );
    const e = (
      await assessZones(services, { reporter: 'JPN', entries: ['semiconductors'], screenDataset: false })
    ).entries[0];
    expect(e.applied.map((m) => [m.measureId, m.status, m.since])).toEqual([
      ['subsidy', 'in-force', '2022-12-01'],
    ]);
    expect(e.marking.level).toBe(1);
    await expect(
      applyMeasure(
        state,
        { entryId: 'semiconductors', measureId: 'bribe', status: 'in-force' },
        { id: null, name: 'x' },
      ),
    ).rejects.toMatchObject({ code: 'bad_input' });
  });
});
