import { evaluateMethod, type Method } from './method.ts';

/**
 * CEPII GeoDep: Lefebvre, K. & Wibaux, P. (2024), "Import dependencies: where does the EU stand?", CEPII Policy
 * Brief No 47 (September 2024); criteria as documented with the GeoDep database (cepii.fr, bdd_modele id=41).
 * A product is a dependence when import HHI > 0.4, world export HHI > 0.4 and imports / exports > 1,
 * all three holding in at least 2 of the last 3 years (persistence filters one-off spikes).
 */
export const geodep: Method = {
  id: 'geodep',
  name: { ja: 'CEPII GeoDep (Policy Brief 47, 2024)', en: 'CEPII GeoDep (Policy Brief 47, 2024)' },
  citation: 'Lefebvre, K. & Wibaux, P. (2024), Import dependencies: where does the EU stand?, CEPII Policy Brief No 47',
  thresholds: [
    { name: 'importHhi', default: 0.4, kind: 'share', label: { ja: '輸入HHI', en: 'import HHI' } },
    { name: 'worldExportHhi', default: 0.4, kind: 'share', label: { ja: '世界輸出HHI', en: 'world export HHI' } },
    { name: 'importExportRatio', default: 1, kind: 'ratio', label: { ja: '輸入/輸出比', en: 'imports / exports' } },
    { name: 'minYears', default: 2, kind: 'years', label: { ja: '必要年数', en: 'years required' } },
    { name: 'window', default: 3, kind: 'years', label: { ja: '対象期間 (年)', en: 'window (years)' } },
  ],
  criteria: () => [
    { indicator: 'hhi', op: '>', threshold: 'importHhi', label: { ja: '輸入先の集中度 (HHI)', en: 'import concentration (HHI)' } },
    { indicator: 'worldExportHhi', op: '>', threshold: 'worldExportHhi', label: { ja: '世界輸出の集中度 (HHI)', en: 'world export concentration (HHI)' } },
    { indicator: 'importExportRatio', op: '>', threshold: 'importExportRatio', label: { ja: '純輸入 (輸入/輸出)', en: 'net importer (imports / exports)' } },
  ],
  persistence: { minYears: 'minYears', window: 'window' },
  evaluate: (history, year, thresholds, options) => evaluateMethod(geodep, history, year, thresholds, options),
};
