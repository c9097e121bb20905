import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, startHarness, type Harness } from './harness.ts';

describe('home page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('loads, switches language and remembers it', async () => {
    const page = await newPage(h, 'en');
    await page.goto(h.baseUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('header h1').innerText()).toContain('Economic-security analysis');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByText('経済安全保障分析').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page.reload();
    await page.getByText('経済安全保障分析').waitFor();
    await screenshot(page, 'home-ja');
    await page.context().close();
  });
});
