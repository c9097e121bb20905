import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, startTradeHarness, type Harness } from './harness.ts';
import { baciCriticalMineralsCsv as baciCsv } from '../helpers/sharedTrade.ts';
import { settleRunningWork } from '../../src/server/jobs/runner.ts';
import { formatUsd, formatYen } from '../../web/src/format/numbers.ts';

const products = ['811292', '850511'];

/**
 * Japan's 2024 imports from China (BACI code 156 → 392) of each product, thousand USD, read straight from the
 * CSV (independently of the importer and the scenario code).
 */
function chinaToJapan2024(): Record<string, number> {
  const byProduct: Record<string, number> = Object.fromEntries(products.map((p) => [p, 0]));
  const lines = fs.readFileSync(baciCsv, 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    const [t, i, j, k, v] = line.split(',');
    if (t === '2024' && i === '156' && j === '392' && products.includes(k)) byProduct[k] += Number(v);
  }
  return byProduct;
}

/** Painted (non-white, non-transparent) pixels of the first canvas under a selector. */
async function paintedPixels(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas`) as HTMLCanvasElement | null;
    if (!canvas) return 0;
    const ctx = canvas.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let p = 0; p < data.length; p += 4) {
      if (data[p + 3] > 0 && (data[p] < 240 || data[p + 1] < 240 || data[p + 2] < 240)) n++;
    }
    return n;
  }, selector);
}

async function waitForRunDone(page: Page): Promise<string> {
  const status = page.getByTestId('run-status');
  await page.waitForFunction(
    () => {
      const s = document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status');
      return s === 'done' || s === 'failed';
    },
    undefined,
    { timeout: 60_000 },
  );
  expect(await status.getAttribute('data-status')).toBe('done');
  return new URL(page.url()).hash.match(/run=([^&]+)/)![1];
}

describe('scenario pages', () => {
  let h: Harness;
  const flows = chinaToJapan2024();
  const annual = flows['811292'] + flows['850511'];
  // 80 % cut for 6 months, then supply returns linearly over the 2-month ramp-up: 6 + 2/2 = 7 months of cut.
  const lostByHand = (months: number, value = annual) => (0.8 * value * (months + 2 / 2)) / 12;
  let firstRun = '';
  let scenarioId = '';

  beforeAll(async () => {
    h = await startTradeHarness({ datasetId: 'baci-cm', ioTable: true });
  });
  afterAll(async () => {
    await settleRunningWork();
    await h?.close();
  });

  it('creates, validates, saves, runs, exports and compares a scenario (English)', async () => {
    expect(annual).toBeCloseTo(16149.339 + 156879.57, 3); // the two BACI rows, as printed in the CSV
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/scenarios`);
    await page.getByRole('heading', { name: 'Scenario analysis' }).waitFor();
    await page.getByRole('link', { name: 'New scenario' }).click();
    await page
      .getByLabel('Name (English)')
      .fill('China cuts 80 % of 811292 and 850511 exports to Japan for 6 months');
    await page.getByLabel('Name (Japanese)').fill('中国が811292・850511の対日輸出を6か月間80%削減');
    await page.getByLabel('Products (HS6 codes, or all)').fill('811292, 850511');
    await page.getByLabel('Share cut (%)').fill('80');
    await page.getByLabel('Stock cover of every product (days of imports)').fill('30');
    await page.getByLabel("Largest diverted share of a partner's exports to third countries (%)").fill('2');
    await page.getByLabel('Ramp-up time (months)').fill('2');
    await page.getByLabel('Draws').fill('20');
    await page.getByLabel('Marking of the scenario').selectOption('1');

    // A negative duration is refused by the API, and the error is shown next to the duration field.
    await page.getByLabel('Duration (months)').fill('-6');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const error = page.locator('[data-error-for="shocks[0].duration"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('must not be negative');
    expect(await page.locator('#sc-shocks-0-duration').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'scenarios-editor-error-en');

    await page.getByLabel('Duration (months)').fill('6');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/#\/scenarios\/[0-9a-f-]{36}$/);
    scenarioId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: /China cuts 80 %.*version 1/ }).waitFor();
    expect(await page.locator('#scenario-heading [data-testid="marking"]').innerText()).toBe('Restricted');

    // The YAML view shows the saved text.
    await page.getByRole('tab', { name: 'YAML text' }).click();
    const yaml = await page.getByLabel(/Scenario as YAML/).inputValue();
    expect(yaml).toContain('- "811292"');
    expect(yaml).toContain('share: 0.8');
    expect(yaml).toMatch(/default: 30/);

    await page.getByTestId('run-button').click();
    await page.locator('#run-progress').waitFor();
    firstRun = await waitForRunDone(page);

    const api = await page.evaluate(async (id) => (await fetch(`/api/scenario-runs/${id}`)).json(), firstRun);
    expect(api.status).toBe('done');
    expect(api.marking.level).toBe(1);
    const shown = Number(await page.getByTestId('total-lost').getAttribute('data-value'));
    expect(shown).toBe(api.result.totals.lost.value);
    expect(shown).toBeCloseTo(lostByHand(6), 3);
    expect(await page.getByTestId('total-lost').innerText()).toContain(formatUsd(shown * 1000, 'en'));
    for (const p of products) {
      const cell = page.getByTestId(`lost-${p}`);
      expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(lostByHand(6, flows[p]), 3);
    }
    expect(await page.getByTestId('binding-first').innerText()).toContain(
      'Products whose shortfall binds first',
    );
    expect(await page.getByTestId('sector-table').locator('tbody tr').count()).toBe(13);
    expect(await paintedPixels(page, '[data-testid="timeline-chart"]')).toBeGreaterThan(2000);
    expect(await paintedPixels(page, '[data-testid="output-chart"]')).toBeGreaterThan(2000);
    expect(await paintedPixels(page, '[data-testid="product-chart"]')).toBeGreaterThan(2000);
    const sources = await page.getByTestId('provenance').innerText();
    expect(sources).toContain('CEPII BACI');
    expect(sources).toContain('Japan input-output table');
    expect(await page.locator('.methods').innerText()).toContain('HiGHS');
    await screenshot(page, 'scenarios-results-en');

    // Export: the CSV the API writes, downloaded from the page.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const csv = fs
      .readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    const header = csv[0].split(',');
    expect(header.slice(0, 3)).toEqual(['product', 'imports_kusd', 'lost_kusd']);
    const rows = csv.slice(1).map((line) => line.split(','));
    const csvLost = rows.reduce((s, r) => s + Number(r[2]), 0);
    expect(csvLost).toBeCloseTo(lostByHand(6), 3);
    expect(rows.map((r) => r[0]).sort()).toEqual(products);
    expect(rows.every((r) => r[header.indexOf('dataset')] === 'baci-cm')).toBe(true);

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-json').click(),
    ]);
    const exported = JSON.parse(fs.readFileSync((await json.path())!, 'utf8'));
    expect(exported.marking.level).toBe(1);
    expect(exported.result.totals.lost.value).toBe(shown);
    expect(exported.result.provenance.trade.dataset).toBe('baci-cm');

    // A second version (3 months) edited in the YAML text, run, then both runs compared side by side.
    await page.getByRole('tab', { name: 'YAML text' }).click();
    const text = await page.getByLabel(/Scenario as YAML/).inputValue();
    await page
      .getByLabel(/Scenario as YAML/)
      .fill(
        text
          .replace('duration: 6', 'duration: 3')
          .replace('for 6 months', 'for 3 months')
          .replace('6か月間', '3か月間'),
      );
    await page.getByRole('button', { name: 'Save as new version' }).click();
    await page.getByRole('heading', { name: /version 2/ }).waitFor();
    await page.getByTestId('run-button').click();
    const secondRun = await waitForRunDone(page);
    expect(secondRun).not.toBe(firstRun);
    for (const id of [firstRun, secondRun])
      await page.getByLabel(`Select for comparison ${id.slice(0, 8)}`).check();
    await page.getByRole('button', { name: 'Compare selected runs' }).click();
    const lostRow = page.getByTestId('comparison-totals').locator('tr[data-metric="lost"] [data-value]');
    await lostRow.first().waitFor();
    const values = await lostRow.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    const bySelection = new URL(page.url()).hash.includes(`runs=${firstRun}`)
      ? values
      : [...values].reverse();
    expect(bySelection[0]).toBeCloseTo(lostByHand(6), 3);
    expect(bySelection[1]).toBeCloseTo(lostByHand(3), 3);
    expect(await page.locator('#compare-heading [data-testid="marking"]').innerText()).toBe('Restricted');
    await screenshot(page, 'scenarios-compare-en');
    await page.context().close();
  });

  it('shows the saved scenario and its results in Japanese, in yen when asked', async () => {
    const page = await newPage(h, 'ja');
    await page.goto(`${h.baseUrl}/#/scenarios`);
    await page.locator('header h1').waitFor();
    if ((await page.getByRole('button', { name: '日本語' }).count()) > 0)
      await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: 'シナリオ分析' }).waitFor();
    const row = page
      .getByTestId('scenario-list')
      .locator('tr', { hasText: '中国が811292・850511の対日輸出を3か月間80%削減' });
    await row.waitFor();
    expect(await row.locator('td.num').innerText()).toBe('2'); // version 2 after the edit
    expect(await row.getByTestId('marking').innerText()).toBe('取扱注意');
    await page.goto(`${h.baseUrl}/#/scenarios/${scenarioId}?version=1&run=${firstRun}`);
    await page.getByTestId('total-lost').waitFor();
    // Version 1 is shown under its own name (6 months), not the current version's.
    expect(await page.locator('#scenario-heading').innerText()).toMatch(/6か月間80%削減\s*第1版/);
    expect(await page.locator('.methods').innerText()).toContain('線形計画法（HiGHS）による代替調達');
    const value = Number(await page.getByTestId('total-lost').getAttribute('data-value'));
    expect(value).toBeCloseTo(lostByHand(6), 3);
    expect(await page.getByTestId('total-lost').innerText()).toContain(formatUsd(value * 1000, 'ja'));
    await page.getByLabel('通貨', { exact: true }).selectOption('JPY');
    await page.getByLabel('1ドル =').fill('150');
    expect(await page.getByTestId('total-lost').innerText()).toContain(formatYen(value * 1000 * 150, 'ja'));
    expect(await page.getByText('存続可能期間（TTS）と回復期間（TTR）').count()).toBeGreaterThan(0);
    expect(await paintedPixels(page, '[data-testid="timeline-chart"]')).toBeGreaterThan(2000);
    await screenshot(page, 'scenarios-results-ja');
    await page.context().close();

    // A viewer cleared only for public information sees neither the restricted scenario nor its run.
    const viewer = await newPage(h, 'en', { role: 'viewer', level: 0 });
    await viewer.goto(`${h.baseUrl}/#/scenarios`);
    await viewer.getByText('No saved scenarios yet.').waitFor();
    await viewer.goto(`${h.baseUrl}/#/scenarios/${scenarioId}?run=${firstRun}`);
    await viewer.getByRole('alert').first().waitFor();
    expect(await viewer.getByTestId('total-lost').count()).toBe(0);
    await viewer.context().close();
  });
});
