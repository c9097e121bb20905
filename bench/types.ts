/** One measured figure of a benchmark, with the target it is held to. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** e.g. '≤ 1.3' for a ratio, '≤ 50' for ms. */
  target?: string;
  pass?: boolean;
  note?: string;
}
