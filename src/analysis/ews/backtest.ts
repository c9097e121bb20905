import type { SeriesPanel } from './panel.ts';
import type { PanelIndicators } from './indicators.ts';
import { evaluateRules, type Alert, type RuleSet } from './rules.ts';
import { periodIndex, periodString } from './period.ts';

/**
 * Backtest: the rules run on every month of history, as a scan on that month would have (all indicators use
 * earlier months only). Per rule: how many alerts, on how many series, and when. False-alarm behaviour on a
 * quiet period: alerts per series-year among series with no recorded event, counting only months where the
 * series could be evaluated (a z exists and the partner is material).
 */
export interface RuleBacktest {
  rule: string;
  label: { ja: string; en: string };
  level: number;
  alerts: number;
  series: number;
  /** Alert months with their series, oldest first (at most 200). */
  when: { period: string; reporter: string; partner: string; hs: string; flow: string }[];
}

export interface QuietPeriod {
  from: string;
  to: string;
  /** Series with no recorded event that could be evaluated in the period. */
  series: number;
  seriesYears: number;
  alerts: number;
  alertsPerSeriesYear: number;
  byLevel: Record<string, number>;
}

export interface BacktestReport {
  periods: { from: string; to: string };
  alerts: number;
  byLevel: Record<string, number>;
  rules: RuleBacktest[];
  quiet?: QuietPeriod;
}

export function backtest(
  panel: SeriesPanel,
  indicators: PanelIndicators,
  ruleSet: RuleSet,
  quiet?: { from: string; to: string },
): { report: BacktestReport; alerts: Alert[] } {
  const alerts = evaluateRules(panel, indicators, ruleSet);
  const byLevel: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const a of alerts) byLevel[a.level]++;
  const rules: RuleBacktest[] = ruleSet.rules.map((r) => {
    const hits = alerts.filter((a) => a.rules.some((x) => x.id === r.id));
    return {
      rule: r.id,
      label: r.label,
      level: r.level,
      alerts: hits.length,
      series: new Set(hits.map((a) => `${a.reporter}|${a.partner}|${a.hs}|${a.flow}`)).size,
      when: hits
        .slice()
        .sort((a, b) => a.period.localeCompare(b.period))
        .slice(0, 200)
        .map((a) => ({ period: a.period, reporter: a.reporter, partner: a.partner, hs: a.hs, flow: a.flow })),
    };
  });
  const report: BacktestReport = {
    periods: { from: periodString(panel.start), to: periodString(panel.start + panel.months - 1) },
    alerts: alerts.length,
    byLevel,
    rules,
  };
  if (quiet) report.quiet = quietPeriod(panel, indicators, ruleSet, alerts, quiet.from, quiet.to);
  return { report, alerts };
}

function quietPeriod(
  panel: SeriesPanel,
  ind: PanelIndicators,
  ruleSet: RuleSet,
  alerts: Alert[],
  from: string,
  to: string,
): QuietPeriod {
  const T = panel.months;
  const a = Math.max(0, periodIndex(from) - panel.start);
  const b = Math.min(T - 1, periodIndex(to) - panel.start);
  const quietSeries = new Set<string>();
  let months = 0;
  const min = ruleSet.parameters.minPartnerShare;
  for (let s = 0; s < panel.series.length; s++) {
    if (ind.events[s].length > 0) continue;
    let evaluable = 0;
    for (let t = a; t <= b; t++) {
      const i = s * T + t;
      if (ind.table.valueZ[i] === ind.table.valueZ[i] && ind.table.partnerShare[i] >= min) evaluable++;
    }
    if (evaluable > 0) {
      const k = panel.series[s];
      quietSeries.add(`${k.reporter}|${k.partner}|${k.hs}|${k.flow}`);
      months += evaluable;
    }
  }
  const inPeriod = alerts.filter(
    (x) =>
      x.period >= from && x.period <= to && quietSeries.has(`${x.reporter}|${x.partner}|${x.hs}|${x.flow}`),
  );
  const byLevel: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const x of inPeriod) byLevel[x.level]++;
  const seriesYears = months / 12;
  return {
    from,
    to,
    series: quietSeries.size,
    seriesYears,
    alerts: inPeriod.length,
    alertsPerSeriesYear: seriesYears > 0 ? inPeriod.length / seriesYears : NaN,
    byLevel,
  };
}
