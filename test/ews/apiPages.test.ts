import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { testSession } from '../helpers/auth.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { importPinkSheet } from '../../src/data/importers/pinksheet.ts';
import { publishPrices } from '../../src/data/ews/seriesStore.ts';
import { addItems, createList, listItems } from '../../src/data/ews/ewsState.ts';
import { scanItem } from '../../src/data/ews/itemScan.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { publishChinaGraphite } from '../helpers/chinaExports.ts';

/**
 * What the EWS web pages need from the API beyond the inbox: an item's series per partner with its rule hits,
 * partners by value, recorded events (marking-filtered) and linked prices; inbox filters by exact level and
 * months; indicator and level labels with the rule sets. Real data: China's graphite exports to Dec 2023.
 */
const minerals = path.join(sharedData, 'monthly/china-critical-minerals/country_monthly_stats.csv');
const pricesDir = path.join(sharedData, 'prices');

describe.each(stateBackends)('EWS API for the web pages on %s', (backend) => {
  let app: App;
  let state: StateDb;
  let analyst: Record<string, string>;
  let cleared: Record<string, string>;
  let graphite: string;
  let copper: string;
  const lines = fs.readFileSync(minerals, 'utf8').trim().split('\n');

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    const s = app.services;
    await publishChinaGraphite(s);
    await publishPrices(
      s.dataDir,
      s.catalog,
      s.analytics,
      await importPinkSheet(
        path.join(pricesDir, 'pinksheet_monthly_prices.csv'),
        path.join(pricesDir, 'pinksheet_series.csv'),
      ),
      { id: 'pinksheet', title: 'World Bank Pink Sheet', publisher: 'World Bank' },
    );
    const list = await createList(s.state, { kind: 'user', name: { ja: '監視', en: 'watch' } });
    await addItems(
      s.state,
      list,
      [
        { reporter: 'CHN', hs: '2504', flow: 'export', grade: 'A', dataset: 'cn-graphite' },
        { reporter: 'JPN', hs: '7403', flow: 'import', grade: 'B' },
      ],
      new Date(),
    );
    const items = await listItems(s.state, { listId: list });
    graphite = items.find((i) => i.hs === '2504')!.id;
    copper = items.find((i) => i.hs === '7403')!.id;
    await scanItem(
      s,
      items.find((i) => i.hs === '2504')!,
    );
    analyst = (await testSession(app, { role: 'analyst' })).headers;
    cleared = (await testSession(app, { role: 'analyst', level: 2 })).headers;
  });
  afterAll(async () => {
    await app?.close();
    await state?.close();
  });

  it('an item page draws any partner: Korea collapses in Dec 2023 (severe), partners ranked by the last 12 months', async () => {
    const page = (
      await app.inject({ url: `/api/ews/items/${graphite}?partner=KOR`, headers: analyst })
    ).json();
    const { periods, valueZ, points, value } = page.series;
    expect(page.series.partner).toBe('KOR');
    const t = periods.indexOf('2023-12');
    expect(t).toBe(periods.length - 1);
    // docs/ews.md: Korea z −5.1 in Dec 2023, within six months of the graphite control, ≥ 10 % of the flow → 4.
    expect(valueZ[t]).toBeLessThan(-3);
    const dec = points.find((p: { period: string }) => p.period === '2023-12');
    expect(dec.level).toBe(4);
    expect(dec.rules).toContain('collapse-after-control-severe');
    // Independently from the file: Korea's value in Dec 2023 and its 2023 total.
    const korea = lines.filter((l) => l.includes(',Graphite,South Korea') && l.startsWith('2023-'));
    expect(korea.length).toBe(12);
    const sum = korea.reduce((a, l) => a + Number(l.split(',')[1]), 0);
    expect(value[t]).toBe(Number(korea.find((l) => l.startsWith('2023-12'))!.split(',')[1]));
    const kor = page.partners.find((p: { partner: string }) => p.partner === 'KOR');
    expect(kor.value12m).toBeCloseTo(sum, 6);
    const shares = page.partners.filter((p: { aggregate: boolean }) => !p.aggregate);
    expect(shares.reduce((a: number, p: { share12m: number }) => a + p.share12m, 0)).toBeCloseTo(1, 12);
    expect(page.partners[0]).toMatchObject({ partner: 'WLD', aggregate: true, share12m: null });
    expect(page.provenance.dataset).toBe('cn-graphite');
    expect(page.provenance.method).toContain('default');
  });

  it('recorded events: the seed graphite control for all, marked events only for the cleared reader, and no hidden event shows through alert months or backtests', async () => {
    const backtest = async (h: Record<string, string>) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/ews/backtest',
          headers: h,
          payload: { dataset: 'cn-graphite' },
        })
      ).json().report;
    const pointsOf = async (h: Record<string, string>) =>
      (await app.inject({ url: `/api/ews/items/${graphite}?partner=JPN`, headers: h })).json().series.points;
    const eventAlerts = (report: { rules: { rule: string; alerts: number }[] }) =>
      report.rules
        .filter((r) => r.rule === 'front-loading' || r.rule === 'collapse-after-control')
        .reduce((a, r) => a + r.alerts, 0);
    const before = { report: await backtest(analyst), points: await pointsOf(analyst) };
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/ews/events', headers: cleared, payload });
    const confidential = { level: 2, compartments: [], releasableTo: null };
    const posted = await post({
      country: 'CHN',
      hs: ['2504'],
      announced: '2023-10-01',
      effective: '2023-10-15',
      title: { ja: '秘の措置', en: 'confidential measure' },
      source: 'test',
      marking: confidential,
    });
    expect(posted.statusCode).toBe(200);
    // A hidden measure in the COVID months: its windows (run-up Mar–May 2020, aftermath from Jun 2020) make the
    // event rules fire for the cleared reader only.
    expect(
      (
        await post({
          country: 'CHN',
          hs: ['2504'],
          announced: '2020-05-01',
          effective: '2020-06-01',
          title: { ja: '秘の措置2', en: 'confidential measure 2' },
          source: 'test',
          marking: confidential,
        })
      ).statusCode,
    ).toBe(200);
    const ids = (h: Record<string, string>) =>
      app
        .inject({ url: `/api/ews/items/${graphite}?partner=JPN`, headers: h })
        .then((r) => r.json().events.map((e: { id: string }) => e.id));
    expect(await ids(analyst)).toEqual(['cn-2023-graphite']);
    expect(await ids(cleared)).toEqual(expect.arrayContaining(['cn-2023-graphite', posted.json().id]));
    expect((await ids(cleared)).length).toBe(3);
    // Nothing computed for the uncleared reader changes: hidden events do not show through alert months.
    expect(await backtest(analyst)).toEqual(before.report);
    expect(await pointsOf(analyst)).toEqual(before.points);
    expect(eventAlerts(await backtest(cleared))).toBeGreaterThan(eventAlerts(before.report));
  });

  it('an item without a monthly dataset still shows its linked price (copper, Pink Sheet)', async () => {
    const page = (await app.inject({ url: `/api/ews/items/${copper}`, headers: analyst })).json();
    expect(page.series).toBeNull();
    const price = page.prices.find((p: { code: string }) => p.code === 'COPPER');
    const csv = fs.readFileSync(path.join(pricesDir, 'pinksheet_monthly_prices.csv'), 'utf8').split('\n');
    const col = csv[0].split(',').indexOf('COPPER');
    const row = csv.find((l) => l.startsWith('2022-03,'))!.split(',');
    expect(price.values[price.periods.indexOf('2022-03')]).toBeCloseTo(Number(row[col]), 6);
    expect(price.provenance.dataset).toBe('pinksheet');
  });

  it('the inbox filters by exact level and by months, counting like the unfiltered list', async () => {
    const all = (await app.inject({ url: '/api/ews/alerts?pageSize=500', headers: analyst })).json();
    expect(all.total).toBeGreaterThan(1);
    const byLevel = (l: number) => all.items.filter((a: { level: number }) => a.level === l).length;
    for (const level of [1, 2, 3, 4]) {
      const r = (await app.inject({ url: `/api/ews/alerts?level=${level}`, headers: analyst })).json();
      expect(r.total).toBe(byLevel(level));
    }
    expect(byLevel(4)).toBeGreaterThan(0);
    const dec = (
      await app.inject({ url: '/api/ews/alerts?from=2023-12&to=2023-12&level=4', headers: analyst })
    ).json();
    expect(dec.total).toBe(byLevel(4));
    expect((await app.inject({ url: '/api/ews/alerts?from=2024-01', headers: analyst })).json().total).toBe(
      0,
    );
    expect((await app.inject({ url: '/api/ews/alerts?from=2023-1', headers: analyst })).statusCode).toBe(400);
  });

  it('rule sets come with indicator and level labels in both languages', async () => {
    const r = (await app.inject({ url: '/api/ews/rule-sets', headers: analyst })).json();
    expect(r.indicatorLabels.valueZ).toMatchObject({ unit: 'z' });
    expect(r.indicatorLabels.valueZ.ja).toContain('z');
    expect(r.levels['4']).toEqual({ ja: '深刻', en: 'severe' });
  });
});
