import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { testSession } from '../helpers/auth.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { importHs } from '../../src/data/importers/hs.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';

/**
 * Early warning from the browser's side of the API (issue 27): a monthly CSV sent as text, previewed with its
 * column mapping and imported; items added and generated; a scan of the months of the December 2023 graphite
 * control; the inbox then holds alerts of those months. Data: China's HS6 exports of critical minerals by
 * partner (UN Comtrade-derived, ../shared/data/monthly/china-critical-minerals/deep_dive_hs6_monthly.csv).
 */
const csvFile = path.join(sharedData, 'monthly/china-critical-minerals/deep_dive_hs6_monthly.csv');
const map = { period: 'period_dt', partner: 'partner_name', hs: 'hs6', value: 'val', quantity: 'qty' };

describe('EWS from the browser: import, items, scan, inbox', () => {
  let app: App;
  let analyst: Record<string, string>;
  let viewer: Record<string, string>;
  const text = fs.readFileSync(csvFile, 'utf8');
  const upload = {
    fileName: 'deep_dive_hs6_monthly.csv',
    text,
    reporter: 'CHN',
    flow: 'export' as const,
    unit: 'kg',
    valueUnit: 'USD',
  };
  const post = (url: string, payload: object, headers = analyst) =>
    app.inject({ method: 'POST', url, headers, payload });

  beforeAll(async () => {
    const dir = tempDir();
    // The HS nomenclature with Japan Customs' labels, for the items' product names.
    const hs = path.join(sharedData, 'hs');
    await importHs({
      dataDir: new DataDir(dir).ensure(),
      files: {
        hs22: path.join(hs, 'harmonized-system.csv'),
        hs4Ja: path.join(hs, 'hs4_ja.csv'),
        hs6Ja: path.join(hs, 'hs6_ja.csv'),
        hs17: path.join(hs, 'baci_product_codes_hs17_bec.csv'),
      },
    });
    app = await buildApp({ dataDir: dir, webDir: false });
    analyst = (await testSession(app, { role: 'analyst' })).headers;
    viewer = (await testSession(app, { role: 'viewer' })).headers;
  });
  afterAll(async () => app?.close());

  it('previews the header with a guessed mapping, then what the mapping keeps', async () => {
    const bare = await post('/api/ews/imports/preview', { fileName: upload.fileName, text });
    expect(bare.statusCode).toBe(200);
    const head = bare.json();
    expect(head.header).toEqual(['period_dt', 'partner_name', 'hs6', 'val', 'qty', 'uv']);
    expect(head.guess).toEqual(map);
    expect(head.sample[0]).toEqual(text.split('\n')[1].trim().split(','));
    expect(head.result).toBeNull();

    const mapped = (await post('/api/ews/imports/preview', { ...upload, map })).json();
    const dataLines = text.trim().split('\n').length - 1;
    const unresolved = mapped.result.unresolvedPartners.reduce(
      (a: number, u: { rows: number }) => a + u.rows,
      0,
    );
    // Every line is kept or reported: rows + partners matching no country + rejected lines.
    expect(mapped.result.rows + unresolved + mapped.result.rejected).toBe(dataLines);
    expect(mapped.result).toMatchObject({ from: '2017-01', to: '2024-12', valueUnit: { en: 'USD' } });
    expect(mapped.result.products).toContain('250410');
    expect(mapped.result.first[0]).toMatchObject({
      reporter: 'CHN',
      partner: 'AUS',
      hs: '250410',
      flow: 'export',
      period: '2017-01',
      value: 10200,
    });
  });

  it('a mapping naming a missing column says which; viewers may not import', async () => {
    const bad = await post('/api/ews/imports/preview', { ...upload, map: { ...map, value: 'value' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'bad_file', place: { column: 'value', line: 1 } });
    const denied = await post('/api/ews/imports', { ...upload, map, dataset: 'cn-hs6' }, viewer);
    expect(denied.statusCode).toBe(403);
  });

  it('imports, adds an item, generates a list, scans Oct–Dec 2023 and the inbox shows Dec 2023', async () => {
    const imported = await post('/api/ews/imports', {
      ...upload,
      map,
      dataset: 'cn-hs6',
      title: 'China HS6',
    });
    expect(imported.statusCode).toBe(200);
    const preview = (await post('/api/ews/imports/preview', { ...upload, map })).json();
    expect(imported.json()).toMatchObject({
      dataset: 'cn-hs6',
      title: 'China HS6',
      rows: preview.result.rows,
    });

    const item = (hs: string, dataset = 'cn-hs6') => ({
      list: 'Minerals',
      reporter: 'CHN',
      hs,
      flow: 'export',
      grade: 'A',
      dataset,
    });
    expect((await post('/api/ews/items', item('250410', 'nope'))).statusCode).toBe(404);
    const added = await post('/api/ews/items', item('250410'));
    expect(added.json()).toMatchObject({ added: 1 });
    // The same item again is not added twice (regression: UNIQUE ignores a NULL partner); an item of a product
    // the dataset lacks is kept and flagged.
    expect((await post('/api/ews/items', item('250410'))).json()).toMatchObject({ added: 0 });
    await post('/api/ews/items', item('260300'));
    const generated = (await post('/api/ews/items/generate', { dataset: 'cn-hs6', flow: 'export' })).json();
    expect(generated.products).toBe(generated.added);
    const again = (await post('/api/ews/items/generate', { dataset: 'cn-hs6', flow: 'export' })).json();
    expect(again).toMatchObject({ list: generated.list, added: 0, removed: 0, kept: generated.products });

    const items = (await app.inject({ url: '/api/ews/items', headers: analyst })).json().items;
    const graphite = items.find(
      (i: { hs: string; partner: string | null; listId: string }) =>
        i.hs === '250410' && i.listId === added.json().list,
    );
    expect(graphite.coverage).toBe('ok');
    // Items carry the product's name: Japan Customs names 250410 by its place in heading 2504 (天然黒鉛).
    expect(graphite.label).toEqual({
      ja: '天然黒鉛 ▸ 粉状又はフレーク状のもの',
      en: 'Graphite; natural, in powder or in flakes',
    });
    expect(items.find((i: { hs: string }) => i.hs === '260300').coverage).toBe('no_rows');

    const latest = (await post('/api/ews/scans', {})).json();
    expect(latest.items.length).toBe(items.length);
    const inboxLatest = (await app.inject({ url: '/api/ews/alerts?pageSize=500', headers: analyst })).json();
    expect(inboxLatest.total).toBe(latest.alerts);
    expect(new Set(inboxLatest.items.map((a: { period: string }) => a.period))).toEqual(
      latest.alerts ? new Set(['2024-12']) : new Set(),
    );

    const window = (await post('/api/ews/scans', { from: '2023-10', to: '2023-12' })).json();
    expect(window.alerts).toBeGreaterThan(0);
    const dec = (
      await app.inject({
        url: '/api/ews/alerts?from=2023-12&to=2023-12&hs=250410&pageSize=500',
        headers: analyst,
      })
    ).json();
    expect(dec.total).toBeGreaterThan(0);
    expect(
      dec.items.every((a: { period: string; hs: string }) => a.period === '2023-12' && a.hs === '250410'),
    ).toBe(true);
    // Scanning the same months again stores nothing twice.
    expect((await post('/api/ews/scans', { from: '2023-10', to: '2023-12' })).json().alerts).toBe(0);
    expect((await post('/api/ews/scans', { from: '2023-12', to: '2023-10' })).json().error.place.field).toBe(
      'from',
    );
  });
});
