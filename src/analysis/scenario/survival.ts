/**
 * Time to survive versus time to recover (Simchi-Levi, Schmidt & Wei, "From Superstorms to Factory Fires",
 * Harvard Business Review, Jan–Feb 2014): TTS is how long demand can still be met after a disruption — here, when
 * the stockpile is exhausted by the monthly shortfall left after substitution; TTR is how long the disrupted supply
 * takes to come back — the end of the last shock on the product plus the ramp-up time. A product binds when
 * TTS < TTR: the shortage reaches the economy before supply recovers. (TTS comes out of the stock drawdown in
 * run.ts: t + stock left / monthly shortfall in the month the stock runs out.)
 */
/** TTR = the end of the last shock on the product (latest start + duration), plus the ramp-up time. */
export function timeToRecover(lastShockEnd: number, rampUp: number): number {
  return lastShockEnd + rampUp;
}
