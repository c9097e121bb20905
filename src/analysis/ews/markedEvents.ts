import { joinMarkings, type Marking } from '../marking.ts';
import { eventConcerns, eventsCovering, type EventWindow, type RecordedEvent } from './events.ts';
import { periodIndex } from './period.ts';
import type { Alert } from './rules.ts';

/** A recorded event with the marking it was entered under (seed events are public). */
export type MarkedEvent = RecordedEvent & { marking: Marking };

/** An alert that a marked event changed, with the marking it must carry. */
export interface MarkedAlert {
  alert: Alert;
  marking: Marking;
  /** Ids of the marked events whose markings were joined. */
  events: string[];
}

const seriesMonth = (a: Alert) => `${a.reporter}|${a.partner}|${a.hs}|${a.flow}|${a.period}`;
/** What a reader learns from an alert: its level, the rules that fired and the numbers behind them. */
const content = (a: Alert) =>
  JSON.stringify([a.level, a.rules.map((r) => r.id), a.indicators, a.explanation.en]);

/**
 * Alerts that depend on marked events. A scan evaluates the rules twice: `base` with the events every reader of
 * the series may read, `full` with every recorded event. A full alert equal to its base alert (same level, rules
 * and numbers) tells nothing about the marked events and is dropped; one that differs (new, another level, other
 * numbers) is returned with the join of `seriesMarking` and the markings of the marked events that give the
 * fired rules' event indicators (eventLead, eventAge) their value in that month — the only way an event reaches an
 * alert (indicators.ts). Should no such event be found, every marked event concerning the series is joined.
 */
export function alertsFromMarkedEvents(
  base: readonly Alert[],
  full: readonly Alert[],
  marked: readonly MarkedEvent[],
  seriesMarking: Marking,
  window: EventWindow,
): MarkedAlert[] {
  const baseContent = new Map(base.map((a) => [seriesMonth(a), content(a)]));
  const out: MarkedAlert[] = [];
  for (const alert of full) {
    if (baseContent.get(seriesMonth(alert)) === content(alert)) continue;
    const key = { reporter: alert.reporter, partner: alert.partner, hs: alert.hs, flow: alert.flow };
    const month = periodIndex(alert.period);
    const used = new Map<string, MarkedEvent>();
    for (const name of ['eventLead', 'eventAge'] as const) {
      if (!alert.indicators.some((i) => i.name === name)) continue;
      for (const e of eventsCovering(marked, key, month, window, name)) used.set(e.id, e);
    }
    if (used.size === 0) for (const e of marked) if (eventConcerns(e, key)) used.set(e.id, e);
    out.push({
      alert,
      marking: joinMarkings([seriesMarking, ...[...used.values()].map((e) => e.marking)]),
      events: [...used.keys()].sort(),
    });
  }
  return out;
}
