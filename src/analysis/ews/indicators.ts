import type { SeriesPanel } from './panel.ts';
import { seasonalZ, SeasonalWork, type SeasonalParameters } from './seasonalZ.ts';
import { RollingMedian } from './rollingMedian.ts';
import { unitValueRatio } from './unitValueRatio.ts';
import { partnerShares } from './partnerShares.ts';
import { priceMoves } from './priceMove.ts';
import { eventConcerns, eventIndicators, type EventWindow, type RecordedEvent } from './events.ts';

/** The indicators every series gets each month (NaN where one does not apply or history is too short). */
export const indicatorNames = [
  'valueZ',
  'valueRatio',
  'volumeZ',
  'unitValueRatio',
  'partnerShare',
  'shareChange',
  'diversion',
  'othersGrowth',
  'hhiChange',
  'topShareChange',
  'priceChange3m',
  'priceZ',
  'eventLead',
  'eventAge',
] as const;

export type IndicatorName = (typeof indicatorNames)[number];

export function isIndicatorName(name: unknown): name is IndicatorName {
  return typeof name === 'string' && (indicatorNames as readonly string[]).includes(name);
}

export const indicatorLabels: Record<IndicatorName, { ja: string; en: string; unit: string }> = {
  valueZ: { ja: '金額の季節基準比ロバストz値', en: 'value vs seasonal baseline (robust z)', unit: 'z' },
  valueRatio: { ja: '金額の季節基準比', en: 'value / seasonal baseline', unit: '×' },
  volumeZ: { ja: '数量の季節基準比ロバストz値', en: 'volume vs seasonal baseline (robust z)', unit: 'z' },
  unitValueRatio: {
    ja: '単価の直近12か月中央値比',
    en: 'unit value / median of previous 12 months',
    unit: '×',
  },
  partnerShare: { ja: '相手国シェア（基準期間）', en: "partner's share (baseline year)", unit: 'share' },
  shareChange: { ja: '相手国シェアの変化', en: "change of the partner's share", unit: 'share' },
  diversion: {
    ja: '輸出先の転換（当該国向けシェアの低下）',
    en: 'diversion (share of exports to this partner lost)',
    unit: 'share',
  },
  othersGrowth: { ja: '他国向けの伸び', en: 'growth of flows with other partners', unit: 'ratio' },
  hhiChange: { ja: 'HHI（集中度）の変化', en: 'change of concentration (HHI)', unit: 'HHI' },
  topShareChange: { ja: '最大供給国シェアの変化', en: "change of the top partner's share", unit: 'share' },
  priceChange3m: {
    ja: '関連商品価格の3か月変化率',
    en: 'related commodity price, 3-month change',
    unit: 'ratio',
  },
  priceZ: {
    ja: '関連商品価格の月次変化ロバストz値',
    en: 'related commodity price, monthly move (robust z)',
    unit: 'z',
  },
  eventLead: { ja: '措置発効までの月数', en: 'months until a recorded measure takes effect', unit: 'months' },
  eventAge: { ja: '措置発効後の月数', en: 'months since a recorded measure took effect', unit: 'months' },
};

export type IndicatorTable = Record<IndicatorName, Float64Array>;

/** A monthly price series linked to products (e.g. Pink Sheet nickel ↔ HS 7502). */
export interface PriceSeries {
  code: string;
  name: string;
  unit: string;
  /** Month index of values[0]. */
  start: number;
  values: Float64Array;
  /** HS codes or prefixes whose trade this price concerns. */
  hs: string[];
}

export interface IndicatorParameters {
  seasonal: SeasonalParameters;
  unitValueWindow: number;
  eventWindow: EventWindow;
}

export interface PanelIndicators {
  table: IndicatorTable;
  /** Seasonal baseline of the value (B_t), to draw with the series. */
  expected: Float64Array;
  /** Scale σ_t of the value residuals, log units (thresholds at B·exp(±z·σ)). */
  scale: Float64Array;
  /** Ids of the recorded events concerning each series. */
  events: string[][];
  /** Price series linked to each series' group total, by code. */
  prices: string[][];
}

