import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { fetchDataset } from '../../src/data/fetch/fetchDataset.ts';
import { findManifest } from '../../src/data/manifests/index.ts';
import { testSession } from '../helpers/auth.ts';
import fs from 'node:fs';
import path from 'node:path';
import { sharedData } from '../helpers/tmp.ts';
import { importSharedTrade } from '../helpers/sharedTrade.ts';
import { newPage, screenshot, startHarness, type Harness } from './harness.ts';

/**
 * Export control in the browser (issue 20) on METI's End User List and the Export Trade Control Order fetched
 * from the mirror: an analyst screens a listed university, sees the hit with the list's version and why it
 * matched, records a decision that the case keeps, screens a counterparty file as a job; in Japanese, a
 * catch-all check of item 16 to China for that end user.
 */
const npu = 'Northwestern Polytechnical University';

describe('export control', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(async (dir) => {
      const dataDir = new DataDir(dir).ensure();
      await importSharedTrade(dataDir);
      for (const id of ['meti-end-user-list', 'jp-export-control-order'])
        await fetchDataset(findManifest(id), { dataDir, mirror: sharedData });
    });
  });
  afterAll(async () => h?.close());

  it('screens a listed name, shows why it matched, and records a decision on the case', async () => {
    // The figures the page must show: the API's own answer for the same screen.
    const { headers } = await testSession(h.app, { role: 'analyst', level: 3 });
    const api = await h.app.inject({
      method: 'POST',
      url: '/api/export-control/screenings',
      headers,
      payload: { name: npu, country: 'CHN' },
    });
    expect(api.statusCode, api.body).toBe(200);
    const best = api.json().matches[0] as { name: string; score: number; listVersion: string; list: string };
    expect(best).toMatchObject({ list: 'meti-eul', listVersion: '2025-09-29' });
    expect(best.name).toContain(npu);

    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/export-control`);
    await page.getByRole('heading', { name: 'Screen a party' }).waitFor();
    await page
      .getByTestId('ec-lists')
      .getByText(/End User List/)
      .waitFor();
    await page.getByLabel('Name', { exact: true }).fill(npu);
    await page.getByLabel('Country (optional)').fill('CHN');
    await page.getByLabel('Keep as a case').check();
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    const result = page.getByTestId('ec-screen-result');
    const row = result.getByTestId('ec-match').first();
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toContain(`meti-eul`);
    expect(cells[0]).toContain(`version ${best.listVersion}`);
    expect(cells[1]).toContain(best.name);
    expect(cells[2]).toBe(best.score.toFixed(2));
    expect(cells[4]).toMatch(/country agrees: CHN/);
    expect(await result.getByTestId('marking').first().innerText()).toMatch(/^Restricted/);
    expect(await result.getByTestId('provenance').innerText()).toContain(`version ${best.listVersion}`);

    await row.getByText('Decide…').click();
    await row.getByLabel('Decision', { exact: true }).selectOption('match');
    await row.getByLabel('Reason').fill('Same university: name and country agree with the METI entry.');
    await row.getByRole('button', { name: 'Record the decision' }).click();
    await row.locator('.ec-status', { hasText: 'Match' }).waitFor();
    await screenshot(page, 'export-control-screen-en');

    await result.getByRole('link', { name: 'Open the case' }).click();
    const trail = page.getByTestId('ec-trail');
    await trail.getByText('Decision recorded').waitFor();
    expect(await page.getByTestId('ec-case').innerText()).toContain('Party screening');
    const fileLink = await page.getByRole('link', { name: 'Download XLSX' }).getAttribute('href');
    const file = await h.app.inject({ url: fileLink!, headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['x-chokepoint-marking']).toBeDefined();
  });

  it('screens a counterparty file as a job and links its case', async () => {
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/export-control`);
    await page.getByRole('heading', { name: 'Screen a counterparty file' }).waitFor();
    const csv = `name,country\n${npu},CHN\nToyota Motor Corporation,JPN\n`;
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'parties.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Screen the file' }).click();
    const job = page.getByTestId('ec-batch-job');
    await job.getByText('2 parties screened, 1 with hits.').waitFor();
    await job.getByRole('link', { name: 'Open the case' }).click();
    await page.getByTestId('ec-case').getByText('Batch screening').first().waitFor();
    expect(await page.getByTestId('ec-matches').first().innerText()).toContain(npu);
  });

  it('runs a catch-all check in Japanese: item 16 to China for a listed end user', async () => {
    const page = await newPage(h, 'ja');
    await page.goto(`${h.baseUrl}/#/export-control/check`);
    await page.getByRole('heading', { name: '取引審査（該非・キャッチオール）' }).waitFor();
    const form = page.getByRole('form', { name: '取引審査（該非・キャッチオール）' });
    await form.getByLabel('品目（HS コードまたは項番）').fill('16');
    await form.getByLabel('仕向地').fill('CHN');
    await form.getByLabel('需要者（照合します）').fill('西北工業大学');
    await form.getByRole('button', { name: '判定', exact: true }).click();
    const verdict = page.getByTestId('ec-verdict');
    expect(await verdict.getByTestId('ec-verdict-text').innerText()).toBe('キャッチオール確認が必要');
    expect(await verdict.innerText()).toContain('外国ユーザーリスト');
    expect(await verdict.getByTestId('ec-questions').locator('li').count()).toBeGreaterThan(0);
    expect(await verdict.getByTestId('ec-matches').innerText()).toContain('西北工業大学');
    expect(await verdict.getByTestId('provenance').innerText()).toContain('jp-export-control-order');
    await screenshot(page, 'export-control-check-ja');
  });
  it('submits a prior report, sees the check on arrival and reviews it to a recommendation', async () => {
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/export-control/prior-reports`);
    const form = page.getByRole('form', { name: 'Prior report (事前報告)' });
    await form.getByLabel('Kind').selectOption('overseas-factory');
    await form.getByLabel('Company').fill('Sample Electronics K.K.');
    await form.getByLabel('Technology', { exact: true }).fill('SiC power device process');
    await form.getByLabel('Destination').fill('CHN');
    await form.getByLabel('Counterparty (screened)').fill(npu);
    await form.getByRole('button', { name: 'Submit the report' }).click();
    await page.getByRole('status').getByRole('link', { name: 'Open the case' }).click();
    const found = page.getByTestId('ec-case');
    expect(await found.getByTestId('ec-verdict-text').innerText()).toBe('Catch-all check required');
    expect(await found.getByTestId('ec-matches').innerText()).toContain(npu);
    const review = page.getByRole('form', { name: 'Review the report' });
    await review.getByRole('combobox', { name: /^Outcome/ }).selectOption('recommendation');
    await review.getByLabel('Reason').fill('The counterparty is on the End User List: change the plan.');
    await review.getByRole('button', { name: 'Record the review' }).click();
    await found.getByTestId('ec-reviews').getByText('Recommendation to change or stop the plan').waitFor();
    expect(
      await page
        .getByRole('form', { name: 'Change the status or assignee' })
        .getByLabel('Status')
        .inputValue(),
    ).toBe('escalated');
    expect(await found.getByTestId('ec-trail').innerText()).toContain('Reviewed');
  });
  it('runs the circumvention monitor on a product list: Turkey flagged for Russia ← G7, 2021→2024', async () => {
    // The critical-minerals codes of the extract as a product list (as test/exportControl/circumvention.test.ts).
    const codes = JSON.parse(
      fs.readFileSync(path.join(sharedData, 'baci-critical-minerals', 'critical_codes.json'), 'utf8'),
    ) as { codes: { hs6: string; material: string }[] };
    const products = [...new Map(codes.codes.map((c) => [c.hs6, { hs6: c.hs6, note: c.material }])).values()];
    const { headers } = await testSession(h.app, { role: 'analyst', level: 3 });
    const put = await h.app.inject({
      method: 'PUT',
      url: '/api/export-control/product-lists/critical-minerals',
      headers,
      payload: { title: { ja: '重要鉱物', en: 'Critical minerals' }, products },
    });
    expect(put.statusCode, put.body).toBe(200);
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/export-control/circumvention`);
    const form = page.getByRole('form', { name: 'Circumvention monitor' });
    await form.getByLabel('Product list').selectOption('critical-minerals');
    await form.getByLabel('Base year').fill('2021');
    await form.getByLabel('Year', { exact: true }).fill('2024');
    await form.getByRole('button', { name: 'Run the monitor' }).click();
    const report = page.getByTestId('ec-circumvention');
    const flagged = report.locator('tr.ec-flagged');
    await flagged.first().waitFor();
    // Countries by name (issue 27), the code kept on the cell.
    expect(await flagged.locator('td:first-child').allInnerTexts()).toEqual(['Türkiye']);
    expect(await flagged.locator('td:first-child').getAttribute('data-iso3')).toBe('TUR');
    expect(await report.getByTestId('provenance').innerText()).toContain('version V202601');
    await page.getByRole('button', { name: 'Keep this report as a case' }).click();
    await page.getByRole('link', { name: 'Open the case' }).click();
    await page.getByTestId('ec-case').getByText('Circumvention report').first().waitFor();
    await screenshot(page, 'export-control-circumvention-en');
  });
});
