import type { SeriesPanel } from './panel.ts';

/**
 * Partner shares and concentration per group (reporter × product × flow), each month, on trailing sums so that
 * one lumpy shipment does not swing them:
 *   share_p,t      = S3_p,t / S3_total,t            (S3: sum of months t−2 … t)
 *   baseShare_p,t  = S12_p,t−3 / S12_total,t−3      (S12: the 12 months before that window)
 *   shareChange    = share − baseShare             (fraction; ×100 = percentage points)
 *   HHI_t          = Σ_p share_p,t²  (Herfindahl–Hirschman; EU SWD(2021) 352), hhiChange = HHI_t − HHI_base
 *   topShareChange = max_p share_p,t − max_p baseShare_p,t
 *   othersGrowth   = (S3_others,t / 3) / (S12_others,t−3 / 12) − 1,  others = total − p
 *   diversion      = −shareChange on export series: the supplier's exports moving away from this partner
 *                    towards others (OECD 2023 export-restrictions inventory discusses such re-routing)
 * Partner-level figures go to partner series; group-level (HHI, top share) to the group's total series.
 */
export interface ShareIndicators {
  partnerShare: Float64Array;
  shareChange: Float64Array;
  diversion: Float64Array;
  othersGrowth: Float64Array;
  hhiChange: Float64Array;
  topShareChange: Float64Array;
}

/** Computes months from `from` on (NaN before), for scans of recent months. */
export function partnerShares(panel: SeriesPanel, out: ShareIndicators, from = 0): void {
  const T = panel.months;
  const v = panel.value;
  const cumTotal = new Float64Array(T + 1);
  const cum = new Float64Array(T + 1);
  const hhiNow = new Float64Array(T);
  const hhiBase = new Float64Array(T);
  const topNow = new Float64Array(T);
  const topBase = new Float64Array(T);
  for (const g of panel.groups) {
    const t0 = g.total * T;
    cumTotal[0] = 0;
    for (let t = 0; t < T; t++) cumTotal[t + 1] = cumTotal[t] + (v[t0 + t] === v[t0 + t] ? v[t0 + t] : 0);
    hhiNow.fill(0);
    hhiBase.fill(0);
    topNow.fill(0);
    topBase.fill(0);
    for (let m = 0; m < g.partners.length; m++) {
      const s = g.partners[m];
      const s0 = s * T;
      cum[0] = 0;
      for (let t = 0; t < T; t++) cum[t + 1] = cum[t] + (v[s0 + t] === v[s0 + t] ? v[s0 + t] : 0);
      for (let t = 0; t < T; t++) {
        const i = s0 + t;
        if (t < 14 || t < from) {
          out.partnerShare[i] = NaN;
          out.shareChange[i] = NaN;
          out.diversion[i] = NaN;
          out.othersGrowth[i] = NaN;
          continue;
        }
        const s3 = cum[t + 1] - cum[t - 2];
        const tot3 = cumTotal[t + 1] - cumTotal[t - 2];
        const b12 = cum[t - 2] - cum[t - 14];
        const totb12 = cumTotal[t - 2] - cumTotal[t - 14];
        const share = tot3 > 0 ? s3 / tot3 : NaN;
        const base = totb12 > 0 ? b12 / totb12 : NaN;
        out.partnerShare[i] = base;
        out.shareChange[i] = share - base;
        out.diversion[i] = g.flow === 'export' ? base - share : NaN;
        const othersBase = (totb12 - b12) / 12;
        out.othersGrowth[i] = othersBase > 0 ? (tot3 - s3) / 3 / othersBase - 1 : NaN;
        if (share === share) {
          hhiNow[t] += share * share;
          if (share > topNow[t]) topNow[t] = share;
        }
        if (base === base) {
          hhiBase[t] += base * base;
          if (base > topBase[t]) topBase[t] = base;
        }
      }
    }
    for (let t = 0; t < T; t++) {
      const i = t0 + t;
      out.partnerShare[i] = 1;
      out.shareChange[i] = NaN;
      out.diversion[i] = NaN;
      out.othersGrowth[i] = NaN;
      const ok =
        t >= 14 &&
        t >= from &&
        cumTotal[t + 1] - cumTotal[t - 2] > 0 &&
        cumTotal[t - 2] - cumTotal[t - 14] > 0;
      out.hhiChange[i] = ok && g.partners.length > 0 ? hhiNow[t] - hhiBase[t] : NaN;
      out.topShareChange[i] = ok && g.partners.length > 0 ? topNow[t] - topBase[t] : NaN;
    }
    for (let m = 0; m < g.partners.length; m++) {
      const s0 = g.partners[m] * T;
      out.hhiChange.fill(NaN, s0, s0 + T);
      out.topShareChange.fill(NaN, s0, s0 + T);
    }
  }
}
