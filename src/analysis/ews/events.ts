import { ChokepointError } from '../../errors.ts';
import type { SeriesKey } from './panel.ts';

/**
 * A recorded event: an export-control announcement (or any dated measure) by a country on products.
 * Entered by users with dates, seeded from a CSV with its source.
 */
export interface RecordedEvent {
  id: string;
  /** ISO3 of the country imposing the measure. */
  country: string;
  /** HS codes or prefixes the measure covers (e.g. '811292', '2504'). */
  hs: string[];
  /** Partners the measure targets (ISO3); empty = all destinations. */
  targets: string[];
  /** YYYY-MM-DD */
  announced: string;
  effective: string;
  title: { ja: string; en: string };
  source: string;
}

export interface EventWindow {
  /** Months before the announcement already counted as the run-up (anticipation, rumours). */
  beforeAnnouncement: number;
  /** Months after the effective date counted as the control's aftermath. */
  afterEffective: number;
}

export const defaultEventWindow: EventWindow = { beforeAnnouncement: 2, afterEffective: 12 };

/**
 * The window a backtest uses: nothing before the announcement. A backtest replays what a scan on each month would
 * have seen; before its announcement an event was not known (its run-up months are look-ahead), so it counts only
 * from the announcement month — monthly data of that month are published after it ends, hence after the
 * announcement.
 */
export function withoutLookAhead(window: EventWindow): EventWindow {
  return { ...window, beforeAnnouncement: 0 };
}

const monthOf = (date: string): number => {
  const m = /^(\d{4})-(\d{2})/.exec(date);
  if (!m) throw new ChokepointError('bad_input', `event date "${date}" is not YYYY-MM-DD`, { field: 'date' });
  return Number(m[1]) * 12 + Number(m[2]) - 1;
};

/** Month indices (as periodIndex) of the announcement and of the entry into force. */
export function eventMonths(event: RecordedEvent): { announced: number; effective: number } {
  return { announced: monthOf(event.announced), effective: monthOf(event.effective) };
}

/** Does the event concern this series? The imposing country is the supplier: reporter of exports, partner of imports. */
export function eventConcerns(event: RecordedEvent, key: SeriesKey): boolean {
  const supplier = key.flow === 'export' ? key.reporter : key.partner;
  const buyer = key.flow === 'export' ? key.partner : key.reporter;
  if (supplier !== event.country) return false;
  if (event.targets.length > 0 && !event.targets.includes(buyer)) return false;
  return event.hs.some((h) => key.hs.startsWith(h) || h.startsWith(key.hs));
}

/**
 * Event indicators for one series, month by month:
 *   eventLead = months until the measure takes effect, from `beforeAnnouncement` months before the
 *               announcement up to the month before it takes effect (the front-loading window);
 *   eventAge  = months since it took effect, 0 … afterEffective (the collapse window).
 * With several events the nearest counts. Writes NaN outside every window.
 */
export function eventIndicators(
  events: readonly RecordedEvent[],
  key: SeriesKey,
  start: number,
  months: number,
  window: EventWindow,
  lead: Float64Array,
  age: Float64Array,
  off: number,
): string[] {
  lead.fill(NaN, off, off + months);
  age.fill(NaN, off, off + months);
  const used: string[] = [];
  for (const event of events) {
    if (!eventConcerns(event, key)) continue;
    used.push(event.id);
    const announced = monthOf(event.announced);
    const effective = monthOf(event.effective);
    for (let t = 0; t < months; t++) {
      const m = start + t;
      const i = off + t;
      const l = leadAt(m, announced, effective, window);
      if (l === l && !(lead[i] <= l)) lead[i] = l;
      const a = ageAt(m, effective, window);
      if (a === a && !(age[i] <= a)) age[i] = a;
    }
  }
  return used;
}

/** Months until the measure takes effect, inside the front-loading window; NaN outside it. */
function leadAt(m: number, announced: number, effective: number, window: EventWindow): number {
  return m >= announced - window.beforeAnnouncement && m < effective ? effective - m : NaN;
}

/** Months since the measure took effect, inside the aftermath window; NaN outside it. */
function ageAt(m: number, effective: number, window: EventWindow): number {
  return m >= effective && m - effective <= window.afterEffective ? m - effective : NaN;
}

/**
 * The events that give a series its `eventLead` or `eventAge` in month `month` (absolute month index, as
 * periodIndex): those concerning the series whose window for that indicator covers the month. Only these can
 * change an alert of that month, so only their markings pass to it.
 */
export function eventsCovering<E extends RecordedEvent>(
  events: readonly E[],
  key: SeriesKey,
  month: number,
  window: EventWindow,
  indicator: 'eventLead' | 'eventAge',
): E[] {
  return events.filter((event) => {
    if (!eventConcerns(event, key)) return false;
    const effective = monthOf(event.effective);
    const v =
      indicator === 'eventLead'
        ? leadAt(month, monthOf(event.announced), effective, window)
        : ageAt(month, effective, window);
    return v === v;
  });
}
