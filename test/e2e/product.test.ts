import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, screenshot, getJson, startTradeHarness, type Harness } from './harness.ts';
import { testSession } from '../helpers/auth.ts';

/**
 * Product dossier and country view in the browser, on the real BACI critical-minerals extract, USGS minerals,
 * HS labels (ja/en) and the marnet sea network: figures shown equal the API's, the map, Sankey and route map
 * are drawn, the dossier prints to a clean PDF, supplier rows link to the country view and back.
 */
const percent = (lang: string, share: number) =>
  new Intl.NumberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);

/** Painted (non-transparent) pixels of the first canvas under `selector`. */
function paintedPixels(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas`) as HTMLCanvasElement | null;
    if (!canvas) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  }, selector);
}

/** Country paths of a WorldMap painted with a choropleth colour (not the grey of countries without a value). */
function paintedCountries(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll(`${sel} svg path[stroke="#fff"]`)].filter((p) => {
        const fill = p.getAttribute('fill');
        return fill !== '#e6e8eb' && fill !== 'none';
      }).length,
    selector,
  );
}

describe('product dossier and country view', () => {
  let h: Harness;
  let headers: Record<string, string>;
  const api = <T>(url: string) => getJson<T>(h, headers, url);
  beforeAll(async () => {
    h = await startTradeHarness({ minerals: true, labels: true, seaNetwork: true });
    headers = (await testSession(h.app, { role: 'viewer' })).headers;
  });
  afterAll(async () => h?.close());

  it('shows the 811292 dossier of JPN 2024 in English: top supplier, map, Sankey, verdicts, routes, print', async () => {
    interface D {
      years: {
        year: number;
        topSupplier: string;
        topShare: number;
        suppliers: { partner: string; share: number }[];
      }[];
      verdicts: { method: string; flagged: boolean }[];
      minerals: { commodity: string }[];
    }
    const dossier = await api<D>('/api/products/811292?reporter=JPN&year=2024');
    const y2024 = dossier.years.find((y) => y.year === 2024)!;
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/product/811292?reporter=JPN&year=2024`);
    await page.getByTestId('top-supplier').waitFor();
    expect(await page.getByTestId('top-supplier').getAttribute('data-iso3')).toBe(y2024.topSupplier);
    expect(await page.getByTestId('top-share').innerText()).toBe(percent('en', y2024.topShare));
    expect(await page.locator('h2').innerText()).toContain('Gallium, germanium');
    // The supplier table lists every supplier, largest first, with the API's shares.
    const rows = page.getByTestId('supplier-table').locator('tbody tr');
    expect(await rows.count()).toBe(y2024.suppliers.length);
    expect(await rows.first().getAttribute('data-partner')).toBe(y2024.topSupplier);
    expect(await rows.first().getByTestId('supplier-share').innerText()).toBe(
      percent('en', y2024.suppliers[0].share),
    );
    // Choropleth: one painted country per supplier with an ISO numeric code (≥ most of them), plus Japan.
    expect(await paintedCountries(page, '.dossier-grid')).toBeGreaterThanOrEqual(
      Math.min(10, y2024.suppliers.length),
    );
    // The Sankey canvas is drawn.
    await page.waitForFunction(() => document.querySelector('[data-testid="sankey"] canvas') !== null);
    await page.waitForTimeout(300);
    expect(await paintedPixels(page, '[data-testid="sankey"]')).toBeGreaterThan(5000);
    // Every method's verdict, as the API says.
    for (const v of dossier.verdicts) {
      expect(await page.getByTestId(`verdict-${v.method}`).innerText()).toBe(
        v.flagged ? 'Flagged' : 'Not flagged',
      );
    }
    expect(await page.locator('.mineral').count()).toBe(dossier.minerals.length);
    expect(await page.locator('.mineral').first().innerText()).toContain(dossier.minerals[0].commodity);
    // Chokepoint exposure with route lines on the map.
    await page.getByTestId('passages').waitFor({ timeout: 60_000 });
    const exposure = await api<{ passages: { passage: string; shareOfImports: number }[] }>(
      '/api/maritime/exposure?reporter=JPN&year=2024&hs=811292',
    );
    const firstPassage = page.getByTestId('passages').locator('tbody tr').first();
    expect(await firstPassage.getAttribute('data-passage')).toBe(exposure.passages[0].passage);
    expect(await firstPassage.innerText()).toContain(percent('en', exposure.passages[0].shareOfImports));
    const routeLines = await page.locator('[data-testid="route-map"] svg path[fill="none"]').count();
    expect(routeLines).toBeGreaterThan(0);
    expect(await page.getByTestId('provenance').innerText()).toContain('V202601');
    await page.getByTestId('print').waitFor();
    expect(await page.getByTestId('print').innerText()).toBe('Print / PDF');
    await screenshot(page, 'product-811292-en');
    // Print: the header and controls are hidden, the PDF is a real PDF of several pages.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app header').isVisible()).toBe(false);
    expect(await page.getByTestId('print').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    fs.mkdirSync(path.resolve('test-results'), { recursive: true });
    fs.writeFileSync(path.resolve('test-results', 'product-811292-en.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
    // The top supplier's row links to the country view.
    await rows.first().getByRole('link').click();
    await page.getByTestId('country-summary').waitFor();
    expect(page.url()).toContain(`#/country/${y2024.topSupplier}?reporter=JPN&year=2024`);
    await page.context().close();
  });

  it('shows the dossier in Japanese with the Japanese label and shares', async () => {
    const dossier = await api<{ labelJa: string; years: { year: number; topShare: number }[] }>(
      '/api/products/850511?reporter=JPN&year=2024',
    );
    const page = await newPage(h, 'ja');
    await page.goto(`${h.baseUrl}/#/product/850511?reporter=JPN&year=2024`);
    await page.getByTestId('top-share').waitFor();
    expect(await page.locator('h2').innerText()).toContain(dossier.labelJa.slice(0, 10));
    expect(await page.getByTestId('top-share').innerText()).toBe(
      percent('ja', dossier.years.at(-1)!.topShare),
    );
    expect(await page.getByRole('heading', { name: '各手法による判定（2024年）' }).count()).toBe(1);
    expect(await page.getByTestId('critical').first().innerText()).toBe('永久磁石');
    await page.getByTestId('passages').waitFor({ timeout: 60_000 });
    await screenshot(page, 'product-850511-ja');
    // Another year from the year selector: the URL follows and the figures are the API's for that year.
    const y2021 = dossier.years.find((y) => y.year === 2021)!;
    await page.getByLabel('年', { exact: true }).selectOption('2021');
    await page.waitForFunction(() => window.location.hash.includes('year=2021'));
    await page.getByRole('heading', { name: '各手法による判定（2021年）' }).waitFor();
    expect(await page.getByTestId('top-share').innerText()).toBe(percent('ja', y2021.topShare));
    await page.context().close();
  });

  it('takes a group as reporter (EU27), with intra-EU flows left out', async () => {
    const dossier = await api<{ years: { year: number; topSupplier: string; topShare: number }[] }>(
      '/api/products/850511?reporter=EU27&year=2024',
    );
    const y = dossier.years.find((d) => d.year === 2024)!;
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/product/850511?reporter=EU27&year=2024`);
    await page.getByTestId('top-share').waitFor();
    expect(await page.getByTestId('top-supplier').getAttribute('data-iso3')).toBe(y.topSupplier);
    expect(await page.getByTestId('top-share').innerText()).toBe(percent('en', y.topShare));
    // No EU member appears as a supplier of the EU.
    expect(await page.locator('[data-testid="supplier-table"] tr[data-partner="DEU"]').count()).toBe(0);
    await page
      .getByTestId('maritime')
      .getByText(/not available here/)
      .waitFor();
    await page.context().close();
  });

  it('shows what China supplies Japan and links back to the dossiers', async () => {
    const supplies = await api<{
      totalShare: number;
      items: { hs6: string; share: number }[];
    }>('/api/countries/CHN/supplies?reporter=JPN&year=2024');
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/country/CHN?reporter=JPN&year=2024`);
    await page
      .getByTestId('country-summary')
      .waitFor({ timeout: 60_000 })
      .catch(async (e: Error) => {
        await screenshot(page, 'country-CHN-en-failed');
        throw new Error(`${e.message}\n${(await page.locator('main').innerText()).slice(-1500)}`);
      });
    expect(await page.getByTestId('country-summary').innerText()).toContain(
      `(${percent('en', supplies.totalShare)})`,
    );
    const rows = page.getByTestId('supplies-table').locator('tbody tr');
    expect(await rows.count()).toBe(supplies.items.length);
    expect(await rows.first().getAttribute('data-hs6')).toBe(supplies.items[0].hs6);
    expect(await rows.first().getByTestId('supply-share').innerText()).toBe(
      percent('en', supplies.items[0].share),
    );
    // The most exposed product: the highest share from China.
    const top = [...supplies.items].sort((a, b) => b.share - a.share)[0];
    expect(await page.getByTestId('exposed-table').locator('tbody tr').first().getAttribute('data-hs6')).toBe(
      top.hs6,
    );
    await screenshot(page, 'country-CHN-en');
    await rows.first().getByRole('link').click();
    await page.getByTestId('top-share').waitFor();
    expect(page.url()).toContain(`#/product/${supplies.items[0].hs6}?reporter=JPN&year=2024`);
    await page.context().close();
  });
});
