import type { SeriesPanel } from './panel.ts';
import { eventColumns, type PanelIndicators } from './indicators.ts';
import { evaluateRules, type Alert, type RuleSet } from './rules.ts';
import { periodIndex, periodString } from './period.ts';
import { withoutLookAhead, type RecordedEvent } from './events.ts';
import { eventEpisodes, scoreAlerts, type Score } from './backtestScore.ts';

/**
 * Backtest: the rules run on every month of history, as a scan on that month would have (all indicators use
 * earlier months only, and a recorded event counts only from its announcement month — events.ts,
 * withoutLookAhead). Per rule: how many alerts, on how many series, and when; precision and recall against the
 * recorded events (backtestScore.ts) twice — with the events as the rules' input, and on statistics only (the
 * same rules with eventLead and eventAge missing), so that what the statistics detect on their own is visible.
 * False-alarm behaviour on a quiet period: alerts per series-year among series with no recorded event, counting
 * only months where the series could be evaluated (a z exists and the partner is material).
 */
export interface RuleBacktest {
  rule: string;
  label: { ja: string; en: string };
  level: number;
  alerts: number;
  series: number;
  /** Alert months with their series, oldest first (at most 200). */
  when: { period: string; reporter: string; partner: string; hs: string; flow: string }[];
  /** Against the recorded events: with them as input (the counts above), and on statistics only. */
  score: { withEvents: Score; statisticsOnly: Score };
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
  /** The rule set as a whole (an alert of any rule), and the episodes scored against. */
  score: {
    /** Recorded events with at least one episode on the panel. */
    events: string[];
    episodes: number;
    /** Months after the entry into force that an episode lasts (the rule set's eventWindow.afterEffective). */
    afterEffective: number;
    withEvents: Score;
    statisticsOnly: Score;
  };
  quiet?: QuietPeriod;
}

export interface BacktestOptions {
  /** Recorded events: input of the event rules, and ground truth of the scores. */
  events?: readonly RecordedEvent[];
  quiet?: { from: string; to: string };
}

/** The indicators with eventLead and eventAge recomputed without look-ahead, and with them missing. */
function eventModes(
  panel: SeriesPanel,
  indicators: PanelIndicators,
  ruleSet: RuleSet,
  events: readonly RecordedEvent[],
): { withEvents: PanelIndicators; statisticsOnly: PanelIndicators } {
  const size = panel.series.length * panel.months;
  const lead = new Float64Array(size).fill(NaN);
  const age = new Float64Array(size).fill(NaN);
  const ids = eventColumns(panel, events, withoutLookAhead(ruleSet.parameters.eventWindow), lead, age);
  const missing = new Float64Array(size).fill(NaN);
  return {
    withEvents: {
      ...indicators,
      table: { ...indicators.table, eventLead: lead, eventAge: age },
      events: ids,
    },
    statisticsOnly: {
      ...indicators,
      table: { ...indicators.table, eventLead: missing, eventAge: missing },
      events: ids.map(() => []),
    },
  };
}

/**
 * `indicators` may come with event indicators of any window (a scan's): the backtest recomputes them from
 * `options.events` without look-ahead.
 */
export function backtest(
  panel: SeriesPanel,
  indicators: PanelIndicators,
  ruleSet: RuleSet,
  options: BacktestOptions = {},
): { report: BacktestReport; alerts: Alert[] } {
  const events = options.events ?? [];
  const modes = eventModes(panel, indicators, ruleSet, events);
  const alerts = evaluateRules(panel, modes.withEvents, ruleSet);
  const plain = evaluateRules(panel, modes.statisticsOnly, ruleSet);
  const window = ruleSet.parameters.eventWindow;
  const episodes = eventEpisodes(
    panel,
    events,
    window,
    indicators.table.partnerShare,
    ruleSet.parameters.minPartnerShare,
  );
  const ids = ruleSet.rules.map((r) => r.id);
  const withEvents = scoreAlerts(panel, alerts, ids, episodes);
  const statisticsOnly = scoreAlerts(panel, plain, ids, episodes);
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
      score: { withEvents: withEvents.byRule.get(r.id)!, statisticsOnly: statisticsOnly.byRule.get(r.id)! },
    };
  });
  const report: BacktestReport = {
    periods: { from: periodString(panel.start), to: periodString(panel.start + panel.months - 1) },
    alerts: alerts.length,
    byLevel,
    rules,
    score: {
      events: [...new Set(episodes.map((e) => e.event))].sort(),
      episodes: episodes.length,
      afterEffective: window.afterEffective,
      withEvents: withEvents.overall,
      statisticsOnly: statisticsOnly.overall,
    },
  };
  if (options.quiet)
    report.quiet = quietPeriod(
      panel,
      modes.withEvents,
      ruleSet,
      alerts,
      options.quiet.from,
      options.quiet.to,
    );
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
