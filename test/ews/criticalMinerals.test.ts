import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it, beforeAll } from 'vitest';
import { sharedData } from '../helpers/tmp.ts';
import { importMonthlyCsv, parseColumnMap } from '../../src/data/importers/monthlyCsv.ts';
import { importEvents } from '../../src/data/importers/events.ts';
import { seedEvents, seedEventsFile } from '../../src/data/ews/scanFile.ts';
import { buildPanel, type MonthlyRow } from '../../src/analysis/ews/panel.ts';
import { computeIndicators } from '../../src/analysis/ews/indicators.ts';
import { defaultRuleSet, evaluateRules, type Alert } from '../../src/analysis/ews/rules.ts';
import { backtest } from '../../src/analysis/ews/backtest.ts';
import { periodIndex } from '../../src/analysis/ews/period.ts';
import { independentZ } from './independentZ.ts';

/**
 * China's monthly exports of gallium/germanium and graphite by partner (UN Comtrade-derived, 2017–2024) around
 * the export controls of Aug 2023 (Ga/Ge) and Dec 2023 (graphite). Alerts are checked against z-scores, shares
 * and levels recomputed here from the raw CSV with plain arrays and sorting (not the typed-array code path).
 */
const dir = path.join(sharedData, 'monthly/china-critical-minerals');
const file = path.join(dir, 'country_monthly_stats.csv');

/** Independent reading of the CSV: partner → product → month → value. */
function rawSeries(): Map<string, Map<string, number>> {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n').slice(1);
  const out = new Map<string, Map<string, number>>();
  for (const line of lines) {
    const f = line.split(',');
    const key = `${f[5]}|${f[6]}`;
    if (!out.has(key)) out.set(key, new Map());
    out.get(key)!.set(f[0].slice(0, 7), Number(f[1]));
  }
  return out;
}

const months: string[] = [];
for (let y = 2017; y <= 2024; y++)
  for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);

