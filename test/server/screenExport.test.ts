import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { tempDir } from '../helpers/tmp.ts';
import { baciCriticalMineralsCsv as baciCsv, importSharedTrade } from '../helpers/sharedTrade.ts';
import { csvObjects } from '../helpers/csvObjects.ts';

/**
 * GET /api/screens/export: the whole single-reporter screen as CSV or XLSX, on the real BACI critical-minerals
 * extract. Figures are checked against sums taken straight from the publisher's CSV here; provenance and marking
 * travel in every row; the export is audited and hidden from users who may not read the dataset.
 */

/** Japan's (BACI 392) 2024 imports per HS6 in USD and, per HS6, the exporter code with the largest value. */
function japan2024(): Map<string, { usd: number; top: number }> {
  const byProduct = new Map<string, Map<number, number>>();
  for (const line of fs.readFileSync(baciCsv, 'utf8').split('\n').slice(1)) {
    const [t, i, j, k, v] = line.split(',');
    if (t !== '2024' || j !== '392') continue;
    const partners = byProduct.get(k) ?? byProduct.set(k, new Map()).get(k)!;
    partners.set(Number(i), (partners.get(Number(i)) ?? 0) + Number(v));
  }
  const out = new Map<string, { usd: number; top: number }>();
  for (const [k, partners] of byProduct) {
    const sorted = [...partners].sort((a, b) => b[1] - a[1]);
    out.set(k, { usd: sorted.reduce((s, [, v]) => s + v, 0) * 1000, top: sorted[0][0] });
  }
  return out;
}

/** A small RFC 4180 reader (quoted cells with commas and doubled quotes), independent of the writer. */

