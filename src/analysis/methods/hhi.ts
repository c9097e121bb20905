import { evaluateMethod, type Method } from './method.ts';

/**
 * Concentration: import HHI ≥ 0.5 — 経済産業省「通商白書 2024」 counts goods whose import sources are highly
 * concentrated (HHI ≥ 0.5, i.e. ≥ 5,000 on the 0–10,000 scale).
 */
export const hhiMethod: Method = {
  id: 'hhi',
  name: { ja: '輸入集中度 (通商白書 2024)', en: 'import concentration (White Paper on International Economy and Trade 2024)' },
  citation: '経済産業省 (METI) (2024), 通商白書 2024 (White Paper on International Economy and Trade 2024)',
  thresholds: [{ name: 'hhi', default: 0.5, kind: 'share', label: { ja: '輸入HHI', en: 'import HHI' } }],
  criteria: () => [{ indicator: 'hhi', op: '>=', threshold: 'hhi', label: { ja: '輸入先の集中度 (HHI)', en: 'import concentration (HHI)' } }],
  evaluate: (history, year, thresholds, options) => evaluateMethod(hhiMethod, history, year, thresholds, options),
};
