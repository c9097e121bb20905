import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, startTradeHarness, type Harness } from './harness.ts';
import { contentSecurityPolicy } from '../../src/server/security/headers.ts';

/**
 * The Content-Security-Policy (src/server/security/headers.ts) does not break the built web app: pages with
 * ECharts canvases and tooltips, SVG maps, the sign-in form and the consultation desk load with the policy and
 * the browser reports no violation, neither as a `securitypolicyviolation` event nor on the console.
 */
describe('content security policy in the browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startTradeHarness({ minerals: true, labels: true, seaNetwork: true });
  });
  afterAll(async () => h?.close());

  /** Records every CSP violation the page reports, from its first script on. */
  async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
    const console: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) console.push(m.text());
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    return async () => [
      ...console,
      ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
    ];
  }

  it('a product dossier (map, Sankey with its tooltip, routes) and a country view run without violations', async () => {
    const page = await newPage(h, 'en');
    const violations = await watchViolations(page);
    const response = await page.goto(`${h.baseUrl}/#/product/811292?reporter=JPN&year=2024`);
    expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy);
    await page.getByTestId('top-supplier').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="sankey"] canvas') !== null);
    await page.getByTestId('passages').waitFor({ timeout: 60_000 });
    // ECharts writes its tooltip with style attributes: hover across the Sankey until one shows.
    const box = (await page.locator('[data-testid="sankey"] canvas').first().boundingBox())!;
    for (let x = 0.1; x < 1; x += 0.1) {
      await page.mouse.move(box.x + box.width * x, box.y + box.height / 2);
      await page.waitForTimeout(100);
    }
    await page.goto(`${h.baseUrl}/#/country/CHN?reporter=JPN&year=2024`);
    await page.getByTestId('country-summary').waitFor();
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('the sign-in page and the consultation desk run without violations', async () => {
    const page = await newPage(h, 'ja', false);
    const violations = await watchViolations(page);
    await page.goto(`${h.baseUrl}/`);
    await page.locator('input[type="password"]').waitFor();
    await page.goto(`${h.baseUrl}/#/desk`);
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
    await page.context().close();
  });
});
