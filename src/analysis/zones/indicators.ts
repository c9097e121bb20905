/**
 * The indicators a zone rule may test, per registry entry (critical good or technology), for one reporter.
 * Technology side from patent counts (RTA, concentration, growth); trade side from exports (RCA, world shares)
 * and the supply-chain screen (import concentration, M/X, methods fired). A value the data cannot give is null,
 * and a condition on a null indicator is "not met" (and shown as missing).
 */
export interface EntryIndicators {
  /** Reporter's RTA in the entry's patent field(s), latest year of the window. */
  rta: number | null;
  /** OLS slope of the reporter's RTA per year over the window. */
  rtaTrend: number | null;
  /** Reporter's share of world patents in the field(s). */
  patentShare: number | null;
  /** Reporter's rank by patents in the field(s) (1 = first). */
  patentRank: number | null;
  /** Annual growth of world patenting in the field(s) over the window (log-linear least squares). */
  worldPatentGrowth: number | null;
  /** worldPatentGrowth minus the growth of world patenting in all fields (the field outgrowing the rest). */
  patentGrowthVsAll: number | null;
  /** Leading country's share of world patents in the field(s). */
  patentTopShare: number | null;
  /** Leader ÷ runner-up (ASPI's lead ratio). */
  patentLeadRatio: number | null;
  /** Countries needed to reach 75 % of world patents in the field(s). */
  patentCountriesTo75: number | null;
  /** Same leader in every year of the window and a lead ratio at or above the rule set's threshold. */
  settledLeader: boolean | null;
  /** Reporter's Balassa RCA for the entry's HS codes taken together. */
  rca: number | null;
  /** Reporter's share of world exports of the entry's HS codes. */
  exportShare: number | null;
  /** HHI of world exports by exporter. */
  worldExportHhi: number | null;
  /** Top exporter's share of world exports. */
  worldExportTopShare: number | null;
  /** Reporter's import HHI over partners (the screen). */
  importHhi: number | null;
  /** Reporter's top supplier's share of its imports. */
  topSupplierShare: number | null;
  /** Imports ÷ exports of the reporter. */
  mxRatio: number | null;
  /** Number of dependence-screen methods (EU 2021, GeoDep, majority, concentration) that flagged the entry's codes. */
  screenFlags: number | null;
  /** RCA where the entry has trade data (a good's advantage shows in what the reporter exports), else RTA. */
  advantage: number | null;
  /** The entry is a technology (true) or a good (false). */
  technology: boolean | null;
  /** Choke-point flag: world supply concentrated and the reporter's own share low. */
  dependence: boolean | null;
  /** Choke-point flag: the reporter holds a leading share (不可欠性). */
  indispensability: boolean | null;
}

export type IndicatorName = keyof EntryIndicators;

export const indicatorNames: IndicatorName[] = [
  'rta',
  'rtaTrend',
  'patentShare',
  'patentRank',
  'worldPatentGrowth',
  'patentGrowthVsAll',
  'patentTopShare',
  'patentLeadRatio',
  'patentCountriesTo75',
  'settledLeader',
  'rca',
  'exportShare',
  'worldExportHhi',
  'worldExportTopShare',
  'importHhi',
  'topSupplierShare',
  'mxRatio',
  'screenFlags',
  'advantage',
  'technology',
  'dependence',
  'indispensability',
];

export const indicatorLabels: Record<IndicatorName, { ja: string; en: string }> = {
  rta: { ja: '顕示技術優位 (RTA)', en: 'revealed technological advantage (RTA)' },
  rtaTrend: { ja: 'RTAの傾向 (年あたり)', en: 'RTA trend (per year)' },
  patentShare: { ja: '世界特許シェア', en: 'share of world patents' },
  patentRank: { ja: '特許順位', en: 'patent rank' },
  worldPatentGrowth: { ja: '世界特許の年平均伸び率', en: 'world patenting growth (per year)' },
  patentGrowthVsAll: { ja: '全分野比の伸び率差', en: 'growth over all fields' },
  patentTopShare: { ja: '首位国の特許シェア', en: 'top country share of patents' },
  patentLeadRatio: { ja: '首位と2位の比', en: 'lead ratio over runner-up' },
  patentCountriesTo75: { ja: '75%に達する国数', en: 'countries to reach 75 %' },
  settledLeader: { ja: '首位の定着', en: 'settled leader' },
  rca: { ja: '顕示比較優位 (RCA)', en: 'revealed comparative advantage (RCA)' },
  exportShare: { ja: '世界輸出シェア', en: 'share of world exports' },
  worldExportHhi: { ja: '世界輸出のHHI', en: 'world export HHI' },
  worldExportTopShare: { ja: '首位輸出国のシェア', en: 'top exporter share' },
  importHhi: { ja: '輸入HHI', en: 'import HHI' },
  topSupplierShare: { ja: '最大輸入先のシェア', en: 'top supplier share' },
  mxRatio: { ja: '輸入/輸出比', en: 'imports / exports' },
  screenFlags: { ja: '依存スクリーニングの該当手法数', en: 'dependence methods flagged' },
  advantage: {
    ja: '優位性 (物資はRCA、技術はRTA)',
    en: 'advantage (RCA for goods with trade data, else RTA)',
  },
  technology: { ja: '技術 (物資でない)', en: 'technology (not a good)' },
  dependence: { ja: 'チョークポイント (依存)', en: 'choke point (dependence)' },
  indispensability: { ja: '不可欠性', en: 'indispensability (不可欠性)' },
};

export function emptyIndicators(): EntryIndicators {
  return Object.fromEntries(indicatorNames.map((n) => [n, null])) as unknown as EntryIndicators;
}

/** advantage = RCA when known (goods: what the reporter exports), else RTA (technologies: what it patents). */
export function withAdvantage(ind: EntryIndicators): EntryIndicators {
  return { ...ind, advantage: ind.rca ?? ind.rta };
}
