import type { SeriesPanel } from './panel.ts';

/**
 * Generated monitoring list: every product (reporter × product × flow) with one partner above `threshold` of
 * the last 12 months' value — Korea's EWS monitors the items with ≥ 50 % dependence on one country; the Cabinet
 * Office (2022) counts items with > 50 % from China. Returns the group, its top partner and share.
 */
export interface MajoritySupplier {
  reporter: string;
  hs: string;
  flow: 'import' | 'export';
  partner: string;
  share: number;
}

export function majoritySuppliers(panel: SeriesPanel, threshold = 0.5, months = 12): MajoritySupplier[] {
  const T = panel.months;
  const from = Math.max(0, T - months);
  const out: MajoritySupplier[] = [];
  const sum = (s: number) => {
    let x = 0;
    for (let t = from; t < T; t++) {
      const v = panel.value[s * T + t];
      if (v === v) x += v;
    }
    return x;
  };
  for (const g of panel.groups) {
    const total = sum(g.total);
    if (!(total > 0)) continue;
    let best = -1;
    let bestValue = 0;
    for (const s of g.partners) {
      const v = sum(s);
      if (v > bestValue) {
        bestValue = v;
        best = s;
      }
    }
    if (best >= 0 && bestValue / total > threshold) {
      out.push({
        reporter: g.reporter,
        hs: g.hs,
        flow: g.flow,
        partner: panel.series[best].partner,
        share: bestValue / total,
      });
    }
  }
  return out.sort((a, b) => b.share - a.share);
}
