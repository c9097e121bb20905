/**
 * Median of the last `window` values pushed, kept in a sorted typed array: O(window) per push, no allocation.
 * One instance is reused across series (call reset()).
 */
export class RollingMedian {
  private readonly ring: Float64Array;
  private readonly sorted: Float64Array;
  private head = 0;
  count = 0;

  constructor(readonly window: number) {
    this.ring = new Float64Array(window);
    this.sorted = new Float64Array(window);
  }

  reset(): void {
    this.head = 0;
    this.count = 0;
  }

  push(x: number): void {
    const sorted = this.sorted;
    let n = this.count;
    if (n === this.window) {
      // Remove the oldest value from the sorted array.
      const old = this.ring[this.head];
      let i = lowerBound(sorted, n, old);
      for (; i < n - 1; i++) sorted[i] = sorted[i + 1];
      n--;
    } else {
      this.count++;
    }
    this.ring[this.head] = x;
    this.head = this.head + 1 === this.window ? 0 : this.head + 1;
    let j = n;
    while (j > 0 && sorted[j - 1] > x) {
      sorted[j] = sorted[j - 1];
      j--;
    }
    sorted[j] = x;
  }

  median(): number {
    const n = this.count;
    if (n === 0) return NaN;
    const h = n >> 1;
    return n & 1 ? this.sorted[h] : (this.sorted[h - 1] + this.sorted[h]) / 2;
  }
}

function lowerBound(a: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Median of up to 3 numbers (NaN entries skipped); NaN when none. */
export function medianOf3(a: number, b: number, c: number): number {
  const an = a === a;
  const bn = b === b;
  const cn = c === c;
  const n = (an ? 1 : 0) + (bn ? 1 : 0) + (cn ? 1 : 0);
  if (n === 3) return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  if (n === 2) return an ? (bn ? (a + b) / 2 : (a + c) / 2) : (b + c) / 2;
  if (n === 1) return an ? a : bn ? b : c;
  return NaN;
}
