import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, screenshot, startHarness, type Harness } from './harness.ts';
import { testSession } from '../helpers/auth.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb } from '../../src/data/analytics/duckdb.ts';
import { addItems, createList, listItems } from '../../src/data/ews/ewsState.ts';
import { scanItem } from '../../src/data/ews/itemScan.ts';
import { publishChinaExports } from '../helpers/chinaExports.ts';

/**
 * Early-warning pages on China's real monthly exports (Comtrade-derived, ../shared/data/monthly): graphite up to
 * Dec 2023 (the control took effect on 1 Dec) and gallium/germanium up to Aug 2023, scanned as monitored items so
 * the inbox has alerts. Every figure on the pages is checked against the API.
 */
interface ApiAlert {
  id: string;
  period: string;
  partner: string;
  level: number;
  levelName: { ja: string; en: string };
  status: string;
}

interface Score {
  precision: number | null;
  recall: number | null;
}
type Scores = { withEvents: Score; statisticsOnly: Score };

/** Painted (non-transparent) pixels of the page's first canvas. */
async function paintedPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas')!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
}

describe('early warning pages', () => {
  let h: Harness;
  let headers: Record<string, string>;
  let graphiteItem: string;
  const get = async <T>(url: string): Promise<T> => (await h.app.inject({ url, headers })).json() as T;

  beforeAll(async () => {
    h = await startHarness(async (dir) => {
      const dataDir = new DataDir(dir).ensure();
      const catalog = new Catalog(dataDir);
      const analytics = await openDuckDb();
      const services = { dataDir, catalog, analytics };
      await publishChinaExports(services, {
        id: 'cn-graphite',
        title: 'China graphite exports by partner',
        until: '2023-12',
        groups: { Graphite: '2504' },
        only: true,
      });
      await publishChinaExports(services, {
        id: 'cn-gage',
        title: 'China Ga/Ge exports by partner',
        until: '2023-08',
        groups: { 'Gallium/Germanium': '811292' },
        only: true,
      });
      await analytics.close();
    });
    const s = h.app.services;
    const list = await createList(s.state, {
      kind: 'user',
      name: { ja: '重要鉱物', en: 'Critical minerals' },
    });
    await addItems(
      s.state,
      list,
      [
        {
          reporter: 'CHN',
          hs: '2504',
          flow: 'export',
          grade: 'A',
          dataset: 'cn-graphite',
          label: { ja: '黒鉛', en: 'Graphite' },
        },
        {
          reporter: 'CHN',
          hs: '811292',
          flow: 'export',
          grade: 'A',
          dataset: 'cn-gage',
          label: { ja: 'ガリウム・ゲルマニウム', en: 'Gallium/germanium' },
        },
      ],
      new Date(),
    );
    const items = await listItems(s.state, { listId: list });
    for (const item of items) await scanItem(s, item);
    graphiteItem = items.find((i) => i.hs === '2504')!.id;
    headers = (await testSession(h.app, { role: 'analyst', level: 3 })).headers;
  });
  afterAll(async () => h?.close());

  it('the inbox lists the alerts the API lists, in Japanese and in English; filters and acknowledge work', async () => {
    const all = await get<{ total: number; items: ApiAlert[] }>('/api/ews/alerts?pageSize=25');
    expect(all.total).toBeGreaterThan(3);
    let page!: Page;
    for (const lang of ['ja', 'en'] as const) {
      page = await newPage(h, lang);
      await page.goto(`${h.baseUrl}/#/ews`);
      const total = page.getByTestId('ews-total');
      await total.waitFor();
      expect(await total.getAttribute('data-total')).toBe(String(all.total));
      expect(await total.innerText()).toContain(String(all.total));
      const top = page.locator('tbody tr[data-alert-id]').first();
      expect(await top.getAttribute('data-alert-id')).toBe(all.items[0].id);
      const text = await top.innerText();
      expect(text).toContain(all.items[0].levelName[lang]);
      expect(text).toContain(all.items[0].partner);
      expect(await page.locator('tbody tr[data-alert-id]').count()).toBe(Math.min(25, all.total));
      // The navigation's Foresight menu holds the page, marked as the current one (components/NavBar.tsx).
      const menu = page.locator('details.nav-group', { hasText: lang === 'ja' ? '予測・備え' : 'Foresight' });
      expect(await menu.getAttribute('data-current')).toBe('true');
      await menu.locator('summary').click();
      const link = menu.getByRole('link', { name: lang === 'ja' ? '早期警戒' : 'Early warning' });
      expect(await link.getAttribute('aria-current')).toBe('page');
      await page.keyboard.press('Escape');
      await link.waitFor({ state: 'hidden' });
      expect(await page.getByTestId('marking').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('provenance').innerText()).toContain('China');
      await screenshot(page, `ews-inbox-${lang}`);
      if (lang === 'ja') await page.context().close();
    }
    // The English page goes on.
    // Filter: exact level 4 (深刻 severe) against the API's count.
    const severe = await get<{ total: number; items: ApiAlert[] }>('/api/ews/alerts?level=4');
    expect(severe.total).toBeGreaterThan(0);
    await page.locator('select[name="level"]').selectOption('4');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator(`[data-testid="ews-total"][data-total="${severe.total}"]`).waitFor();
    expect(await page.locator('tbody tr[data-alert-id]').count()).toBe(severe.total);
    const levels = await page
      .locator('tbody tr[data-alert-id]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-level')));
    expect(new Set(levels)).toEqual(new Set(['4']));
    // The explanation names the indicator with its number: value z below −3 on the severe rule.
    expect(await page.locator('tbody tr[data-alert-id]').first().innerText()).toMatch(
      /robust z\) -\d+\.\d\d ≤ -3\.00/,
    );

    // Acknowledge the first severe alert in the page, then read its status from the API.
    const target = severe.items[0];
    const row = page.locator(`tr[data-alert-id="${target.id}"]`);
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await row.locator('td[data-status="acknowledged"]').waitFor();
    const after = await get<{ alert: ApiAlert; history: { action: string }[] }>(
      `/api/ews/alerts/${target.id}`,
    );
    expect(after.alert.status).toBe('acknowledged');
    expect(after.history.map((x) => x.action)).toEqual(['raised', 'acknowledge']);
    // A false alarm needs a reason; with one, the precision table counts it like the API.
    await row.getByRole('button', { name: 'Resolve: false alarm' }).click();
    await row.getByText('A false alarm needs a reason.').waitFor();
    await row.getByPlaceholder('Reason for false alarm').fill('known licensing pause, shipments resumed');
    await row.getByRole('button', { name: 'Resolve: false alarm' }).click();
    await row.locator('td[data-status="resolved"]').waitFor();
    const precision = (await get<{ items: { rule: string; falseAlarms: number }[] }>('/api/ews/precision'))
      .items;
    expect(precision.length).toBeGreaterThan(0);
    const shown = page.getByTestId('ews-precision');
    await shown.waitFor();
    for (const p of precision) {
      expect(await shown.locator('tr', { hasText: p.rule }).first().innerText()).toContain(
        String(p.falseAlarms),
      );
    }
    await screenshot(page, 'ews-inbox-actions-en');
    await page.context().close();
  });

  it('an item page draws the series with baseline, thresholds and alert months (Korea, graphite)', async () => {
    const api = await get<{
      series: { points: { period: string; level: number }[] };
      valueUnit: { label: { ja: string } };
    }>(`/api/ews/items/${graphiteItem}?partner=KOR`);
    const page = await newPage(h, 'ja');
    await page.goto(`${h.baseUrl}/#/ews/item/${graphiteItem}?partner=KOR`);
    await page.locator('canvas').first().waitFor();
    await page.getByTestId('ews-hits').waitFor();
    await page.waitForTimeout(300);
    // A drawn chart paints a good part of its 1,200 × 420 canvas (axes, lines, band).
    expect(await paintedPixels(page)).toBeGreaterThan(20_000);
    // The value is labelled in the dataset's unit (USD here, 米ドル), on the chart and in its tooltip.
    expect(api.valueUnit.label.ja).toBe('米ドル');
    const chart = page.locator('.chart[role="img"]').first();
    expect(await chart.getAttribute('aria-label')).toContain('月次金額（米ドル）');
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await chart.locator('div', { hasText: '金額（米ドル）' }).last().waitFor();
    const hits = page.locator('[data-testid="ews-hits"] tbody tr');
    expect(await hits.count()).toBe(api.series.points.length);
    const dec = page.locator('[data-testid="ews-hits"] tr[data-period="2023-12"]');
    expect(await dec.innerText()).toContain('4 深刻');
    expect(await page.getByTestId('ews-events').innerText()).toContain('2023');
    expect(await page.getByTestId('provenance').innerText()).toContain('China graphite exports by partner');
    await screenshot(page, 'ews-item-ja');

    // Record an event: the API's date check lands beside the field, then the event joins the timeline.
    const form = page.locator('form[aria-labelledby="ews-event-form"]');
    await form.locator('input[name="announced"]').fill('2024-01-10');
    await form.locator('input[name="effective"]').fill('2024-01-05');
    await form.locator('input[name="titleEn"]').fill('E2E licence review');
    await form.locator('input[name="titleJa"]').fill('E2E 許可審査');
    await form.locator('input[name="source"]').fill('https://example.org/notice test');
    await form.getByRole('button', { name: '措置を記録' }).click();
    const dateError = form.locator('input[name="effective"] ~ .ews-field-error');
    await dateError.waitFor();
    expect(await dateError.innerText()).toContain('effective date is before the announcement');
    await form.locator('input[name="effective"]').fill('2024-02-01');
    await form.getByRole('button', { name: '措置を記録' }).click();
    await page.getByTestId('ews-events').getByText('E2E 許可審査').waitFor();
    const events = (
      await get<{ events: { title: { en: string }; effective: string; seed: boolean }[] }>(
        `/api/ews/items/${graphiteItem}?partner=KOR`,
      )
    ).events;
    expect(events.find((e) => e.title.en === 'E2E licence review')).toMatchObject({
      effective: '2024-02-01',
      seed: false,
    });
    await page.context().close();
  });

  it('the rule editor shows the API’s validation error beside the threshold, then saves', async () => {
    const page = await newPage(h, 'en');
    await page.goto(`${h.baseUrl}/#/ews/rules`);
    const threshold = page.locator('input[name="rules[0].when[0].threshold"]');
    await threshold.waitFor();
    await page.locator('input[name="saveAs"]').fill('e2e-rules');
    await threshold.fill('');
    await page.getByRole('button', { name: 'Save rule set' }).click();
    const error = page.locator('[data-field="rules[0].when[0].threshold"] .ews-field-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('threshold must be a number');
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'ews-rules-invalid-en');
    await threshold.fill('-2.5');
    await page.getByRole('button', { name: 'Save rule set' }).click();
    await page.getByText('Rule set e2e-rules saved.').waitFor();
    const sets = await get<{ items: { id: string; body: { rules: { when: { threshold: number }[] }[] } }[] }>(
      '/api/ews/rule-sets',
    );
    expect(sets.items.find((s) => s.id === 'e2e-rules')!.body.rules[0].when[0].threshold).toBe(-2.5);
    await page.context().close();
  });

  it('a backtest shows per-rule counts and their months as the API reports them', async () => {
    const body = { dataset: 'cn-graphite', ruleSet: 'default', quietFrom: '2020-01', quietTo: '2022-12' };
    const api = (
      await h.app.inject({ method: 'POST', url: '/api/ews/backtest', headers, payload: body })
    ).json() as {
      report: {
        alerts: number;
        rules: { rule: string; alerts: number; when: { period: string }[]; score: Scores }[];
        quiet: { alerts: number };
        score: { episodes: number };
      };
    };
    const page = await newPage(h, 'ja');
    await page.goto(`${h.baseUrl}/#/ews/backtest`);
    await page.locator('select[name="dataset"] option[value="cn-graphite"]').waitFor({ state: 'attached' });
    await page.locator('select[name="dataset"]').selectOption('cn-graphite');
    await page.locator('input[name="quietFrom"]').fill('2020-01');
    await page.locator('input[name="quietTo"]').fill('2022-12');
    await page.getByRole('button', { name: 'バックテストを実行' }).click();
    await page.getByTestId('ews-backtest').waitFor();
    expect(await page.getByTestId('ews-backtest-total').innerText()).toBe(String(api.report.alerts));
    for (const r of api.report.rules) {
      const row = page.locator(`[data-testid="ews-backtest"] tr[data-rule="${r.rule}"]`);
      expect(await row.getAttribute('data-alerts')).toBe(String(r.alerts));
      const inQuiet = r.when.filter((w) => w.period >= '2020-01' && w.period <= '2022-12').length;
      expect(await row.locator('td[data-in-quiet]').getAttribute('data-in-quiet')).toBe(String(inQuiet));
      // Precision and recall with the events and on statistics only, as the API scores the rule.
      const scores = [r.score.withEvents, r.score.statisticsOnly].flatMap((x) => [x.precision, x.recall]);
      const cells = row.locator('td.num');
      for (const [i, value] of scores.entries()) {
        expect(await cells.nth(2 + i).innerText()).toBe(
          value === null ? '—' : value.toLocaleString('ja', { maximumFractionDigits: 2 }),
        );
      }
      // The strip paints one cell per month with alerts of the rule.
      const painted = await row.locator('svg rect[opacity]').count();
      expect(painted > 0).toBe(r.alerts > 0);
    }
    expect(await page.getByTestId('ews-quiet').innerText()).toContain(String(api.report.quiet.alerts));
    expect(await page.getByTestId('ews-backtest-score').innerText()).toContain(
      `${api.report.score.episodes} 件のエピソード`,
    );
    await screenshot(page, 'ews-backtest-ja');
    await page.context().close();
  });
});