/**
 * `eventLead` and `eventAge` of every series (events.ts) written into `lead` and `age` (series-major, like the
 * table); returns the ids of the events concerning each series.
 */
export function eventColumns(
  panel: SeriesPanel,
  events: readonly RecordedEvent[],
  window: EventWindow,
  lead: Float64Array,
  age: Float64Array,
): string[][] {
  const T = panel.months;
  const ids: string[][] = new Array(panel.series.length);
  const none: string[] = [];
  for (let s = 0; s < panel.series.length; s++) {
    const key = panel.series[s];
    ids[s] = events.some((e) => eventConcerns(e, key))
      ? eventIndicators(events, key, panel.start, T, window, lead, age, s * T)
      : none;
  }
  return ids;
}

export function computeIndicators(
  panel: SeriesPanel,
  params: IndicatorParameters,
  events: readonly RecordedEvent[] = [],
  prices: readonly PriceSeries[] = [],
  into?: PanelIndicators,
  /** First month (column) whose z-scores and unit-value ratios are needed; earlier ones are left NaN. */
  from = 0,
): PanelIndicators {
  const T = panel.months;
  const n = panel.series.length;
  const size = n * T;
  // Arrays of a previous call of the same size are reused (chunked scans), so memory is not reallocated.
  const reuse = into && into.expected.length === size ? into : undefined;
  const table = reuse?.table ?? ({} as IndicatorTable);
  for (const name of indicatorNames)
    table[name] = reuse ? table[name].fill(NaN) : new Float64Array(size).fill(NaN);
  const expected = reuse?.expected ?? new Float64Array(size);
  const scale = reuse?.scale ?? new Float64Array(size);
  const work = new SeasonalWork(T, params.seasonal);
  const uvMedian = new RollingMedian(params.unitValueWindow);
  const { valueZ, valueRatio, volumeZ } = table;
  for (let s = 0; s < n; s++) {
    const off = s * T;
    seasonalZ(panel.value, off, T, params.seasonal, work, valueZ, expected, scale, from);
    for (let i = off + Math.max(0, from); i < off + T; i++)
      valueRatio[i] = expected[i] > 0 ? panel.value[i] / expected[i] : NaN;
    if (panel.quantity[off] === panel.quantity[off]) {
      seasonalZ(panel.quantity, off, T, params.seasonal, work, volumeZ, null, null, from);
      unitValueRatio(panel.value, panel.quantity, off, T, uvMedian, table.unitValueRatio, from);
    }
  }
  partnerShares(panel, table, from);

  const eventIds = eventColumns(panel, events, params.eventWindow, table.eventLead, table.eventAge);

  const priceCodes: string[][] = Array.from({ length: n }, () => []);
  for (const price of prices) {
    const moves = {
      priceChange3m: new Float64Array(price.values.length),
      priceZ: new Float64Array(price.values.length),
    };
    priceMoves(price.values, moves);
    for (const g of panel.groups) {
      if (!price.hs.some((h) => g.hs.startsWith(h) || h.startsWith(g.hs))) continue;
      const off = g.total * T;
      priceCodes[g.total].push(price.code);
      for (let t = 0; t < T; t++) {
        const u = panel.start + t - price.start;
        if (u < 0 || u >= price.values.length) continue;
        // With several linked prices the larger move counts.
        const c = moves.priceChange3m[u];
        if (!(Math.abs(table.priceChange3m[off + t]) >= Math.abs(c))) table.priceChange3m[off + t] = c;
        const z = moves.priceZ[u];
        if (!(Math.abs(table.priceZ[off + t]) >= Math.abs(z))) table.priceZ[off + t] = z;
      }
    }
  }
  return { table, expected, scale, events: eventIds, prices: priceCodes };
}
