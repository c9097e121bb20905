import { evaluateMethod, type Method } from './method.ts';

/**
 * EU 2021 bottom-up dependency screen: European Commission, "Strategic dependencies and capacities",
 * SWD(2021) 352 final (5 May 2021), Annex 2; method paper Arjona, Connell & Herghelegiu (2023) WP2023/14.
 * A product is "dependent" when all three hold: concentration of extra-EU imports HHI > 0.4; importance of
 * extra-EU imports in total imports > 0.5; substitutability: extra-EU imports / extra-EU exports > 1.
 */
export const eu2021: Method = {
  id: 'eu2021',
  name: { ja: 'EU 2021 ボトムアップ手法 (SWD(2021) 352)', en: 'EU 2021 bottom-up (SWD(2021) 352)' },
  citation:
    'European Commission (2021), Strategic dependencies and capacities, SWD(2021) 352 final, Annex 2; Arjona, Connell & Herghelegiu (2023), JRC/ECFIN WP2023/14',
  thresholds: [
    { name: 'hhi', default: 0.4, kind: 'share', label: { ja: '輸入HHI', en: 'import HHI' } },
    { name: 'extraGroupShare', default: 0.5, kind: 'share', label: { ja: '域外輸入比率', en: 'extra-group import share' } },
    { name: 'importExportRatio', default: 1, kind: 'ratio', label: { ja: '輸入/輸出比', en: 'imports / exports' } },
  ],
  criteria: () => [
    { indicator: 'hhi', op: '>', threshold: 'hhi', label: { ja: '輸入先の集中度 (HHI)', en: 'concentration of imports (HHI)' } },
    { indicator: 'extraGroupShare', op: '>', threshold: 'extraGroupShare', label: { ja: '域外からの輸入の比重', en: 'importance of extra-group imports' } },
    { indicator: 'importExportRatio', op: '>', threshold: 'importExportRatio', label: { ja: '代替可能性 (輸入/輸出)', en: 'substitutability (imports / exports)' } },
  ],
  evaluate: (history, year, thresholds, options) => evaluateMethod(eu2021, history, year, thresholds, options),
};
