import { evaluateMethod, type Method } from './method.ts';

/**
 * Majority supplier: one partner supplies more than half of the imports. Cabinet Office (内閣府, 2022,
 * 「世界経済の潮流 2022 I」) counts items with > 50 % of imports from China; Korea's supply-chain early warning
 * uses ≥ 50 % from one country (set the threshold to 0.4999… for "≥"). With a named partner (e.g. CHN) the test
 * is that partner's share, otherwise the top supplier's.
 */
export const majority: Method = {
  id: 'majority',
  name: { ja: '特定国への過半依存', en: 'majority supplier' },
  citation:
    '内閣府 (Cabinet Office of Japan) (2022), 世界経済の潮流 2022 I; Korea, Framework Act on Supply Chain Stabilisation (2024) — items ≥ 50 % from one country',
  thresholds: [{ name: 'share', default: 0.5, kind: 'share', label: { ja: '単一国シェア', en: 'single-partner share' } }],
  criteria: (options = {}) => [
    options.partner
      ? { indicator: 'partnerShare', op: '>', threshold: 'share', label: { ja: `${options.partner} からの輸入シェア`, en: `share of imports from ${options.partner}` } }
      : { indicator: 'topShare', op: '>', threshold: 'share', label: { ja: '最大輸入先のシェア', en: 'top supplier share' } },
  ],
  evaluate: (history, year, thresholds, options) => evaluateMethod(majority, history, year, thresholds, options),
};
