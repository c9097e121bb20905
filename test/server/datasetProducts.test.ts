import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { testSession } from '../helpers/auth.ts';
import { tempDir } from '../helpers/tmp.ts';
import { baciCriticalMineralsCsv, importSharedTrade } from '../helpers/sharedTrade.ts';
import { missingReason, noneInDataset } from '../../web/src/features/critical/goodRisks.ts';

/**
 * The HS6 codes an annual trade dataset holds (issue 27: a product outside an extract's codes is "not in this
 * dataset", not "not imported"), on the BACI critical-minerals extract: every code of the CSV, in any year.
 */
describe('GET /api/datasets/:id/products', () => {
  let app: App;
  let headers: Record<string, string>;
  const codesOfCsv = [
    ...new Set(
      fs
        .readFileSync(baciCriticalMineralsCsv, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[3]),
    ),
  ].sort();

  beforeAll(async () => {
    const dir = tempDir();
    await importSharedTrade(new DataDir(dir).ensure(), { datasetId: 'baci-cm' });
    app = await buildApp({ dataDir: dir, webDir: false });
    headers = (await testSession(app, { role: 'viewer' })).headers;
  });
  afterAll(async () => app?.close());

  it('lists the extract’s 31 codes; graphite 250490 is in, fertilizers 310520 is not', async () => {
    const r = await app.inject({ url: '/api/datasets/baci-cm/products', headers });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(codesOfCsv.length).toBe(31);
    expect(body).toMatchObject({ dataset: 'baci-cm', products: codesOfCsv });
    const held = new Set<string>(body.products);
    expect(missingReason('250490', held)).toBe('not_imported');
    expect(missingReason('310520', held)).toBe('not_in_dataset');
    expect(missingReason('310520', null)).toBe('not_imported');
    const good = (...codes: string[]) => ({ products: codes.map((hs6) => ({ code: { hs6 } })) }) as never;
    expect(noneInDataset(good('310520', '310420'), held)).toBe(true);
    expect(noneInDataset(good('310520', '250490'), held)).toBe(false);
  });

  it('answers 404 for a dataset that is missing', async () => {
    const r = await app.inject({ url: '/api/datasets/nope/products', headers });
    expect(r.statusCode).toBe(404);
  });
});
