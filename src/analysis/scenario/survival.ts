import type { Shock } from './definition.ts';
import type { RunSummary } from './runSummary.ts';

/**
 * Time to survive versus time to recover (Simchi-Levi, Schmidt & Wei, "From Superstorms to Factory Fires",
 * Harvard Business Review, Jan–Feb 2014): TTS is how long demand can still be met after a disruption — here, when
 * the stockpile is exhausted by the monthly shortfall left after substitution; TTR is how long the disrupted supply
 * takes to come back — the end of the last shock on the product plus the ramp-up time. A product binds when
 * TTS < TTR: the shortage reaches the economy before supply recovers. (TTS comes out of the stock drawdown,
 * `drawDownStock`: t + stock left / monthly shortfall in the month the stock runs out.)
 */
/** TTR = the end of the last shock on the product (latest start + duration), plus the ramp-up time. */
export function timeToRecover(lastShockEnd: number, rampUp: number): number {
  return lastShockEnd + rampUp;
}

/** The latest start + duration among the shocks (indexes into `shocks`) on a product, with this run's durations. */
export function lastShockEnd(
  productShocks: readonly number[],
  shocks: readonly Shock[],
  durations: readonly number[],
): number {
  let lastEnd = 0;
  for (const i of productShocks) lastEnd = Math.max(lastEnd, shocks[i].start + durations[i]);
  return lastEnd;
}

/**
 * Stock drawdown of product k (PRODUCT.md §3.4 step 3): each month the shortfall left after substitution,
 * lost − replaced, is drawn from the stock (days of cover / 365 × annual imports) while it lasts; the rest is
 * unmet. Writes each month's draw and unmet amount (0 in months without a shortfall) into `drawn` and `unmet`, and
 * the product's totals and TTS (NaN when the stock lasts the horizon) into the summary at index k. Writes in place:
 * this runs for every product of every Monte Carlo draw.
 */
export function drawDownStock(
  summary: RunSummary,
  k: number,
  stock: number,
  lost: Float64Array,
  replaced: Float64Array,
  months: number,
  drawn: Float64Array,
  unmet: Float64Array,
): void {
  let remaining = stock;
  let tts = NaN;
  let lostSum = 0;
  let replacedSum = 0;
  let drawnSum = 0;
  let unmetSum = 0;
  for (let t = 0; t < months; t++) {
    lostSum += lost[t];
    replacedSum += replaced[t];
    const short = Math.max(0, lost[t] - replaced[t]);
    if (short <= 0) {
      drawn[t] = 0;
      unmet[t] = 0;
      continue;
    }
    const take = Math.min(remaining, short);
    const left = short - take;
    if (Number.isNaN(tts) && left > 1e-9 * short) tts = t + remaining / short;
    remaining -= take;
    drawnSum += take;
    unmetSum += left;
    drawn[t] = take;
    unmet[t] = left;
  }
  summary.lost[k] = lostSum;
  summary.replaced[k] = replacedSum;
  summary.drawn[k] = drawnSum;
  summary.unmet[k] = unmetSum;
  summary.timeToSurvive[k] = tts;
}
