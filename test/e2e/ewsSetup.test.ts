import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, newPage, screenshot, startHarness, type Harness } from './harness.ts';
import { testSession } from '../helpers/auth.ts';
import { sharedData } from '../helpers/tmp.ts';

/**
 * Early warning from the browser on a fresh data directory (issue 27): the empty inbox points to the Data and
 * items tab; there a monthly CSV (China's HS6 exports of critical minerals, UN Comtrade-derived) is previewed with
 * its guessed column mapping and imported; items are added (one the dataset lacks is flagged); a scan of
 * Oct–Dec 2023 stores the graphite control's alerts, which the inbox then shows for those months. Figures are
 * checked against the API.
 */
const csvFile = path.join(sharedData, 'monthly/china-critical-minerals/deep_dive_hs6_monthly.csv');

describe('early warning set up from the browser', () => {
  let h: Harness;
  let headers: Record<string, string>;

  beforeAll(async () => {
    h = await startHarness();
    headers = (await testSession(h.app, { role: 'analyst', level: 3 })).headers;
  });
  afterAll(async () => h?.close());

  it('imports with a previewed mapping, adds items, scans Oct–Dec 2023 and opens the inbox on them (ja)', async () => {
    const page = await newPage(h, 'ja');
    await page.goto(`${h.baseUrl}/#/ews`);
    const empty = page.getByTestId('ews-empty');
    await empty.waitFor();
    await empty.getByRole('link', { name: '「データと監視品目」タブを開く' }).first().click();
    await page.getByTestId('ews-import').waitFor();
    expect(await page.getByRole('link', { name: 'データと監視品目' }).getAttribute('aria-current')).toBe(
      'page',
    );

    await page.locator('input[name="file"]').setInputFiles(csvFile);
    // The file's first lines are shown with the guessed mapping in the selects.
    await page.getByTestId('ews-upload-preview').getByText('Australia').first().waitFor();
    expect(await page.locator('select[name="map-period"]').inputValue()).toBe('period_dt');
    expect(await page.locator('select[name="map-hs"]').inputValue()).toBe('hs6');
    await page.locator('input[name="reporter"]').fill('CHN');
    await page.locator('select[name="flow"]').selectOption('export');
    await page.locator('input[name="unit"]').fill('kg');
    await page.locator('input[name="valueUnit"]').fill('USD');
    await page.getByRole('button', { name: 'プレビュー' }).click();
    const summary = page.getByTestId('ews-preview-summary');
    await page.getByText('金額の単位は 米ドル').waitFor();
    const rows = Number(await summary.getAttribute('data-rows'));
    expect(rows).toBeGreaterThan(6000);
    expect(await summary.innerText()).toContain('2017-01〜2024-12');
    // Countries by name in the rows kept: Australia, the file's first partner.
    expect(await page.getByTestId('ews-upload-preview').innerText()).toContain('オーストラリア');

    await page.locator('input[name="dataset"]').fill('cn-hs6');
    await page.locator('input[name="title"]').fill('中国の重要鉱物輸出 HS6');
    await page.getByRole('button', { name: '取り込む' }).click();
    const imported = page.getByTestId('ews-import-status');
    await imported.getByText('cn-hs6 として取り込みました').waitFor();
    expect(await imported.innerText()).toContain(`${rows} 行`);
    const catalog = await getJson<{ items: { id: string; rows: number }[] }>(h, headers, '/api/datasets');
    expect(catalog.items.find((d) => d.id === 'cn-hs6')?.rows).toBe(rows);

    const items = page.getByTestId('ews-items');
    await items.locator('select[name="dataset"]').waitFor();
    const addItem = async (hs: string) => {
      await items.locator('input[name="reporter"]').fill('CHN');
      await items.locator('input[name="hs"]').fill(hs);
      await items.locator('select[name="flow"]').selectOption('export');
      await items.getByRole('button', { name: '品目を追加' }).click();
      await page.getByTestId('ews-items-status').getByText('品目を追加しました。').waitFor();
    };
    await addItem('250410');
    await page.locator('[data-coverage="ok"]').waitFor();
    await addItem('260300');
    const flagged = page.locator('[data-coverage="no_rows"]');
    await flagged.waitFor();
    expect(await flagged.innerText()).toContain('このデータセットにはありません');
    expect(await page.getByTestId('ews-items-missing').innerText()).toContain('1 件');
    const graphiteRow = await page.locator('[data-coverage="ok"]').innerText();
    expect(graphiteRow).toContain('中国');
    // The dataset an item watches, by its title.
    expect(graphiteRow).toContain('中国の重要鉱物輸出 HS6');

    await page.locator('input[name="scan-from"]').fill('2023-10');
    await page.locator('input[name="scan-to"]').fill('2023-12');
    await page.getByRole('button', { name: '今すぐスキャン' }).click();
    const result = page.locator('[data-testid="ews-scan-result"][data-alerts]');
    await result.waitFor();
    const stored = Number(await result.getAttribute('data-alerts'));
    const api = await getJson<{ total: number }>(h, headers, '/api/ews/alerts?from=2023-10&to=2023-12');
    expect(stored).toBe(api.total);
    expect(stored).toBeGreaterThan(0);
    await screenshot(page, 'ews-setup-ja');

    await page.getByRole('link', { name: 'これらの月で警報一覧を開く' }).click();
    await page.locator(`[data-testid="ews-total"][data-total="${api.total}"]`).waitFor();
    const dec = await getJson<{ total: number }>(h, headers, '/api/ews/alerts?from=2023-12&to=2023-12');
    expect(dec.total).toBeGreaterThan(0);
    const periods = await page
      .locator('tbody tr[data-alert-id]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-period')));
    expect(periods.length).toBe(Math.min(25, api.total));
    expect(periods.every((p) => p! >= '2023-10' && p! <= '2023-12')).toBe(true);
    await page.context().close();
  });

  it('shows the tab in English with the items and what they watch', async () => {
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/ews/setup`);
    const flagged = page.locator('[data-coverage="no_rows"]');
    await flagged.waitFor();
    expect(await flagged.innerText()).toContain('not in this dataset');
    expect(await page.locator('[data-coverage="ok"]').innerText()).toContain('China');
    await page.context().close();
  });
});