describe('early warning without data', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('an empty inbox says what to do next: the tab that does it, and the commands; a filtered empty one does not', async () => {
    const page = await newPage(h, 'ja');
    await page.goto(`${h.baseUrl}/#/ews`);
    const empty = page.getByTestId('ews-empty');
    await empty.getByRole('heading', { name: 'まだ警報はありません' }).waitFor();
    for (const step of ['data', 'items', 'scan']) {
      expect(await empty.locator(`li[data-step="${step}"]`).getAttribute('data-done')).toBe('false');
      const tab = empty
        .locator(`li[data-step="${step}"]`)
        .getByRole('link', { name: '「データと監視品目」タブを開く' });
      expect(await tab.getAttribute('href')).toBe('#/ews/setup');
    }
    expect(await empty.locator('li[data-step="items"] code').innerText()).toBe(
      'chokepoint ews items critical-goods --reporter JPN',
    );
    expect(await empty.locator('li[data-step="scan"] code').innerText()).toBe(
      'chokepoint ews items scan-due',
    );
    await screenshot(page, 'ews-inbox-empty-ja');
    await page.goto(`${h.baseUrl}/#/ews?level=4`);
    await page.getByText('条件に合う警報はありません。').waitFor();
    expect(await page.getByTestId('ews-empty').count()).toBe(0);
    await page.context().close();
  });
});
