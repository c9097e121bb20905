import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sharedData } from '../helpers/tmp.ts';
import { baciCriticalMineralsCsv as baciCsv } from '../helpers/sharedTrade.ts';
import { newPage, screenshot, startTradeHarness, type Harness } from './harness.ts';
import { csvObjects } from '../helpers/csvObjects.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { importBaci } from '../../src/data/importers/baci.ts';

/**
 * The screening view on the real BACI critical-minerals extract (31 HS6 codes) with the HS labels: figures in
 * the table against the API and against sums taken straight from the BACI file, the Japanese label against
 * Japan Customs' file, presets and counts, search, sorting, the CSV export and the screen of every reporter.
 */

/** Japan's (BACI 392) 2024 imports of one HS6 in USD, summed from the publisher's file. */
function japanImportsUsd(hs6: string): number {
  let sum = 0;
  for (const line of fs.readFileSync(baciCsv, 'utf8').split('\n').slice(1)) {
    const [t, , j, k, v] = line.split(',');
    if (t === '2024' && j === '392' && k === hs6) sum += Number(v);
  }
  return sum * 1000;
}

/**
 * The Japanese label Japan Customs gives a code: hs6_ja.csv is HS 2022, where 811292 ("その他のもの ＞ 塊、くず及び粉")
 * covers other metals than in HS 2017; the screen labels an HS 2017 code whose scope changed with its heading
 * (hs4_ja.csv), which is what the page must show for the BACI HS17 extract.
 */
