import type { Alert } from './rules.ts';
import type { SeriesKey, SeriesPanel } from './panel.ts';
import { eventConcerns, eventMonths, type EventWindow, type RecordedEvent } from './events.ts';
import { periodIndex } from './period.ts';

/**
 * Precision and recall of alert rules in a backtest, against the recorded events as ground truth.
 *
 * An episode is a recorded event × a series it concerns (events.ts, eventConcerns), over the months from the
 * announcement to `afterEffective` months after the entry into force — [announced, effective + afterEffective],
 * the months the rule set attributes to the event — clipped to the panel, and kept only if the series can be
 * alerted on in one of them (partner share ≥ minPartnerShare, as evaluateRules requires). Then, per rule:
 *
 *   precision = alerts inside an episode of their series / alerts,
 *   recall    = episodes with at least one alert of the rule / episodes
 *
 * (information-retrieval precision and recall, counted on series-months and on episodes). The months before an
 * announcement are outside every episode: an alert there is a false alarm, since nothing was known to warn of.
 * Null where a ratio has no denominator (no alert; no episode).
 */
export interface Score {
  alerts: number;
  truePositives: number;
  precision: number | null;
  episodes: number;
  detected: number;
  recall: number | null;
}

export interface Episode {
  event: string;
  /** Series index in the panel. */
  series: number;
  /** First and last month of the episode, as panel columns. */
  from: number;
  to: number;
}

const seriesKey = (k: SeriesKey) => `${k.reporter}|${k.partner}|${k.hs}|${k.flow}`;

export function eventEpisodes(
  panel: SeriesPanel,
  events: readonly RecordedEvent[],
  window: EventWindow,
  partnerShare: Float64Array,
  minPartnerShare: number,
): Episode[] {
  const T = panel.months;
  const out: Episode[] = [];
  for (let s = 0; s < panel.series.length; s++) {
    for (const event of events) {
      if (!eventConcerns(event, panel.series[s])) continue;
      const { announced, effective } = eventMonths(event);
      const from = Math.max(0, announced - panel.start);
      const to = Math.min(T - 1, effective + window.afterEffective - panel.start);
      let alertable = false;
      for (let t = from; t <= to && !alertable; t++) alertable = partnerShare[s * T + t] >= minPartnerShare;
      if (alertable) out.push({ event: event.id, series: s, from, to });
    }
  }
  return out;
}

/** Scores of every rule (by id) and of the rule set as a whole (`overall`: an alert of any rule). */
export function scoreAlerts(
  panel: SeriesPanel,
  alerts: readonly Alert[],
  ruleIds: readonly string[],
  episodes: readonly Episode[],
): { byRule: Map<string, Score>; overall: Score } {
  const index = new Map(panel.series.map((k, s) => [seriesKey(k), s]));
  const ofSeries = new Map<number, number[]>();
  episodes.forEach((e, i) => (ofSeries.get(e.series) ?? ofSeries.set(e.series, []).get(e.series)!).push(i));
  const tally = () => ({ alerts: 0, truePositives: 0, detected: new Set<number>() });
  const byRule = new Map(ruleIds.map((id) => [id, tally()]));
  const overall = tally();
  for (const alert of alerts) {
    const s = index.get(seriesKey(alert))!;
    const t = periodIndex(alert.period) - panel.start;
    const hits = (ofSeries.get(s) ?? []).filter((i) => episodes[i].from <= t && t <= episodes[i].to);
    for (const c of [overall, ...alert.rules.map((r) => byRule.get(r.id)!)]) {
      c.alerts++;
      if (hits.length > 0) c.truePositives++;
      for (const i of hits) c.detected.add(i);
    }
  }
  const score = (c: ReturnType<typeof tally>): Score => ({
    alerts: c.alerts,
    truePositives: c.truePositives,
    precision: c.alerts > 0 ? c.truePositives / c.alerts : null,
    episodes: episodes.length,
    detected: c.detected.size,
    recall: episodes.length > 0 ? c.detected.size / episodes.length : null,
  });
  return { byRule: new Map([...byRule].map(([id, c]) => [id, score(c)])), overall: score(overall) };
}
