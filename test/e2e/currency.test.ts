import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, getJson, startTradeHarness, type Harness } from './harness.ts';
import { testSession } from '../helpers/auth.ts';

/**
 * Yen as written here, independently of web/src/format/numbers.ts: the largest of 兆 (1e12), 億 (1e8), 万 (1e4)
 * the amount reaches, keeping about four significant digits (no decimals from 100 up, one from 10, else two).
 */
function okuChoYen(yen: number): string {
  const [size, unit] = yen >= 1e12 ? [1e12, '兆'] : yen >= 1e8 ? [1e8, '億'] : [1e4, '万'];
  const scaled = yen / size;
  const digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
  return `${new Intl.NumberFormat('ja-JP', { maximumFractionDigits: digits }).format(scaled)}${unit}円`;
}

/** "1,234億円" / "1.23兆円" back to yen, to check the shown figure against USD × rate within its rounding. */
function parseOkuChoYen(text: string): number {
  const m = /([\d,.]+)(兆|億|万)円/.exec(text);
  if (!m) throw new Error(`no 億円/兆円 figure in "${text}"`);
  return Number(m[1].replaceAll(',', '')) * { 兆: 1e12, 億: 1e8, 万: 1e4 }[m[2] as '億'];
}

/**
 * The app-wide currency preference in the browser: set once in the header (yen at a stated 150 JPY/USD), it
 * converts the product dossier, the chokepoints page and the screen alike, each footnote states the rate, it
 * survives a reload, and the screening chapter filter names chapters from /api/hs/chapters.
 */
describe('currency preference (yen at a stated rate) across views', () => {
  let h: Harness;
  let headers: Record<string, string>;
  const get = <T>(url: string) => getJson<T>(h, headers, url);

  beforeAll(async () => {
    h = await startTradeHarness({ seaNetwork: true, labels: true });
    headers = (await testSession(h.app, { role: 'analyst' })).headers;
  }, 120_000); // imports take ~10 s alone, over a minute on a loaded machine (as the other e2e files allow)
  afterAll(async () => h?.close());

  it('switches to yen at 150 in the header; dossier and chokepoint figures equal the API USD × 150; kept after reload', async () => {
    const rate = 150;
    const dossier = await get<{ year: number; years: { year: number; importValueUsd: number }[] }>(
      '/api/products/811292?reporter=JPN&year=2024',
    );
    const usd = dossier.years.find((y) => y.year === 2024)!.importValueUsd;
    expect(usd).toBeGreaterThan(0);

    const page = await newPage(h, 'ja');
    await page.goto(`${h.baseUrl}/#/product/811292?reporter=JPN&year=2024`);
    const value = page.getByTestId('import-value');
    await value.waitFor();
    expect(Number(await value.getAttribute('data-value'))).toBe(usd);
    expect(await value.innerText()).toMatch(/ドル$/); // USD until the user picks yen

    // Yen without a rate stays in dollars and says why; a comma is refused; 150 converts.
    await page.getByLabel('通貨', { exact: true }).selectOption('JPY');
    const rateBox = page.getByLabel('1ドル =');
    expect(await page.locator('header [role="alert"]').innerText()).toContain('換算レート');
    expect(await page.getByTestId('currency-note').innerText()).toContain('米ドル');
    await rateBox.fill('1,500');
    expect(await rateBox.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('header [role="alert"]').innerText()).toContain('カンマなし');
    expect(await value.innerText()).toMatch(/ドル$/);
    await rateBox.fill(String(rate));
    expect(await page.locator('header [role="alert"]').count()).toBe(0);

    const expected = okuChoYen(usd * rate);
    await expect.poll(() => value.innerText()).toBe(expected);
    expect(Math.abs(parseOkuChoYen(expected) / (usd * rate) - 1)).toBeLessThan(0.005);
    // The footnote states the rate and that it is the user's, not the data's.
    const note = await page.getByTestId('currency-note').innerText();
    expect(note).toContain('150 円/ドル');
    expect(note).toContain('利用者が入力した');

    // The choice survives a reload (remembered in this browser), in the header and in the figures.
    await page.reload();
    await value.waitFor();
    expect(await value.innerText()).toBe(expected);
    expect(await page.getByLabel('通貨', { exact: true }).inputValue()).toBe('JPY');
    expect(await page.getByLabel('1ドル =').inputValue()).toBe('150');

    // Chokepoints: the exposure summary's total and the Malacca row, in yen at the same rate.
    const exposure = await get<{
      totalValueKusd: number;
      passages: { passage: string; valueKusd: number }[];
    }>('/api/maritime/exposure?reporter=JPN&year=2024');
    await page.goto(`${h.baseUrl}/#/chokepoints?reporter=JPN&year=2024`);
    const summary = page.getByTestId('exposure-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(Number(await summary.getAttribute('data-total-kusd'))).toBe(exposure.totalValueKusd);
    expect(await summary.innerText()).toContain(okuChoYen(exposure.totalValueKusd * 1000 * rate));
    const malacca = exposure.passages.find((p) => p.passage === 'malacca')!;
    expect(malacca.valueKusd).toBeGreaterThan(0);
    expect(await page.locator('tr[data-passage="malacca"]').innerText()).toContain(
      okuChoYen(malacca.valueKusd * 1000 * rate),
    );
    expect(await page.getByTestId('currency-note').innerText()).toContain('150 円/ドル');
    await screenshot(page, 'currency-chokepoints-ja');

    // Screening: no control of its own any more; the table follows the header, exports stay in USD (said),
    // and the chapter filter names chapters as the API does.
    const chapters = await get<{ items: { code: string; ja: string }[] }>('/api/hs/chapters');
    await page.goto(`${h.baseUrl}/#/screen?reporter=JPN&year=2024`);
    const first = page.locator('[data-testid="screen-table"] tbody tr').first().getByTestId('import-value');
    await first.waitFor();
    expect(await first.innerText()).toBe(okuChoYen(Number(await first.getAttribute('data-value')) * rate));
    expect(
      await page.locator('main select').evaluateAll((s) => s.some((e) => e.id.endsWith('-currency'))),
    ).toBe(false);
    expect(await page.locator('.exports').innerText()).toContain('米ドル建て');
    const option28 = await page.getByLabel('HS類').locator('option[value="28"]').innerText();
    const title28 = chapters.items.find((c) => c.code === '28')!.ja;
    expect(title28).toMatch(/^無機化学品/);
    expect(option28.startsWith(`28 — ${title28.slice(0, 10)}`)).toBe(true);
    await screenshot(page, 'currency-screening-ja');
    await page.context().close();
  }, 90_000);
});
