import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { parseScenarioText } from '../../src/data/scenario/scenarioFile.ts';
import { createScenario } from '../../src/data/scenario/scenarioStore.ts';
import { recordAlerts } from '../../src/data/ews/ewsState.ts';
import { buildDossier } from '../../src/data/tech/dossier.ts';
import { dossierPdf, japaneseFont } from '../../src/data/tech/dossierPdf.ts';
import type { TechServices } from '../../src/data/tech/zoneAssessment.ts';
import { pdfText } from './pdfText.ts';

describe.each(stateBackends)('critical-minerals dossier with screen, scenario and alert (%s)', (backend) => {
  let store: DuckDbStore;
  let state: StateDb;
  let services: TechServices;
  beforeAll(async () => {
    const dataDir = new DataDir(tempDir()).ensure();
    store = await openDuckDb();
    state = await openTestState(backend);
    services = { dataDir, catalog: new Catalog(dataDir), analytics: store, state };
    await importSharedTrade(dataDir);
    const text = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../examples/scenario-gallium-germanium.yaml'),
      'utf8',
    );
    await createScenario(state, {
      definition: parseScenarioText(text),
      text,
      marking: { level: 0, compartments: [], releasableTo: null },
    });
    await recordAlerts(
      state,
      [
        {
          period: '2023-09',
          reporter: 'JPN',
          partner: 'CHN',
          hs: '811292',
          flow: 'import',
          level: 3,
          levelName: 'alert',
          levelNameJa: '警戒',
          rules: [],
          indicators: [],
          value: 0,
          expected: 1,
          events: [],
          explanation: { ja: '中国からの輸入が急減', en: 'imports from China collapsed' },
        },
      ],
      { ruleSet: 'default', marking: { level: 1, compartments: [], releasableTo: null } },
    );
  });
  afterAll(async () => {
    await store.close();
    await state.close();
  });

  it('gathers the screen per HS6, the scenario naming 811292 and the alert, and takes the alert’s marking', async () => {
    const d = await buildDossier(services, { reporter: 'JPN', entry: 'critical-minerals', lang: 'en' });
    const heading = (h: string) => d.sections.find((s) => s.heading === h)!;
    const screen = heading('Supply-chain screen (import dependence)');
    expect(screen.table!.rows.some((r) => r[0] === '811292')).toBe(true);
    expect(heading('Scenarios').table!.rows[0][0]).toBe(
      'China cuts gallium/germanium (811292) exports to Japan by 100 % for 6 months',
    );
    expect(heading('Early-warning alerts').table!.rows).toEqual([
      ['2023-09', '811292', 'CHN', 3, 'new', 'imports from China collapsed'],
    ]);
    // The restricted alert lifts the whole dossier to restricted.
    expect(d.marking.level).toBe(1);
    expect(d.markingText).toBe('RESTRICTED (取扱注意)');
    const pdf = pdfText(await dossierPdf(d));
    expect((pdf.text.match(/RESTRICTED \(取扱注意\)/g) ?? []).length).toBe(2 * pdf.pages);
  });

  it('built for a reader (API), leaves out the alerts the reader may not read instead of taking their marking', async () => {
    const upTo = (level: 0 | 1) => ({ clearance: { level, compartments: [], organisationId: 'any' } });
    const request = { reporter: 'JPN', entry: 'critical-minerals', lang: 'en' as const };
    const uncleared = await buildDossier(services, { ...request, alertReader: upTo(0) });
    const alerts = (d: typeof uncleared) => d.sections.find((s) => s.heading === 'Early-warning alerts')!;
    expect(alerts(uncleared).table).toBeUndefined();
    expect(uncleared.marking.level).toBe(0);
    const cleared = await buildDossier(services, { ...request, alertReader: upTo(1) });
    expect(alerts(cleared).table!.rows.map((r) => r[5])).toEqual(['imports from China collapsed']);
    expect(cleared.marking.level).toBe(1);
  });

  it('says plainly when the Japanese font is missing', () => {
    const before = process.env.CHOKEPOINT_JA_FONT;
    process.env.CHOKEPOINT_JA_FONT = '/nonexistent/ipag.ttf';
    try {
      expect(() => japaneseFont()).toThrow(/fonts-ipafont-gothic/);
    } finally {
      if (before === undefined) delete process.env.CHOKEPOINT_JA_FONT;
      else process.env.CHOKEPOINT_JA_FONT = before;
    }
  });
});
