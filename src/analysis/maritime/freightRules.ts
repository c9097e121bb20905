/**
 * Which mode a flow is assumed to travel by, so that only sea freight is routed through straits. Every
 * exposure result reports the rule applied to each flow:
 *   land                  partner and reporter share a land border (landNeighbours.ts)
 *   air_product           the product is on the air-freight list (HS prefixes; semiconductors 8541/8542,
 *                         diamonds 7102, gold 7108, platinum-group metals 7110 by default)
 *   air_value             value per tonne above the threshold (default 50,000 USD/t = 50 USD/kg; sea cargo is
 *                         typically worth a few USD/kg, air cargo often over 100 USD/kg — Hummels, "Transportation
 *                         costs and international trade in the second era of globalization", JEP 21(3), 2007)
 *   no_port               the partner or the reporter has no main port (nor transit gateway) to route from/to
 *   sea                   everything else, with a known quantity
 *   sea_quantity_unknown  sea-routed although the quantity is missing, so value per tonne could not be checked
 * Order of precedence: land, air_product, air_value, no_port, sea.
 */
export type FreightRule = 'land' | 'air_product' | 'air_value' | 'no_port' | 'sea' | 'sea_quantity_unknown';

export const freightRules: readonly FreightRule[] = [
  'sea',
  'sea_quantity_unknown',
  'land',
  'air_product',
  'air_value',
  'no_port',
];

export const freightRuleLabels: Record<FreightRule, { en: string; ja: string }> = {
  sea: { en: 'sea (routed)', ja: '海上輸送（航路計算）' },
  sea_quantity_unknown: {
    en: 'sea, quantity unknown (value/weight not checked)',
    ja: '海上輸送（数量不明のため単価未確認）',
  },
  land: { en: 'land neighbour (not sea-routed)', ja: '陸上国境（海上輸送とみなさない）' },
  air_product: { en: 'air freight (product list)', ja: '航空輸送（対象品目）' },
  air_value: {
    en: 'air freight (value per tonne above threshold)',
    ja: '航空輸送（重量当たり価額が閾値超）',
  },
  no_port: { en: 'no port to route from or to', ja: '発着港なし（航路計算不可）' },
};

export interface FreightOptions {
  /** USD per tonne above which a flow is assumed air-freighted. */
  airValuePerTonneUsd: number;
  /** HS prefixes (2–6 digits) always assumed air-freighted. */
  airProducts: string[];
}

export const defaultFreightOptions: FreightOptions = {
  airValuePerTonneUsd: 50_000,
  airProducts: ['8541', '8542', '7102', '7108', '7110'],
};

/**
 * The rule for one flow. `valueKusd` is thousand USD and `tonnes` metric tonnes (BACI's v and q), so value
 * per tonne in USD = 1000·v / q.
 */
export function freightRule(
  flow: { product: string; valueKusd: number; tonnes: number | null },
  context: { landNeighbour: boolean; hasPorts: boolean },
  options: FreightOptions = defaultFreightOptions,
): FreightRule {
  if (context.landNeighbour) return 'land';
  if (options.airProducts.some((prefix) => flow.product.startsWith(prefix))) return 'air_product';
  const known = flow.tonnes !== null && flow.tonnes > 0;
  if (known && (1000 * flow.valueKusd) / flow.tonnes! > options.airValuePerTonneUsd) return 'air_value';
  if (!context.hasPorts) return 'no_port';
  return known ? 'sea' : 'sea_quantity_unknown';
}
