import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSession } from '../helpers/auth.ts';
import { getJson, newPage, screenshot, startTradeHarness, type Harness } from './harness.ts';

/**
 * Identification in the browser (issue 25) on the shared BACI critical-minerals extract: the registry lists what the
 * API holds, Japan's imports from China in 2024 show the API's exposure counts and a product's alternative
 * suppliers, and a judgement recorded in Japanese appears in the risk register.
 */
describe('identification', () => {
  let h: Harness;
  let headers: Record<string, string>;
  beforeAll(async () => {
    h = await startTradeHarness({ labels: true });
    headers = (await testSession(h.app, { role: 'analyst', level: 3 })).headers;
  });
  afterAll(async () => h?.close());

  it('lists the registry as the API holds it', async () => {
    const api = await getJson<{ total: number }>(h, headers, '/api/registry/entries');
    expect(api.total).toBeGreaterThanOrEqual(12);
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/identification`);
    const table = page.getByTestId('ident-registry');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(api.total);
    await page.getByTestId('ident-domains').waitFor();
  });

  it('shows coercion exposure with the API’s counts and a product’s alternatives', async () => {
    const api = await getJson<{
      counts: { products: number; atRisk: number };
      items: { hs6: string; atRisk: boolean }[];
    }>(h, headers, '/api/identification/coercion?reporter=JPN&coercer=CHN&year=2024&direction=imports');
    expect(api.counts).toMatchObject({ products: 28, atRisk: 6 });
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/identification/coercion`);
    const form = page.getByRole('form', { name: 'Coercion exposure and alternative markets' });
    await form.getByLabel('Year').fill('2024');
    await form.getByLabel('Direction').selectOption('imports');
    await form.getByRole('button', { name: 'Show exposure' }).click();
    const report = page.getByTestId('ident-coercion');
    await report.getByText('28 products:').waitFor();
    expect(await report.innerText()).toContain('6 at risk');
    expect(await report.locator('tr.ident-at-risk').count()).toBe(6);
    expect(await report.getByTestId('provenance').first().innerText()).toContain('CEPII BACI bilateral trade flows (HS17) (CEPII, version V202601)');
    await report.locator('tr.ident-at-risk').first().getByRole('button', { name: 'Alternatives' }).click();
    const alternatives = page.getByTestId('ident-alternatives');
    await alternatives.locator('tbody tr').first().waitFor();
    await screenshot(page, 'identification-coercion-en');
  });

  it('records a judgement in Japanese and shows it in the risk register', async () => {
    const page = await newPage(h, 'ja');
    await page.goto(`${h.baseUrl}/#/identification/risks`);
    const table = page.getByTestId('ident-risk-register');
    await table.waitFor();
    const form = page.getByRole('form', { name: '判断を記録' });
    const entry = await form.getByLabel('物資・技術').locator('option').first().innerText();
    await form.getByLabel('リスク類型').selectOption('supply-disruption');
    await form.getByLabel('水準').selectOption('high');
    await form.getByLabel('判断（10文字以上）').fill('輸入の大半が一か国に集中しており代替が難しい。');
    await form.getByRole('button', { name: '判断を保存' }).click();
    const row = table.locator('tbody tr', { hasText: entry }).first();
    await row.locator('.ident-level-high', { hasText: '高' }).waitFor();
    expect(await row.innerText()).toContain('輸入の大半が一か国に集中しており代替が難しい。');
    await screenshot(page, 'identification-risks-ja');
  });
});
