import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, screenshot, getJson, startTradeHarness, type Harness } from './harness.ts';
import { testSession } from '../helpers/auth.ts';
import { formatShare, formatUsd } from '../../web/src/format/numbers.ts';
import { mapColours } from '../../web/src/features/chokepoints/mapLayers.ts';

/**
 * The chokepoints and critical goods views on the real marnet network (../shared/data/maritime) and the BACI
 * critical-minerals extract: figures on the page are checked against the API's answers for the same request.
 */
const {
  lane: laneColour,
  passageLane: passageColour,
  closedLane: closedColour,
  baseline: baselineColour,
  reroute: rerouteColour,
} = mapColours;

describe('chokepoints and critical goods pages', () => {
  let h: Harness;
  let headers: Record<string, string>;
  const get = <T>(url: string) => getJson<T>(h, headers, url);

  beforeAll(async () => {
    h = await startTradeHarness({ seaNetwork: true, labels: true });
    headers = (await testSession(h.app, { role: 'analyst' })).headers;
  });
  afterAll(async () => h?.close());

  /** Lane paths and the number of separate line pieces ("M" commands) they draw. */
  async function lanes(page: Page, colour: string): Promise<{ paths: number; pieces: number }> {
    return page.evaluate((c) => {
      const paths = [...document.querySelectorAll(`[data-testid="chokepoint-map"] svg path[stroke="${c}"]`)];
      return {
        paths: paths.length,
        pieces: paths.reduce((n, p) => n + (p.getAttribute('d')?.match(/M/g)?.length ?? 0), 0),
      };
    }, colour);
  }

  async function useLanguage(page: Page, lang: 'ja' | 'en') {
    await page.locator('header h1').waitFor();
    const other = lang === 'ja' ? '日本語' : 'English';
    if ((await page.getByRole('button', { name: other, exact: true }).count()) > 0) {
      await page.getByRole('button', { name: other, exact: true }).click();
    }
  }

  it('draws lanes and straits, shows exposure per strait as the API does, and reroutes around a closed Malacca (en)', async () => {
    const network = await get<{ features: { geometry: { coordinates: unknown[] } }[] }>(
      '/api/maritime/network.geojson',
    );
    const exposure = await get<{
      passages: { passage: string; shareOfImports: number; valueKusd: number }[];
      products: { product: string; byPassage: Record<string, number> }[];
    }>('/api/maritime/exposure?reporter=JPN&year=2024');
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/chokepoints?reporter=JPN&year=2024`);
    await useLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Maritime chokepoints' }).waitFor();
    await page.locator('[data-testid="strait-exposure"]').waitFor({ timeout: 60_000 });

    // Every lane piece of the API's network is drawn (d3 may split more at the antimeridian, never fewer).
    const plain = await lanes(page, laneColour);
    expect(plain.paths).toBeGreaterThan(0);
    const pieces = network.features.reduce((n, f) => n + f.geometry.coordinates.length, 0);
    const allLanes = (await lanes(page, laneColour)).pieces + (await lanes(page, passageColour)).pieces;
    expect(pieces).toBeGreaterThan(5000);
    expect(allLanes).toBeGreaterThanOrEqual(pieces);
    // 28 IMF PortWatch straits as markers, named in English.
    expect(await page.locator('[data-testid="chokepoint-map"] svg circle').count()).toBe(28);
    expect(
      await page
        .locator('[data-testid="chokepoint-map"] svg g title', { hasText: /^Strait of Hormuz/ })
        .count(),
    ).toBe(1);

    for (const id of ['malacca', 'ormuz']) {
      const api = exposure.passages.find((p) => p.passage === id)!;
      expect(api.shareOfImports).toBeGreaterThan(0);
      expect(await page.getByTestId(`share-${id}`).innerText()).toBe(formatShare(api.shareOfImports, 'en'));
    }
    // The product most exposed: the largest sum over straits of product × strait values in the API's answer.
    const through = (b: Record<string, number>) => Object.values(b).reduce((x, y) => x + y, 0);
    const top = [...exposure.products].sort((a, b) => through(b.byPassage) - through(a.byPassage))[0];
    expect(await page.locator('[data-testid="exposed-products"] tbody tr th').first().innerText()).toBe(
      top.product,
    );
    const malaccaRow = page.locator('tr[data-passage="malacca"]');
    expect(await malaccaRow.locator('th').innerText()).toBe('Malacca Strait');
    await screenshot(page, 'chokepoints-en');

    // Close Malacca in the what-if.
    await page.getByRole('group').getByLabel('Malacca Strait').check();
    await page.waitForURL(/closed=malacca/);
    await page.getByTestId('affected-value').waitFor({ timeout: 60_000 });
    const scenario = await get<{
      scenario: { affectedValueKusd: number; noRouteValueKusd: number };
      partners: { partner: string; scenario?: { affectedValueKusd: number; extraKm: number | null } }[];
    }>('/api/maritime/exposure?reporter=JPN&year=2024&closed=malacca');
    expect(await page.getByTestId('affected-value').innerText()).toBe(
      formatUsd(scenario.scenario.affectedValueKusd * 1000, 'en'),
    );
    // What closing a strait affects is exactly what passed it before (an independent reading of the baseline).
    expect(scenario.scenario.affectedValueKusd).toBeCloseTo(
      exposure.passages.find((p) => p.passage === 'malacca')!.valueKusd,
      3,
    );
    expect(await page.getByTestId('no-route-value').innerText()).toBe(
      formatUsd(scenario.scenario.noRouteValueKusd * 1000, 'en'),
    );
    const affected = scenario.partners.filter((p) => (p.scenario?.affectedValueKusd ?? 0) > 0);
    expect(await page.locator('[data-testid="affected-partners"] tbody tr').count()).toBe(affected.length);

    // Closed lanes turn red; rerouted lines are drawn next to today's routes, and differ from them.
    await page.waitForFunction(
      (c) => document.querySelectorAll(`[data-testid="chokepoint-map"] svg path[stroke="${c}"]`).length > 0,
      rerouteColour,
      { timeout: 30_000 },
    );
    expect((await lanes(page, closedColour)).paths).toBeGreaterThan(0);
    const dOf = (c: string) =>
      page.locator(`[data-testid="chokepoint-map"] svg path[stroke="${c}"]`).first().getAttribute('d');
    expect((await lanes(page, baselineColour)).paths).toBeGreaterThan(0);
    expect(await dOf(rerouteColour)).not.toBe(await dOf(baselineColour));

    // Route finder with the closure applied: Yokohama → Rotterdam avoids Malacca, as the API says.
    const route = await get<{ route: { distanceKm: number; passages: string[] } }>(
      '/api/maritime/route?from=JPYOK&to=NLRTM&closed=malacca',
    );
    expect(route.route.passages).not.toContain('malacca');
    // The port field suggests ports by name from the sea network (GET /api/maritime/ports).
    await page.getByLabel('To port (UN/LOCODE)').fill('rotterdam');
    await page.locator('#ports-to option[value="NLRTM"]').waitFor({ state: 'attached' });
    await page.getByLabel('To port (UN/LOCODE)').fill('NLRTM');
    await page.getByRole('button', { name: 'Find route' }).click();
    const result = page.getByTestId('route-result');
    await result.locator('ol.passages li').first().waitFor();
    expect(await result.locator('ol.passages li').allInnerTexts()).toHaveLength(route.route.passages.length);
    expect(await result.innerText()).toContain(
      `${new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(route.route.distanceKm)} km`,
    );
    expect(await result.innerText()).not.toContain('Malacca');
    await screenshot(page, 'chokepoints-closed-malacca-en');
    await page
      .getByTestId('chokepoint-map')
      .screenshot({ path: path.resolve('test-results', 'screenshots', 'chokepoints-map-en.png') });
    await page.context().close();
  });

  it('shows the same page in Japanese with Japanese strait names', async () => {
    const exposure = await get<{ passages: { passage: string; shareOfImports: number }[] }>(
      '/api/maritime/exposure?reporter=JPN&year=2024',
    );
    const page = await newPage(h, 'ja');
    await page.goto(`${h.baseUrl}/#/chokepoints?reporter=JPN&year=2024&closed=malacca`);
    await useLanguage(page, 'ja');
    await page.getByRole('heading', { name: 'チョークポイント（海上輸送の要衝）' }).waitFor();
    await page.locator('[data-testid="strait-exposure"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('tr[data-passage="ormuz"] th').innerText()).toBe('ホルムズ海峡');
    expect(await page.locator('tr[data-passage="malacca"] th').innerText()).toBe('マラッカ海峡');
    expect(await page.locator('tr[data-passage="babalmandab"] th').innerText()).toBe(
      'バブ・エル・マンデブ海峡',
    );
    const ormuz = exposure.passages.find((p) => p.passage === 'ormuz')!;
    expect(await page.getByTestId('share-ormuz').innerText()).toBe(formatShare(ormuz.shareOfImports, 'ja'));
    expect((await lanes(page, laneColour)).pieces).toBeGreaterThan(5000);
    expect(
      await page.locator('[data-testid="chokepoint-map"] svg g title', { hasText: /^スエズ運河/ }).count(),
    ).toBe(1);
    await page.getByTestId('affected-value').waitFor({ timeout: 60_000 });
    expect(await page.getByText('影響を受ける輸入額').first().isVisible()).toBe(true);
    await screenshot(page, 'chokepoints-ja');
    // The product filter: helium (HS 280429), Qatar's 60,821.838 of Japan's 199,066.989 thousand USD pass Hormuz
    // (CEPII BACI 2024, summed from the CSV by hand in test/maritime/exposure.test.ts).
    await page.getByLabel('品目（HSコードまたは上位桁、空欄は全品目）').fill('280429');
    await page.getByRole('button', { name: '表示', exact: true }).click();
    await page.waitForURL(/hs=280429/);
    await page.getByText('（HS 280429）').waitFor({ timeout: 60_000 });
    await page.getByTestId('share-ormuz').waitFor();
    expect(await page.getByTestId('share-ormuz').innerText()).toBe(formatShare(60821.838 / 199066.989, 'ja'));
    expect(await page.locator('[data-testid="freight-rules"]').innerText()).toContain('海上輸送');
    await page.context().close();
  });

  it('lists the 12 critical goods with headline risks from the screen, dossier links, and edits a mapping', async () => {
    const screen = await get<{ items: { hs6: string; topSupplier: string }[] }>(
      '/api/screens?reporter=JPN&year=2024&critical=true&pageSize=1000',
    );
    const countries = await get<{ items: { iso3: string; en: string; ja: string }[] }>('/api/countries');
    // A product outside the extract's codes is "not in this dataset", not "not imported" (issue 27).
    const { provenance } = await get<{ provenance: { dataset: string } }>(
      '/api/screens?reporter=JPN&year=2024&critical=true&pageSize=1',
    );
    const held = new Set(
      (await get<{ products: string[] }>(`/api/datasets/${provenance.dataset}/products`)).products,
    );
    const registry = await get<{ items: { hs: { hs6: string }[] }[] }>('/api/critical-goods');
    const outside = registry.items.flatMap((g) => g.hs.map((c) => c.hs6)).find((c) => !held.has(c))!;
    expect(held.has('811292')).toBe(true);
    for (const lang of ['en', 'ja'] as const) {
      const page = await newPage(h, lang);
      await page.goto(`${h.baseUrl}/#/critical?reporter=JPN&year=2024`);
      await useLanguage(page, lang);
      await page
        .getByRole('heading', { name: lang === 'ja' ? '特定重要物資' : 'Critical goods registry', level: 2 })
        .waitFor();
      await page.locator('[data-testid="top-supplier"]').first().waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-testid="goods-overview"] tbody tr').count()).toBe(12);
      for (const hs6 of ['850511', '811292', '720293']) {
        const item = screen.items.find((i) => i.hs6 === hs6)!;
        const cell = page.locator(`tr[data-hs6="${hs6}"] [data-testid="top-supplier"]`).first();
        expect(await cell.getAttribute('data-iso3')).toBe(item.topSupplier);
        expect(await cell.innerText()).toBe(countries.items.find((c) => c.iso3 === item.topSupplier)![lang]);
      }
      const missing = page.locator(`tr[data-hs6="${outside}"] td[data-missing]`).first();
      await page.locator('td[data-missing="not_in_dataset"]').first().waitFor();
      expect(await missing.getAttribute('data-missing')).toBe('not_in_dataset');
      expect(await missing.innerText()).toContain(
        lang === 'ja' ? 'このデータセットにはない' : 'not in this dataset',
      );
      expect(await page.locator(`tr[data-hs6="850511"] a`).first().getAttribute('href')).toBe(
        '#/product/850511?reporter=JPN&year=2024',
      );
      await screenshot(page, `critical-${lang}`);
      if (lang === 'en') {
        // An analyst adds a product to fertilizers, sees it saved through the API, then resets the default.
        const article = page.locator('article[data-good="fertilizers"]');
        await article.getByRole('button', { name: 'Edit products' }).click();
        await article.getByRole('button', { name: 'Add a product' }).click();
        await article.getByLabel('HS6 6').fill('310520');
        await article.getByRole('button', { name: 'Save' }).click();
        await article.locator('tr[data-hs6="310520"]').waitFor();
        const edited = await get<{ hs: { hs6: string }[]; edited: boolean }>(
          '/api/critical-goods/fertilizers',
        );
        expect(edited.hs.map((c) => c.hs6)).toContain('310520');
        expect(edited.edited).toBe(true);
        await article.getByRole('button', { name: 'Edit products' }).click();
        await article.getByRole('button', { name: 'Reset to default' }).click();
        await article.locator('tr[data-hs6="310520"]').waitFor({ state: 'detached' });
        const reset = await get<{ hs: { hs6: string }[]; edited: boolean }>(
          '/api/critical-goods/fertilizers',
        );
        expect(reset.hs.map((c) => c.hs6)).not.toContain('310520');
        expect(reset.edited).toBe(false);
      }
      await page.context().close();
    }
  });
});
