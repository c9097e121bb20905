/**
 * Aggregates without small cells (PRODUCT.md §3.11: others see only aggregates of ≥ 3 companies): a cell is shown
 * only when at least k distinct organisations contribute to it (k = 3). When a row also publishes its total, one
 * suppressed cell could be recovered as total − the shown cells, so a second cell (the smallest shown one) is
 * suppressed with it (complementary suppression, the usual rule of statistical disclosure control, e.g.
 * Eurostat/Hundepool et al., "Statistical Disclosure Control", 2012, §4.4); a total itself below k is suppressed.
 */
export interface Cell {
  key: string;
  /** Distinct organisations contributing. */
  organisations: number;
  value: number;
}

export interface ShownCell {
  key: string;
  organisations: number | null;
  value: number | null;
  suppressed: boolean;
}

export function suppressSmallCells(
  cells: readonly Cell[],
  total: { organisations: number; value: number } | null,
  k = 3,
): {
  cells: ShownCell[];
  total: { organisations: number | null; value: number | null; suppressed: boolean } | null;
} {
  const hidden = new Set(cells.filter((c) => c.organisations > 0 && c.organisations < k).map((c) => c.key));
  const totalHidden = total !== null && total.organisations < k;
  if (total !== null && !totalHidden && hidden.size === 1) {
    const next = cells
      .filter((c) => !hidden.has(c.key) && c.organisations > 0)
      .sort((a, b) => a.organisations - b.organisations || a.value - b.value)[0];
    if (next) hidden.add(next.key);
  }
  return {
    cells: cells.map((c) =>
      hidden.has(c.key) && c.organisations > 0
        ? { key: c.key, organisations: null, value: null, suppressed: true }
        : { key: c.key, organisations: c.organisations, value: c.value, suppressed: false },
    ),
    total:
      total === null
        ? null
        : totalHidden
          ? { organisations: null, value: null, suppressed: true }
          : { ...total, suppressed: false },
  };
}
