import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { runScenarioOnData, type ScenarioRunOutput } from '../../src/data/scenario/scenarioService.ts';
import { builtInGroups } from '../../src/data/reference/groups.ts';
import {
  injectsFromRun,
  prepareTemplateExercise,
  runLabels,
  type PreparedExercise,
} from '../../src/data/exercises/templateExercise.ts';
import type { Inject } from '../../src/analysis/exercises/exercise.ts';
import { publicMarking } from '../../src/analysis/marking.ts';

/** The value at a path such as `products[2].unmet.value` in an object. */
function valueAt(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) v = (v as Record<string, unknown>)[part];
  return v;
}

let dataDir: DataDir;
let store: DuckDbStore;
let services: { dataDir: DataDir; catalog: Catalog; analytics: DuckDbStore };

beforeAll(async () => {
  dataDir = new DataDir(tempDir()).ensure();
  await importSharedTrade(dataDir, { datasetId: 'baci-cm', ioTable: true, labels: true });
  store = await openDuckDb();
  services = { dataDir, catalog: new Catalog(dataDir), analytics: store };
});
afterAll(async () => store.close());

describe('an export-ban exercise generated from the real 2024 BACI extract and the 2011 IO table', () => {
  let prepared: PreparedExercise;
  let run: ScenarioRunOutput;
  let injects: Inject[];

  beforeAll(async () => {
    prepared = await prepareTemplateExercise(
      services,
      {
        template: 'export-ban-critical-mineral',
        reporter: 'JPN',
        year: 2024,
        products: ['811292', '850511'],
      },
      builtInGroups,
    );
    run = await runScenarioOnData({ ...services, definition: prepared.definition });
    injects = injectsFromRun(prepared, run, 'run-1', publicMarking, runLabels(dataDir, run));
  });

  it('takes the dominant supplier from the data: China, 2024 world exports of the two products', () => {
    // World exports 2024 in the extract: China 319,305 (811292) + 3,109,641 (850511) thousand USD lead both.
    expect(prepared.params.supplier?.iso3).toBe('CHN');
    expect(prepared.definition.shocks[0]).toMatchObject({
      type: 'export-cut',
      to: 'all',
      products: ['811292', '850511'],
    });
    expect(prepared.design.teams.map((t) => t.id)).toEqual(['gov', 'industry', 'company', 'partners']);
  });

  it('gives every generated figure the value at its path in the run result', () => {
    const figures = injects.flatMap((i) => i.figures.map((f) => ({ inject: i.id, ...f })));
    expect(figures.length).toBeGreaterThan(10);
    for (const f of figures)
      expect({ path: f.path, value: valueAt(run, f.path) }).toEqual({ path: f.path, value: f.value });
    // And the source names the run and its trade dataset.
    const generated = injects.filter((i) => i.source);
    expect(new Set(generated.map((i) => i.source?.runId))).toEqual(new Set(['run-1']));
    expect(generated[0].source?.trade.dataset).toBe('baci-cm');
  });

  it('announces each stock-out at the run’s time to survive with its shortfall, in yen at the scenario rate', () => {
    const magnets = run.products.find((p) => p.product === '850511')!;
    expect(magnets.timeToSurvive.value).not.toBeNull();
    const inject = injects.find((i) => i.id === 'stock-out-850511')!;
    expect(inject.at).toBe(magnets.timeToSurvive.value);
    expect(inject.figures.find((f) => f.key === 'unmet:850511')?.value).toBe(magnets.unmet.value);
    // 79.8 yen per USD (the default rate), thousand USD × 1000 × 79.8 / 1e9 = bn yen.
    const bn = ((magnets.unmet.value * 1000 * 79.8) / 1e9).toLocaleString('en-US', {
      maximumFractionDigits: 2,
      minimumFractionDigits: 2,
    });
    expect(inject.body.en).toContain(`≈ ${bn} bn yen at 79.8 yen/USD`);
    expect(inject.title.en).toMatch(/^Month [0-9.]+: stocks of 850511 \(.+\) at the reporter run out$/);
    expect(inject.body.ja).toContain('在庫が');
  });

  it('orders the timeline and adds the marked intelligence report and the conditional escalation', () => {
    const times = injects.map((i) => i.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(injects[0].id).toBe('brief');
    const intelligence = injects.find((i) => i.id === 'intelligence')!;
    expect(intelligence.marking.level).toBe(1);
    expect(injects.find((i) => i.id === 'escalation')?.condition).toEqual({
      inject: injects.find((i) => i.kind === 'stock-out')!.id,
      taken: false,
      action: 'stockpile-release',
    });
    expect(injects.at(-1)?.id).toBe('situation');
  });
});
