import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, screenshot, startTradeHarness, type Harness } from './harness.ts';
import { testSession } from '../helpers/auth.ts';
import { settleRunningWork } from '../../src/server/jobs/runner.ts';

/**
 * Markings everywhere (PRODUCT.md §3.9): the real BACI critical-minerals extract is marked 秘 (level 2) with the
 * compartment "minerals" through the administration page. An uncleared viewer (level 0) then finds no trace of
 * it, nor of anything computed from it, on any page that shows data (Home, screening, product dossier, country
 * view, jobs); a cleared analyst sees it all, with the marking badge.
 */
const viewsSource = fs.readFileSync(path.resolve('web/src/views.ts'), 'utf8');
/** Pages other engineers build alongside: checked when this build has them. */
const built = (view: string) => viewsSource.includes(`path: '${view}'`);

/** Waits until the page has stopped fetching, so "absent" means absent and not "not loaded yet". */
async function settled(page: Page): Promise<string> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
  return page.locator('main').innerText();
}

describe('markings everywhere', () => {
  let h: Harness;
  let trade: { id: string; version: string; title: string };
  let analyst: Record<string, string>;
  const analystSession = { role: 'analyst' as const, level: 2 as const, compartments: ['minerals'] };
  const viewerSession = { role: 'viewer' as const, level: 0 as const };
  beforeAll(async () => {
    h = await startTradeHarness({ labels: true });
    analyst = (await testSession(h.app, analystSession)).headers;
    const list = (await h.app.inject({ url: '/api/datasets', headers: analyst })).json();
    trade = list.items.find((d: { kind: string }) => d.kind === 'trade-annual');
  });
  afterAll(async () => h?.close());

  it('marks the trade dataset 秘/minerals in the administration page', async () => {
    expect(trade.id).toBe('baci-hs17');
    const page = await newPage(h, 'en', { role: 'administrator', level: 3, compartments: ['minerals'] });
    await page.goto(`${h.baseUrl}/#/admin/markings`);
    await page.getByRole('combobox', { name: /^Dataset/ }).selectOption(trade.id);
    await page.getByText('Current marking').getByTestId('marking').getByText('Public').waitFor();
    await page.getByRole('combobox', { name: /^Level/ }).selectOption('2');
    await page.getByRole('textbox', { name: /^Compartments/ }).fill('minerals');
    await page.getByRole('button', { name: 'Change marking' }).click();
    await page.getByText('Marking changed.').waitFor();
    expect(await page.getByText('Current marking').getByTestId('marking').innerText()).toBe(
      'Confidential · minerals',
    );
    // Lowering it again without the declassify permission: the API refuses, and the page says so.
    await page.getByRole('combobox', { name: /^Level/ }).selectOption('0');
    await page.getByRole('textbox', { name: /^Compartments/ }).fill('');
    await page.getByRole('textbox', { name: /^Reason/ }).fill('no longer sensitive after publication');
    await page.getByRole('button', { name: 'Change marking' }).click();
    await page
      .locator('.form-box [role="alert"]')
      .getByText(/declassify/)
      .waitFor();
    await screenshot(page, 'clearance-marking-en');
    await page.context().close();
    const marking = (
      await h.app.inject({ url: `/api/datasets/${trade.id}/marking`, headers: analyst })
    ).json();
    expect(marking.marking).toEqual({ level: 2, compartments: ['minerals'], releasableTo: null });

    // A job computed from the marked dataset carries its marking (a screen of every reporter, by the analyst).
    const started = await h.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: analyst,
      payload: { kind: 'screen-all', year: 2024, dataset: trade.id },
    });
    expect(started.statusCode).toBe(202);
    await settleRunningWork();
    const job = (await h.app.inject({ url: `/api/jobs/${started.json().id}`, headers: analyst })).json();
    expect(job.status).toBe('done');
    expect(job.marking.level).toBe(2);
  });

  it('shows the cleared analyst the dataset and what is derived from it, with the marking badge', async () => {
    const page = await newPage(h, 'en', analystSession);
    await page.goto(h.baseUrl);
    const row = page.locator(`tr[data-dataset="${trade.id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('marking').innerText()).toBe('Confidential · minerals');
    const jobs = page.getByTestId('jobs');
    await jobs.waitFor();
    expect(await jobs.getByTestId('marking').first().innerText()).toBe('Confidential · minerals');

    if (built('product')) {
      await page.goto(`${h.baseUrl}/#/product/811292?reporter=JPN&year=2024`);
      await page.getByTestId('top-share').waitFor();
      expect(await page.getByTestId('marking').first().innerText()).toContain('Confidential');
      expect(await page.getByTestId('provenance').innerText()).toContain('V202601');
    }
    if (built('country')) {
      await page.goto(`${h.baseUrl}/#/country/CHN?reporter=JPN&year=2024`);
      await page.getByTestId('country-summary').waitFor();
      expect(await page.getByTestId('marking').first().innerText()).toContain('Confidential');
    }
    if (built('screen')) {
      await page.goto(`${h.baseUrl}/#/screen?reporter=JPN&year=2024`);
      await page.getByTestId('screen-table').waitFor();
      expect(await page.getByTestId('screen-table').locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('marking').first().innerText()).toContain('Confidential');
    }
    await page.context().close();
  });

  it('shows an uncleared viewer no trace of the marked dataset or what is derived from it', async () => {
    const page = await newPage(h, 'en', viewerSession);
    await page.goto(h.baseUrl);
    await page.getByTestId('datasets').waitFor();
    const home = await settled(page);
    // The HS nomenclature (public) is listed; the marked trade dataset is absent, as are the jobs computed from it.
    expect(await page.locator('tr[data-dataset="hs"]').count()).toBe(1);
    expect(await page.locator(`tr[data-dataset="${trade.id}"]`).count()).toBe(0);
    expect(await page.getByTestId('jobs').count()).toBe(0);
    expect(home).not.toContain(trade.id);
    expect(home).not.toContain('V202601');
    expect(home).not.toContain('Confidential');
    await screenshot(page, 'clearance-viewer-home-en');

    for (const [view, url] of [
      ['product', '/#/product/811292?reporter=JPN&year=2024'],
      ['country', '/#/country/CHN?reporter=JPN&year=2024'],
      ['screen', '/#/screen?reporter=JPN&year=2024'],
    ].filter(([view]) => built(view))) {
      await page.goto(`${h.baseUrl}${url}`);
      const text = await settled(page);
      expect(await page.getByTestId('top-share').count(), view).toBe(0);
      expect(await page.getByTestId('country-summary').count(), url).toBe(0);
      expect(await page.locator('[data-testid="screen-table"] tbody tr').count(), url).toBe(0);
      expect(text, url).not.toContain('V202601');
      expect(text, url).not.toContain('Confidential');
      // "Not found", never "forbidden": a hidden object does not exist.
      expect(text.toLowerCase(), url).not.toContain('forbidden');
    }
    await page.context().close();

    // The API agrees: the jobs list and the dataset list count nothing marked.
    const { headers } = await testSession(h.app, viewerSession);
    const jobs = (await h.app.inject({ url: '/api/jobs', headers })).json();
    expect(jobs.total).toBe(0);
    const datasets = (await h.app.inject({ url: '/api/datasets', headers })).json();
    expect(datasets.items.map((d: { id: string }) => d.id)).not.toContain(trade.id);
  });
});
