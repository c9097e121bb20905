import type { propagateDynamic } from './propagation.ts';
import type { ProductReplacement } from './replacement.ts';
import { ranged, type Ranged } from './random.ts';

/**
 * What one pass of the pipeline leaves (run.ts): the central run and every Monte Carlo draw keep totals per product
 * and per sector (arrays indexed like the affected products and the table's sectors); the central run also keeps
 * the monthly detail of each product and the ARIO timeline.
 */
export interface RunSummary {
  lost: Float64Array;
  replaced: Float64Array;
  drawn: Float64Array;
  unmet: Float64Array;
  /** Months; NaN when the stock lasts through the horizon. */
  timeToSurvive: Float64Array;
  timeToRecover: Float64Array;
  economy?: {
    direct: Float64Array;
    inoperability: Float64Array;
    leontief: Float64Array;
    ghosh: Float64Array;
    arioOutputLoss: Float64Array;
    arioValueAddedLoss: Float64Array;
    worstRelativeOutput: number;
    /** Total output relative to baseline per day (output-weighted). */
    totalRelative: Float64Array;
  };
}

/** Monthly detail of one product in the central run. */
export interface ProductRun extends ProductReplacement {
  drawn: Float64Array;
  unmet: Float64Array;
}

export interface Run {
  summary: RunSummary;
  /** Central run only. */
  products?: ProductRun[];
  ario?: ReturnType<typeof propagateDynamic>;
}

export function emptySummary(products: number): RunSummary {
  return {
    lost: new Float64Array(products),
    replaced: new Float64Array(products),
    drawn: new Float64Array(products),
    unmet: new Float64Array(products),
    timeToSurvive: new Float64Array(products),
    timeToRecover: new Float64Array(products),
  };
}

/** A figure of the central run with its range over the draws, read from each draw's summary by `of`. */
export type RangeOverDraws = (value: number, of: (run: RunSummary) => number) => Ranged;

export function rangeOverDraws(draws: readonly Run[]): RangeOverDraws {
  return (value, of) =>
    ranged(
      value,
      draws.map((d) => of(d.summary)),
    );
}

export function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
