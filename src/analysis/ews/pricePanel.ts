import type { SeriesPanel } from './panel.ts';
import { indicatorNames, type IndicatorTable, type PanelIndicators, type PriceSeries } from './indicators.ts';
import { priceMoves } from './priceMove.ts';

/**
 * Price series scanned on their own: a panel with one series per price (reporter and partner 'WLD', product =
 * the price's code) carrying only the price indicators, so that the same rules and alerts apply.
 */
export function pricePanel(prices: readonly PriceSeries[]): {
  panel: SeriesPanel;
  indicators: PanelIndicators;
} {
  const start = Math.min(...prices.map((p) => p.start));
  const end = Math.max(...prices.map((p) => p.start + p.values.length - 1));
  const T = end - start + 1;
  const n = prices.length;
  const value = new Float64Array(n * T).fill(NaN);
  const table = {} as IndicatorTable;
  for (const name of indicatorNames) table[name] = new Float64Array(n * T).fill(NaN);
  table.partnerShare.fill(1);
  prices.forEach((p, s) => {
    const moves = {
      priceChange3m: new Float64Array(p.values.length),
      priceZ: new Float64Array(p.values.length),
    };
    priceMoves(p.values, moves);
    const off = s * T + (p.start - start);
    value.set(p.values, off);
    table.priceChange3m.set(moves.priceChange3m, off);
    table.priceZ.set(moves.priceZ, off);
  });
  const panel: SeriesPanel = {
    start,
    months: T,
    series: prices.map((p) => ({ reporter: 'WLD', partner: 'WLD', hs: p.code, flow: 'import' as const })),
    units: prices.map((p) => p.unit),
    value,
    quantity: new Float64Array(n * T).fill(NaN),
    aggregate: new Uint8Array(n).fill(1),
    group: Int32Array.from(prices.map((_, i) => i)),
    groups: prices.map((p, i) => ({
      reporter: 'WLD',
      hs: p.code,
      flow: 'import' as const,
      partners: new Int32Array(0),
      total: i,
      derivedTotal: false,
    })),
  };
  return {
    panel,
    indicators: {
      table,
      expected: new Float64Array(n * T).fill(NaN),
      scale: new Float64Array(n * T).fill(NaN),
      events: prices.map(() => []),
      prices: prices.map((p) => [p.code]),
    },
  };
}
