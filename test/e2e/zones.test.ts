import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, startHarness, type Harness } from './harness.ts';
import { testSession } from '../helpers/auth.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb } from '../../src/data/analytics/duckdb.ts';
import { importSharedTechnology } from '../helpers/sharedTrade.ts';

describe('zones, technology and policy pages', () => {
  let h: Harness;
  let cookie: { name: string; value: string }[];
  beforeAll(async () => {
    h = await startHarness(async (dir) => {
      const dataDir = new DataDir(dir).ensure();
      const catalog = new Catalog(dataDir);
      const analytics = await openDuckDb();

      await importSharedTechnology({ dataDir, catalog, analytics });
      await analytics.close();
    });
    const { headers } = await testSession(h.app, { role: 'viewer' });
    cookie = headers.cookie.split('; ').map((c) => {
      const [name, value] = c.split('=');
      return { name, value };
    });
  });
  afterAll(async () => h?.close());

  it('shows the zone matrix with Japanese zone names, the rule that fired and dossier links', async () => {
    const page = await newPage(h, 'ja');
    await page.context().addCookies(cookie.map((c) => ({ ...c, url: h.baseUrl })));
    await page.goto(`${h.baseUrl}/#/zones`);
    // A ja-JP browser starts in Japanese; switch only when it did not.
    await page.locator('header h1').waitFor();
    if ((await page.getByRole('button', { name: '日本語' }).count()) > 0)
      await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: '重要物資・技術の3領域' }).waitFor();
    const row = page.locator('tr', { hasText: '半導体技術' });
    await row.waitFor();
    expect(await row.innerText()).toContain('② 我が国が技術優位性を持つ領域');
    expect(await row.innerText()).toContain('A1');
    expect(await row.getByRole('link', { name: 'PDF' }).getAttribute('href')).toBe(
      '/api/zones/tech-semiconductors/dossier?lang=ja&format=pdf',
    );
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
    await screenshot(page, 'zones-ja');
    await page.goto(`${h.baseUrl}/#/policy`);
    await page.locator('tr', { hasText: '半導体技術' }).waitFor();
    expect(await page.locator('tr', { hasText: '半導体技術' }).innerText()).toContain('輸出管理');
    await screenshot(page, 'policy-ja');
    await page.context().close();
  });
});
