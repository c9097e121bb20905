/** Largest shares: top-1 (the main supplier's share) and top-3 (the three largest together). */
export interface TopShares {
  /** Index of the largest share in the input, -1 for an empty input. */
  topIndex: number;
  top1: number;
  top3: number;
}

export function topShares(shares: ArrayLike<number>): TopShares {
  const sorted = Array.from(shares).sort((a, b) => b - a);
  let topIndex = -1;
  for (let i = 0; i < shares.length; i++) if (topIndex < 0 || shares[i] > shares[topIndex]) topIndex = i;
  return {
    topIndex,
    top1: sorted[0] ?? 0,
    top3: (sorted[0] ?? 0) + (sorted[1] ?? 0) + (sorted[2] ?? 0),
  };
}