function japaneseLabel(file: 'hs4_ja.csv' | 'hs6_ja.csv', code: string): string {
  const line = fs
    .readFileSync(path.join(sharedData, 'hs', file), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${code},`))!;
  return line
    .slice(code.length + 1)
    .replace(/^"|"$/g, '')
    .trim();
}

/** "$12.3 million" → 12.3e6 (the English money format of the table). */
function parseUsd(text: string): number {
  const m = /\$([\d,.]+)(?: (million|billion|trillion))?/.exec(text)!;
  const scale = { million: 1e6, billion: 1e9, trillion: 1e12 }[m[2] as 'million'] ?? 1;
  return Number(m[1].replaceAll(',', '')) * scale;
}

async function apiJson<T>(page: Page, h: Harness, url: string): Promise<T> {
  const res = await page.request.get(`${h.baseUrl}${url}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

async function waitForTotal(page: Page, total: number) {
  await page.locator(`[data-testid="screen-summary"][data-total="${total}"]`).waitFor();
}

describe('screening view', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startTradeHarness({ datasetId: 'baci-cm', labels: true });
  }, 120_000);
  afterAll(async () => h?.close());

  it('screens JPN 2024, switches language, presets, search, sort, exports and screens every reporter', async () => {
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/screen?reporter=JPN&year=2024`);
    await waitForTotal(page, 31);
    const rows = page.locator('[data-testid="screen-table"] tbody tr');
    expect(await rows.count()).toBe(31);
    expect(await page.getByTestId('screen-summary').getAttribute('data-screened')).toBe('31');

    // The top row (largest imports) against the API.
    type Api = {
      items: { hs6: string; importValueUsd: number; topSupplier: string; hhi: number }[];
      counts: Record<string, number>;
    };
    const api = await apiJson<Api>(page, h, '/api/screens?reporter=JPN&year=2024&pageSize=100');
    const top = rows.first();
    expect(await top.getAttribute('data-hs6')).toBe(api.items[0].hs6);
    const value = top.getByTestId('import-value');
    expect(Number(await value.getAttribute('data-value'))).toBe(api.items[0].importValueUsd);
    expect(parseUsd(await value.innerText()) / api.items[0].importValueUsd).toBeCloseTo(1, 2);
    const supplier = top.getByTestId('top-supplier');
    expect(await supplier.getAttribute('data-iso3')).toBe(api.items[0].topSupplier);
    const countries = await apiJson<{ items: { iso3: string; en: string; ja: string }[] }>(
      page,
      h,
      '/api/countries',
    );
    const country = countries.items.find((c) => c.iso3 === api.items[0].topSupplier)!;
    expect(await supplier.innerText()).toBe(country.en);
    expect(await supplier.locator('a').getAttribute('href')).toBe(
      `#/country/${country.iso3}?reporter=JPN&year=2024`,
    );
    expect(await top.locator('th a').getAttribute('href')).toBe(
      `#/product/${api.items[0].hs6}?reporter=JPN&year=2024`,
    );
    expect(await page.getByTestId('marking').innerText()).toBe('Public');
    expect(await page.getByTestId('provenance').innerText()).toContain('V202601');
    await screenshot(page, 'screening-en');

    // Japanese: the label of 811292 from Japan Customs' file, the supplier's Japanese name.
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: /サプライチェーン分析/ }).waitFor();
    const gallium = page.locator('tr[data-hs6="811292"]');
    const shownJa = await gallium.locator('td.label').innerText();
    expect(shownJa).toContain(japaneseLabel('hs4_ja.csv', '8112'));
    expect(shownJa).toContain('ガリウム');
    expect(shownJa).not.toContain(japaneseLabel('hs6_ja.csv', '811292'));
    expect(await top.getByTestId('top-supplier').innerText()).toBe(country.ja);
    await screenshot(page, 'screening-ja');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: /Supply-chain screening/ }).waitFor();

    // The GeoDep preset: its citation, thresholds, and its badge equals /api/screens/counts.
    await page.locator('button[data-method="geodep"]').click();
    await page.waitForURL(/method=geodep/);
    await page.getByText(/CEPII Policy Brief No 47/).waitFor();
    const counts = await apiJson<{ counts: Record<string, number> }>(
      page,
      h,
      '/api/screens/counts?reporter=JPN&year=2024',
    );
    expect(await page.getByTestId('count-geodep').getAttribute('data-count')).toBe(
      String(counts.counts.geodep),
    );
    expect(await page.getByLabel('World export HHI (0–1)').inputValue()).toBe('0.4');
    await page.getByLabel('Only products flagged by').check();
    await waitForTotal(page, counts.counts.geodep);
    expect(await rows.count()).toBe(counts.counts.geodep);
    await screenshot(page, 'screening-geodep');
    await page.getByLabel('Only products flagged by').uncheck();
    await waitForTotal(page, 31);

    // Search by HS code.
    await page.getByLabel(/Search HS code/).fill('811292');
    await waitForTotal(page, 1);
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-hs6')).toBe('811292');
    await page.getByLabel(/Search HS code/).fill('');
    await waitForTotal(page, 31);

    // Sort by HHI: descending, then ascending, as the API orders it.
    const hhiHeader = page.locator('th', { has: page.getByRole('button', { name: 'HHI', exact: true }) });
    await hhiHeader.getByRole('button').click();
    await page.waitForURL(/sort=hhi/);
    await page.locator('th[aria-sort="descending"]', { hasText: 'HHI' }).first().waitFor();
    const byHhi = [...api.items]
      .sort((a, b) => b.hhi - a.hhi || a.hs6.localeCompare(b.hs6))
      .map((i) => i.hs6);
    await expect
      .poll(async () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-hs6'))))
      .toEqual(byHhi);
    await hhiHeader.getByRole('button').click();
    await page.waitForURL(/order=asc/);
    expect(await hhiHeader.getAttribute('aria-sort')).toBe('ascending');

    // Sort by top supplier (sorted in the page by the country names shown): A→Z, ties by HS6.
    await page.getByRole('button', { name: 'Top supplier', exact: true }).click();
    await page.waitForURL(/sort=topSupplier/);
    const en = new Map(countries.items.map((c) => [c.iso3, c.en]));
    const bySupplier = [...api.items]
      .sort(
        (a, b) =>
          en.get(a.topSupplier)!.localeCompare(en.get(b.topSupplier)!, 'en') || a.hs6.localeCompare(b.hs6),
      )
      .map((i) => i.hs6);
    await expect
      .poll(async () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-hs6'))))
      .toEqual(bySupplier);
    expect(await page.locator('th[aria-sort="ascending"]').innerText()).toContain('Top supplier');

    // Export CSV of the whole screen: every row, provenance columns, the 811292 figure from the BACI file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const csv = csvObjects(fs.readFileSync((await download.path())!, 'utf8'));
    expect(csv).toHaveLength(31);
    const row = csv.find((r) => r.hs6 === '811292')!;
    expect(Number(row.importValueUsd)).toBeCloseTo(japanImportsUsd('811292'), 0);
    expect(row).toMatchObject({
      dataset: 'baci-cm',
      version: 'V202601',
      synthetic: 'false',
      marking: '0 公開 / public',
    });
    expect(JSON.parse(row.thresholds).geodep.worldExportHhi).toBe(0.4);

    // Yen (the header's app-wide preference) only at a stated rate; the footer says which rate converted the figures.
    await page.getByLabel('Currency', { exact: true }).selectOption('JPY');
    expect(await page.getByTestId('currency-note').innerText()).toContain('US dollars');
    await page.getByLabel('1 USD =').fill('150');
    await expect.poll(() => page.getByTestId('currency-note').innerText()).toContain('150 JPY/USD');
    const firstValue = page
      .locator('[data-testid="screen-table"] tbody tr')
      .first()
      .getByTestId('import-value');
    const usd = Number(await firstValue.getAttribute('data-value'));
    const yenText = await firstValue.innerText();
    const yen = /¥([\d,.]+) (million|billion|trillion)/.exec(yenText)!;
    const yenValue =
      Number(yen[1].replaceAll(',', '')) *
      { million: 1e6, billion: 1e9, trillion: 1e12 }[yen[2] as 'million'];
    expect(yenValue / (usd * 150)).toBeCloseTo(1, 2);
    await page.getByLabel('Currency', { exact: true }).selectOption('USD');

    // Screen every reporter: progress shown, then the CSV link.
    expect(await page.getByTestId('screen-all-status').getAttribute('aria-live')).toBe('polite');
    await page.getByRole('button', { name: 'Screen every reporter' }).click();
    await page.getByTestId('screen-all-download').waitFor({ timeout: 60_000 });
    const status = await page.getByTestId('screen-all-status').innerText();
    expect(status).toContain('Done');
    const [all] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('screen-all-download').click(),
    ]);
    const allRows = csvObjects(fs.readFileSync((await all.path())!, 'utf8'));
    const japan = allRows.filter((r) => r.reporter === 'JPN');
    expect(japan).toHaveLength(31);
    expect(new Set(allRows.map((r) => r.reporter)).size).toBeGreaterThan(100);
    await screenshot(page, 'screening-all-done');
    await page.context().close();
  }, 90_000);

  it('keeps a method chosen while the search is still pausing (the search does not undo it)', async () => {
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/screen?reporter=JPN&year=2024`);
    await waitForTotal(page, 31);
    const found = await apiJson<{ total: number }>(page, h, '/api/screens?reporter=JPN&year=2024&q=8112');
    expect(found.total).toBeGreaterThan(0);
    expect(found.total).toBeLessThan(31);
    // Type, then choose GeoDep before the search's pause (400 ms) ends.
    await page.getByLabel(/Search HS code/).fill('8112');
    await page.locator('button[data-method="geodep"]').click();
    await page.waitForURL(/q=8112/);
    await waitForTotal(page, found.total);
    await page.waitForTimeout(600); // nothing pending may change the route after this
    expect(new URL(page.url()).hash).toMatch(/[?&]method=geodep(&|$)/);
    expect(await page.locator('button[data-method="geodep"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByLabel(/Search HS code/).inputValue()).toBe('8112');
    await page.context().close();
  });

  it('shows the empty state to a user who may not read the trade dataset (it is simply absent)', async () => {
    await h.app.services.state.query(
      `INSERT INTO dataset_markings (dataset_id, marking) VALUES ('baci-cm', $1::jsonb)
       ON CONFLICT (dataset_id) DO UPDATE SET marking = EXCLUDED.marking`,
      [JSON.stringify({ level: 2, compartments: [], releasableTo: null })],
    );
    try {
      const page = await newPage(h, 'en', { role: 'viewer', level: 0 });
      await page.goto(`${h.baseUrl}/#/screen?reporter=JPN&year=2024`);
      await page.getByText('There is no trade dataset yet').waitFor();
      expect(await page.getByRole('link', { name: /from Home/ }).getAttribute('href')).toBe('#/');
      expect(await page.locator('[data-testid="screen-table"]').count()).toBe(0);
      await page.context().close();
    } finally {
      await h.app.services.state.query(`DELETE FROM dataset_markings WHERE dataset_id = 'baci-cm'`);
    }
  });

  it("with the 2021 two-country sample imported after the extract, offers the extract's years and screens it", async () => {
    // As `data fetch all` leaves a data directory: the sample is the newest import, the extract the default.
    const dataDir = new DataDir(h.dataDir);
    await importBaci({
      dataDir,
      inputs: [path.join(sharedData, 'baci-samples', 'BACI_2021_ZAF_AFG_halfsample.csv')],
      datasetId: 'baci-sample',
      hs: 'HS92',
    });
    try {
      const page = await newPage(h, 'en');
      await page.goto(`${h.baseUrl}/#/screen?reporter=JPN`);
      await waitForTotal(page, 31);
      const year = page.getByLabel('Year', { exact: true });
      expect(await year.inputValue()).toBe('2024');
      expect(await year.locator('option').allInnerTexts()).toEqual([
        '2024',
        '2023',
        '2022',
        '2021',
        '2020',
        '2019',
        '2018',
      ]);
      expect(await page.getByTestId('provenance').innerText()).toContain('V202601'); // the extract's version (the sample's is unknown)
      await page.context().close();
    } finally {
      new Catalog(dataDir).remove('baci-sample');
    }
  });
});
