/**
 * Time to survive versus time to recover (Simchi-Levi, Schmidt & Wei, "From Superstorms to Factory Fires",
 * Harvard Business Review, Jan–Feb 2014): TTS is how long demand can still be met after a disruption — here, when
 * the stockpile is exhausted by the monthly shortfall left after substitution; TTR is how long the disrupted supply
 * takes to come back — the end of the last shock on the product plus the ramp-up time. A product binds when
 * TTS < TTR: the shortage reaches the economy before supply recovers.
 */
export interface StockDrawdown {
  /** Stock drawn per month. */
  drawn: Float64Array;
  /** Shortfall left after the stock, per month: what reaches industry. */
  unmet: Float64Array;
  /** Months from the scenario start until the stock is exhausted while short; null = never within the horizon. */
  timeToSurvive: number | null;
}

export function drawDownStock(shortfall: ArrayLike<number>, stock: number): StockDrawdown {
  const months = shortfall.length;
  const drawn = new Float64Array(months);
  const unmet = new Float64Array(months);
  let remaining = stock;
  let timeToSurvive: number | null = null;
  for (let t = 0; t < months; t++) {
    const short = shortfall[t];
    if (short <= 0) continue;
    const take = Math.min(remaining, short);
    drawn[t] = take;
    unmet[t] = short - take;
    if (timeToSurvive === null && unmet[t] > 1e-9 * short) timeToSurvive = t + remaining / short;
    remaining -= take;
  }
  return { drawn, unmet, timeToSurvive };
}

/** TTR = the latest (start + duration) of the shocks on the product, plus the ramp-up time. */
export function timeToRecover(shockEnds: readonly number[], rampUp: number): number {
  return shockEnds.length === 0 ? 0 : Math.max(...shockEnds) + rampUp;
}