describe('EWS on China critical-mineral exports (Comtrade-derived, 2017–2024)', () => {
  let rows: MonthlyRow[];
  let alerts: Alert[];
  const raw = rawSeries();

  beforeAll(() => {
    const imported = importMonthlyCsv(file, {
      map: parseColumnMap('period=period_dt,partner=partner_name,hs=broad_group,value=val,quantity=qty'),
      reporter: 'CHN',
      flow: 'export',
      unit: 'kg',
    });
    // Product groups of the file, named by the HS codes the recorded controls list.
    const codes: Record<string, string> = { 'Gallium/Germanium': '811292', Graphite: '2504' };
    rows = imported.rows.map((r) => ({ ...r, hs: codes[r.hs] ?? r.hs }));
    expect(imported.unresolvedPartners).toEqual([]);
    const panel = buildPanel(rows);
    const indicators = computeIndicators(panel, defaultRuleSet.parameters, seedEvents());
    alerts = evaluateRules(
      panel,
      indicators,
      defaultRuleSet,
      periodIndex('2023-05') - panel.start,
      periodIndex('2024-02') - panel.start,
    );
  });

  const find = (partner: string, hs: string, period: string) =>
    alerts.find((a) => a.partner === partner && a.hs === hs && a.period === period);
  const values = (group: string, partner: string) =>
    months.map((m) => raw.get(`${group}|${partner}`)?.get(m) ?? 0);

  it('the seed events are China’s Ga/Ge (Aug 2023) and graphite (Dec 2023) controls, with sources; the shared events.csv holds none', () => {
    const events = seedEvents();
    const gage = events.find((e) => e.id === 'cn-2023-gallium-germanium')!;
    expect([gage.country, gage.announced, gage.effective]).toEqual(['CHN', '2023-07-03', '2023-08-01']);
    expect(events.find((e) => e.id === 'cn-2023-graphite')!.effective).toBe('2023-12-01');
    expect(events.every((e) => e.source.length > 0)).toBe(true);
    expect(importEvents(path.join(dir, 'events.csv'), 'CHN')).toEqual([]);
    expect(fs.existsSync(seedEventsFile)).toBe(true);
  });

  it('Japan’s Ga/Ge imports from China collapse in Aug–Sep 2023: alert (3 警戒) after the control', () => {
    const v = values('Gallium/Germanium', 'Japan');
    for (const period of ['2023-08', '2023-09']) {
      const z = independentZ(v, months.indexOf(period));
      expect(z).toBeLessThan(-1.5);
      const alert = find('JPN', '811292', period)!;
      expect(alert).toBeDefined();
      const crossed = alert.indicators.find(
        (i) => i.rule === 'collapse-after-control' && i.name === 'valueZ',
      )!;
      expect(crossed.value).toBeCloseTo(z, 6);
      // Japan took ~8 % of the group's exports in the baseline year, below the 10 % of the severe rule: level 3.
      expect(alert.level).toBe(3);
      expect(alert.levelName).toBe('alert');
      expect(alert.levelNameJa).toBe('警戒');
    }
    // August itself is beyond −3: the plain collapse rule fires too.
    expect(independentZ(v, months.indexOf('2023-08'))).toBeLessThan(-3);
    expect(find('JPN', '811292', '2023-08')!.rules.map((r) => r.id)).toContain('value-collapse');
  });

  it('graphite: Japan front-loads in Nov 2023 (2 注意 or 3 警戒 by its z) and exports collapse in Dec 2023 (4 深刻 for Korea and in total)', () => {
    const jp = values('Graphite', 'Japan');
    const zNov = independentZ(jp, months.indexOf('2023-11'));
    // One month before the control: front-loading (level 2) from z ≥ 1.5, strong (level 3) from z ≥ 3.
    expect(zNov).toBeGreaterThan(1.5);
    const nov = find('JPN', '2504', '2023-11')!;
    expect(nov.level).toBe(zNov >= 3 ? 3 : 2);
    expect(nov.rules.map((r) => r.id)).toContain('front-loading');
    expect(nov.indicators.find((i) => i.name === 'valueZ')!.value).toBeCloseTo(zNov, 6);
    expect(nov.indicators.find((i) => i.name === 'eventLead')!.value).toBe(1);

    const kr = values('Graphite', 'South Korea');
    const zDec = independentZ(kr, months.indexOf('2023-12'));
    expect(zDec).toBeLessThan(-3);
    // Korea's share of China's graphite exports in the 12 months before the window (Dec 2022 … Nov 2023 − 3).
    const t = months.indexOf('2023-12');
    const partners = [...raw.keys()].filter((k) => k.startsWith('Graphite|')).map((k) => k.split('|')[1]);
    const sum = (p: string) =>
      values('Graphite', p)
        .slice(t - 14, t - 2)
        .reduce((a, b) => a + b, 0);
    const share = sum('South Korea') / partners.reduce((a, p) => a + sum(p), 0);
    expect(share).toBeGreaterThan(0.1);
    const dec = find('KOR', '2504', '2023-12')!;
    expect(dec.level).toBe(4);
    expect(dec.levelName).toBe('severe');
    expect(dec.indicators.find((i) => i.name === 'partnerShare')!.value).toBeCloseTo(share, 9);

    const total = months.map((_, i) => partners.reduce((a, p) => a + values('Graphite', p)[i], 0));
    expect(independentZ(total, t)).toBeLessThan(-3);
    expect(find('WLD', '2504', '2023-12')!.level).toBe(4);
  });

  it('without recorded events the same collapses are only statistical alerts (levels 1–2)', () => {
    const panel = buildPanel(rows);
    const plain = evaluateRules(
      panel,
      computeIndicators(panel, defaultRuleSet.parameters, []),
      defaultRuleSet,
      periodIndex('2023-05') - panel.start,
      periodIndex('2024-02') - panel.start,
    );
    expect(Math.max(...plain.map((a) => a.level))).toBeLessThanOrEqual(2);
    expect(plain.find((a) => a.partner === 'JPN' && a.hs === '811292' && a.period === '2023-08')!.level).toBe(
      1,
    );
  });

  it('a scan of recent months (z from a later month on) gives the same z as the full history', () => {
    const panel = buildPanel(rows);
    const full = computeIndicators(panel, defaultRuleSet.parameters, seedEvents());
    const from = periodIndex('2023-06') - panel.start;
    const recent = computeIndicators(panel, defaultRuleSet.parameters, seedEvents(), [], undefined, from);
    let compared = 0;
    for (let s = 0; s < panel.series.length; s++) {
      for (let t = 0; t < panel.months; t++) {
        const i = s * panel.months + t;
        if (t < from) {
          expect(Number.isNaN(recent.table.valueZ[i])).toBe(true);
          continue;
        }
        for (const name of [
          'valueZ',
          'volumeZ',
          'unitValueRatio',
          'valueRatio',
          'partnerShare',
          'shareChange',
          'diversion',
          'hhiChange',
        ] as const) {
          const a = full.table[name][i];
          const b = recent.table[name][i];
          if (Number.isNaN(a)) expect(Number.isNaN(b)).toBe(true);
          else {
            expect(b).toBeCloseTo(a, 12);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('explanations name the indicators, numbers and thresholds in Japanese and English', () => {
    const a = find('KOR', '2504', '2023-12')!;
    expect(a.explanation.en).toContain('Severe collapse after a control');
    expect(a.explanation.en).toMatch(/value vs seasonal baseline \(robust z\) -\d+\.\d\d <= -3\.00/);
    expect(a.explanation.ja).toContain('深刻');
    expect(a.explanation.ja).toContain('規制後の深刻な途絶');
  });

  it('backtest: per-rule counts over 2017–2024 and false alarms on a quiet period (2020-01 … 2022-12) are reported', () => {
    const panel = buildPanel(rows);
    const indicators = computeIndicators(panel, defaultRuleSet.parameters);
    const { report, alerts: all } = backtest(panel, indicators, defaultRuleSet, {
      events: seedEvents(),
      quiet: { from: '2020-01', to: '2022-12' },
    });
    expect(report.alerts).toBe(all.length);
    const sumRules = report.rules.find((r) => r.rule === 'collapse-after-control')!;
    expect(sumRules.alerts).toBe(
      all.filter((a) => a.rules.some((r) => r.id === 'collapse-after-control')).length,
    );
    expect(sumRules.when.every((w) => w.period >= '2023-08')).toBe(true);
    // No event-based rule fires on a product before its control was announced (Ga/Ge 3 Jul 2023, graphite
    // 20 Oct 2023): a backtest knows an event from its announcement month only.
    const announced: Record<string, string> = { '811292': '2023-07', '2504': '2023-10' };
    for (const id of [
      'front-loading',
      'front-loading-strong',
      'collapse-after-control',
      'collapse-after-control-severe',
    ]) {
      const when = report.rules.find((r) => r.rule === id)!.when;
      expect(when.every((w) => w.period >= announced[w.hs])).toBe(true);
    }
    const q = report.quiet!;
    expect(q.series).toBeGreaterThan(0);
    // Rare earths and polysilicon have no recorded event: they form the quiet set together with nothing else.
    expect(q.alertsPerSeriesYear).toBeLessThan(2);
    expect(q.alerts).toBe(
      all.filter(
        (a) =>
          a.period >= '2020-01' &&
          a.period <= '2022-12' &&
          (a.hs === 'Rare Earths' || a.hs === 'Polysilicon'),
      ).length,
    );
  });
  it('backtest: an event announced in month M changes no alert of the months before M (no look-ahead)', () => {
    // A measure on graphite as if announced 15 Nov 2022, in force 1 Jan 2023 (no such control: a test event).
    // China's total graphite exports jumped in Oct 2022 (z ≥ 1.5, recomputed from the CSV), one month before M:
    // a scan's event window (two months before the announcement) calls that front-loading; a backtest must not.
    const test = {
      ...seedEvents().find((e) => e.id === 'cn-2023-graphite')!,
      id: 'test-graphite-2022',
      announced: '2022-11-15',
      effective: '2023-01-01',
    };
    const partners = [...raw.keys()].filter((k) => k.startsWith('Graphite|')).map((k) => k.split('|')[1]);
    const total = months.map((_, i) => partners.reduce((a, p) => a + values('Graphite', p)[i], 0));
    expect(independentZ(total, months.indexOf('2022-10'))).toBeGreaterThanOrEqual(1.5);
    const panel = buildPanel(rows);
    const scanWindow = computeIndicators(panel, defaultRuleSet.parameters, [test]);
    const scanned = evaluateRules(panel, scanWindow, defaultRuleSet);
    const october = scanned.find((a) => a.partner === 'WLD' && a.hs === '2504' && a.period === '2022-10')!;
    expect(october.rules.map((r) => r.id)).toContain('front-loading');

    const plain = computeIndicators(panel, defaultRuleSet.parameters);
    const without = backtest(panel, plain, defaultRuleSet, { events: seedEvents() }).alerts;
    // The indicators given may carry a scan's event window: the backtest recomputes the event indicators.
    const withTest = backtest(panel, scanWindow, defaultRuleSet, { events: [...seedEvents(), test] });
    const before = (list: Alert[]) =>
      list
        .filter((a) => a.period < '2022-11')
        .map((a) =>
          JSON.stringify([a.period, a.reporter, a.partner, a.hs, a.level, a.rules.map((r) => r.id)]),
        )
        .sort();
    expect(before(withTest.alerts)).toEqual(before(without));
    expect(before(withTest.alerts).length).toBeGreaterThan(0);
    // From M on the event counts: its episode is scored.
    expect(withTest.report.score.events).toContain('test-graphite-2022');
  });

  it('backtest: precision and recall of each rule against the recorded controls, with the events and on statistics only', () => {
    // The Ga/Ge and graphite series only (rare earths and polysilicon have no recorded control).
    const panel = buildPanel(rows.filter((r) => r.hs === '811292' || r.hs === '2504'));
    const { report, alerts } = backtest(
      panel,
      computeIndicators(panel, defaultRuleSet.parameters),
      defaultRuleSet,
      {
        events: seedEvents(),
      },
    );
    // Statistics only, computed the plain way: the rules on indicators without any event.
    const plain = evaluateRules(
      panel,
      computeIndicators(panel, defaultRuleSet.parameters, []),
      defaultRuleSet,
    );
    // Ground truth from the event dates, month strings only: an alert is true when a control concerning its series
    // (China the supplier, its HS codes, its targets) was announced in or before the month and took effect at most
    // 12 months before it.
    const plusYear = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4, 7)}`;
    const truth = seedEvents().map((e) => ({
      e,
      from: e.announced.slice(0, 7),
      to: plusYear(e.effective),
    }));
    const concerning = (a: { partner: string; hs: string }, e: (typeof truth)[number]['e']) =>
      e.hs.some((h) => h.startsWith(a.hs) || a.hs.startsWith(h)) &&
      (e.targets.length === 0 || e.targets.includes(a.partner));
    const isTrue = (a: Alert) =>
      truth.some((t) => concerning(a, t.e) && a.period >= t.from && a.period <= t.to);
    // Episodes: event × concerned series, material (partner share ≥ 2 %) in a month of its window.
    const T = panel.months;
    const share = computeIndicators(panel, defaultRuleSet.parameters).table.partnerShare;
    const episodes = truth.flatMap((t) =>
      panel.series
        .map((k, s) => ({ k, s }))
        .filter(({ k }) => concerning(k, t.e))
        .filter(({ s }) =>
          months.some((m) => m >= t.from && m <= t.to && share[s * T + periodIndex(m) - panel.start] >= 0.02),
        )
        .map(({ k }) => ({ ...t, k })),
    );
    expect(report.score.episodes).toBe(episodes.length);
    expect(report.score.events).toEqual([
      'cn-2023-gallium-germanium',
      'cn-2023-graphite',
      'cn-2024-dual-use-usa',
    ]);
    const expected = (list: Alert[], rule?: string) => {
      const mine = rule ? list.filter((a) => a.rules.some((r) => r.id === rule)) : list;
      const detected = episodes.filter((ep) =>
        mine.some(
          (a) => a.partner === ep.k.partner && a.hs === ep.k.hs && a.period >= ep.from && a.period <= ep.to,
        ),
      );
      return {
        alerts: mine.length,
        truePositives: mine.filter(isTrue).length,
        precision: mine.length ? mine.filter(isTrue).length / mine.length : null,
        episodes: episodes.length,
        detected: detected.length,
        recall: detected.length / episodes.length,
      };
    };
    for (const r of report.rules) {
      expect(r.score.withEvents).toEqual(expected(alerts, r.rule));
      expect(r.score.statisticsOnly).toEqual(expected(plain, r.rule));
    }
    expect(report.score.withEvents).toEqual(expected(alerts));
    expect(report.score.statisticsOnly).toEqual(expected(plain));
    // The event rules detect nothing on statistics alone, and with the events every alert of theirs is true.
    for (const id of ['front-loading', 'collapse-after-control', 'collapse-after-control-severe']) {
      const r = report.rules.find((x) => x.rule === id)!;
      expect(r.score.statisticsOnly).toMatchObject({ alerts: 0, precision: null, recall: 0 });
      expect(r.score.withEvents.precision).toBe(1);
    }
    // The statistics alone find about half of the episodes; the recorded events add the rest of what is found.
    expect(report.score.statisticsOnly.recall!).toBeGreaterThan(0.4);
    expect(report.score.withEvents.recall!).toBeGreaterThan(report.score.statisticsOnly.recall!);
    expect(report.score.withEvents.precision!).toBeGreaterThan(report.score.statisticsOnly.precision!);
  });
});