describe.each(stateBackends)('screen export API (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let viewer: Record<string, string>;
  const expected = japan2024();
  beforeAll(async () => {
    const root = tempDir();
    const dataDir = new DataDir(root).ensure();
    await importSharedTrade(dataDir, { datasetId: 'baci-cm', labels: true });
    state = await openTestState(backend);
    app = await buildApp({ dataDir: root, webDir: false, state });
    viewer = (await testSession(app, { role: 'viewer', level: 0 })).headers;
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await state.close();
  });

  it('needs a session and a known format', async () => {
    expect(
      (await app.inject({ url: '/api/screens/export?reporter=JPN&year=2024&format=csv' })).statusCode,
    ).toBe(401);
    const bad = await app.inject({
      url: '/api/screens/export?reporter=JPN&year=2024&format=pdf',
      headers: viewer,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('CSV: every screened product (not one page), figures from the BACI file, provenance and marking per row; audited', async () => {
    const res = await app.inject({
      url: '/api/screens/export?reporter=JPN&year=2024&format=csv',
      headers: viewer,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toContain('screen-JPN-2024.csv');
    const rows = csvObjects(res.body);
    expect(rows).toHaveLength(expected.size);
    expect(expected.size).toBe(31);
    const countries = (await app.inject({ url: '/api/countries', headers: viewer })).json().items as {
      iso3: string;
      baciCodes: number[];
    }[];
    for (const row of rows) {
      const want = expected.get(row.hs6)!;
      expect(Number(row.importValueUsd)).toBeCloseTo(want.usd, 0);
      expect(countries.find((c) => c.iso3 === row.topSupplier)!.baciCodes).toContain(want.top);
      expect(row).toMatchObject({
        dataset: 'baci-cm',
        version: 'V202601',
        synthetic: 'false',
        method: 'all',
        marking: '0 公開 / public',
      });
      expect(JSON.parse(row.thresholds).eu2021.hhi).toBe(0.4);
    }
    const audit = await state.query<{ object_id: string; details: unknown }>(
      `SELECT object_id, details FROM audit_log WHERE action = 'export' AND object_type = 'screen' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit[0].object_id).toBe('baci-cm:JPN:2024');
    const details = typeof audit[0].details === 'string' ? JSON.parse(audit[0].details) : audit[0].details;
    expect(details).toMatchObject({ format: 'csv', rows: 31, method: 'all' });
  });

  it('filters: method (rows = its count), chapter, search; thresholds change the flags and are recorded', async () => {
    const counts = (
      await app.inject({
        url: '/api/screens/counts?reporter=JPN&year=2024&thresholds=hhi.hhi=0.3',
        headers: viewer,
      })
    ).json();
    const res = await app.inject({
      url: '/api/screens/export?reporter=JPN&year=2024&format=csv&method=hhi&thresholds=hhi.hhi=0.3',
      headers: viewer,
    });
    const rows = csvObjects(res.body);
    expect(rows).toHaveLength(counts.counts.hhi);
    // Independent: concentration flag = Σ s² ≥ 0.3 over the partners in the file (HHI method, ≥).
    expect(rows.every((r) => r.flag_hhi === 'true' && Number(r.hhi) >= 0.3 && r.method === 'hhi')).toBe(true);
    expect(JSON.parse(rows[0].thresholds).hhi.hhi).toBe(0.3);
    const chapter81 = csvObjects(
      (
        await app.inject({
          url: '/api/screens/export?reporter=JPN&year=2024&format=csv&chapter=81',
          headers: viewer,
        })
      ).body,
    );
    expect(chapter81.map((r) => r.hs6).sort()).toEqual(
      [...expected.keys()].filter((k) => k.startsWith('81')).sort(),
    );
    const one = csvObjects(
      (
        await app.inject({
          url: '/api/screens/export?reporter=JPN&year=2024&format=csv&q=811292',
          headers: viewer,
        })
      ).body,
    );
    expect(one.map((r) => r.hs6)).toEqual(['811292']);
  });

  it('XLSX: the same rows and a provenance sheet with the marking', async () => {
    const res = await app.inject({
      url: '/api/screens/export?reporter=JPN&year=2024&format=xlsx',
      headers: viewer,
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('screen')!;
    expect(sheet.rowCount).toBe(1 + 31);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const hs6Col = headers.indexOf('hs6') + 1;
    const valueCol = headers.indexOf('importValueUsd') + 1;
    const ga = sheet.getRows(2, 31)!.find((r) => r.getCell(hs6Col).value === '811292')!;
    expect(Number(ga.getCell(valueCol).value)).toBeCloseTo(expected.get('811292')!.usd, 0);
    const about = workbook.getWorksheet('provenance')!;
    const facts = new Map(
      about
        .getSheetValues()
        .slice(1)
        .map((r) => [String((r as unknown[])[1]), String((r as unknown[])[2])]),
    );
    expect(facts.get('marking')).toBe('0 公開 / public');
    expect(facts.get('dataset')).toBe('baci-cm');
    expect(facts.get('version')).toBe('V202601');
  });

  it('a marked dataset: hidden (404) from the uncleared, marked in the file for the cleared', async () => {
    await state.query(
      `INSERT INTO dataset_markings (dataset_id, marking) VALUES ('baci-cm', $1::jsonb)
       ON CONFLICT (dataset_id) DO UPDATE SET marking = EXCLUDED.marking`,
      [JSON.stringify({ level: 2, compartments: ['minerals'], releasableTo: null })],
    );
    try {
      const hidden = await app.inject({
        url: '/api/screens/export?reporter=JPN&year=2024&format=csv',
        headers: viewer,
      });
      expect(hidden.statusCode).toBe(404);
      const cleared = (await testSession(app, { role: 'viewer', level: 2, compartments: ['minerals'] }))
        .headers;
      const seen = await app.inject({
        url: '/api/screens/export?reporter=JPN&year=2024&format=csv',
        headers: cleared,
      });
      expect(seen.statusCode).toBe(200);
      expect(JSON.parse(seen.headers['x-chokepoint-marking'] as string)).toEqual({
        level: 2,
        compartments: ['minerals'],
        releasableTo: null,
      });
      expect(csvObjects(seen.body)[0].marking).toBe('2 秘 / confidential; compartments minerals');
    } finally {
      await state.query(`DELETE FROM dataset_markings WHERE dataset_id = 'baci-cm'`);
    }
  });
});
