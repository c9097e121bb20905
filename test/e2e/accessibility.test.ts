import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, startTradeHarness, type Harness } from './harness.ts';

/**
 * Accessibility of every view (issue 6: keyboard, contrast, labels), checked by axe-core — the rule engine of
 * Lighthouse and Chrome's accessibility audits — against WCAG 2.1 A and AA, in Japanese and English, on the real
 * BACI extract so tables, charts and maps are drawn. A violation names the rule, the element and the view.
 */
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Each view with the element that shows it has loaded its data. */
const views: { route: string; ready: string }[] = [
  { route: '#/', ready: 'main h2' },
  { route: '#/screen?reporter=JPN&year=2024', ready: 'main table tbody tr' },
  { route: '#/product/811292?reporter=JPN&year=2024', ready: 'main svg path' },
  { route: '#/country/CHN?reporter=JPN&year=2024', ready: 'main table tbody tr' },
  { route: '#/chokepoints', ready: 'main svg path' },
  { route: '#/critical', ready: 'main table tbody tr' },
  { route: '#/scenarios', ready: 'main h2' },
  { route: '#/ews', ready: 'main h2' },
  { route: '#/exercises', ready: 'main .form-box button[type="submit"]:enabled' },
  { route: '#/exercises/new', ready: 'main #ds-title-en' },
  { route: '#/zones', ready: 'main h2' },
  { route: '#/tech', ready: 'main h2' },
  { route: '#/policy', ready: 'main h2' },
  { route: '#/admin', ready: 'main table tbody tr' },
  { route: '#/consultations', ready: 'main h2' },
  { route: '#/account', ready: 'main h2' },
  { route: '#/export-control', ready: 'main form' },
  { route: '#/export-control/cases', ready: 'main h3' },
  { route: '#/export-control/check', ready: 'main form' },
  { route: '#/export-control/circumvention', ready: 'main form' },
  { route: '#/export-control/prior-reports', ready: 'main form' },
  { route: '#/identification', ready: 'main table tbody tr' },
  { route: '#/identification/coercion', ready: 'main form' },
  { route: '#/identification/risks', ready: 'main table tbody tr' },
  { route: '#/cyber', ready: 'main form' },
  { route: '#/cyber/assessments', ready: 'main form' },
  { route: '#/cyber/invitations', ready: 'main form' },
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function audit(page: Page): Promise<{ violations: Violation[]; passes: number }> {
  // Evaluated through the DevTools protocol, not as a <script> tag: the page's Content-Security-Policy
  // (script-src 'self') rightly refuses inline scripts, and the audit must see the page as served.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = { violations: Violation[]; passes: unknown[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<Result> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      })),
    };
  });
}

/** The violations as lines; a view where axe found nothing to check at all is reported too (nothing drawn). */
function describeViolations(where: string, { violations, passes }: { violations: Violation[]; passes: number }): string[] {
  if (passes < 10) return [`${where}: only ${passes} rules applied — the view looks empty`];
  return violations.map(
    (v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe('accessibility of every view (axe-core, WCAG 2.1 AA)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startTradeHarness({ labels: true, seaNetwork: true });
  }, 240_000);
  afterAll(async () => h?.close());

  it('reports an unlabelled field and an image without text (the check can fail)', async () => {
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/`);
    await page.locator('main h2').first().waitFor();
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('beforeend', '<input type="text"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');
    });
    const { violations } = await audit(page);
    expect(violations.map((v) => v.id)).toEqual(expect.arrayContaining(['label', 'image-alt']));
    await page.context().close();
  });

  for (const lang of ['en', 'ja'] as const) {
    it(`has no WCAG 2.1 A/AA violations in ${lang}`, async () => {
      const page = await newPage(h, lang, { role: 'administrator', level: 3 });
      const found: string[] = [];
      for (const view of views) {
        await page.goto(`${h.baseUrl}/${view.route}`);
        const loaded = await page
          .locator(view.ready)
          .first()
          .waitFor({ timeout: 30_000 })
          .then(() => true, () => false);
        if (!loaded) {
          found.push(`${lang} ${view.route}: did not show ${view.ready}`);
          continue;
        }
        await page.waitForLoadState('networkidle');
        found.push(...describeViolations(`${lang} ${view.route}`, await audit(page)));
      }
      // The public consultation desk, signed out.
      const anonymous = await newPage(h, lang, false);
      await anonymous.goto(`${h.baseUrl}/#/desk`);
      await anonymous.locator('main h2').first().waitFor();
      found.push(...describeViolations(`${lang} #/desk`, await audit(anonymous)));
      await anonymous.context().close();
      await page.context().close();
      if (found.length) console.log(found.join('\n'));
      expect(found).toEqual([]);
    }, 240_000);
  }
});
