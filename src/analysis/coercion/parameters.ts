/**
 * Thresholds of the coercion-exposure flags (editable per request; documented in docs/identification.md):
 * - minCoercerShare 0.5: the coercer is a dominant customer (or supplier) when it takes at least half of the
 *   reporter's exports (or gives half of its imports) of the product — the 50 % rule of China Books Review,
 *   "Visualizing China's trade dominance" (2021), and of the majority-supplier screen (Cabinet Office 2022).
 * - maxAbsorption 0.1: the displaced trade is replaceable when it is under a tenth of the market still open
 *   elsewhere (our default; the share of a new market an exporter can win within a year or two is rarely larger).
 * - maxAlternativeHhi 0.4: the alternatives are too concentrated above the HHI threshold of the EU 2021 and CEPII
 *   GeoDep dependence screens (SWD(2021) 352; Policy Brief 47, 2024).
 */
export interface CoercionParameters {
  minCoercerShare: number;
  maxAbsorption: number;
  maxAlternativeHhi: number;
}

export const defaultCoercionParameters: CoercionParameters = Object.freeze({
  minCoercerShare: 0.5,
  maxAbsorption: 0.1,
  maxAlternativeHhi: 0.4,
});
