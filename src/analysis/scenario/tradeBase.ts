/**
 * The trade a scenario works on, for one reporter and base year (annual BACI-style figures: value in thousand
 * USD, quantity in tonnes or null when not published). Loaded by src/data/scenario/scenarioTrade.ts.
 */
export interface ImportFlow {
  product: string;
  /** BACI code of the partner (exporter). */
  partner: number;
  value: number;
  quantity: number | null;
}

/**
 * Pseudo-exporter codes for substitutes summed into a pool (the small ones of each product): their capacity
 * counts in full, and what they replace is reported as "other (like-minded) partners".
 */
export const pooledLikeMinded = -1;
export const pooledOther = -2;

export interface ExportFlow {
  product: string;
  exporter: number;
  /** The exporter's exports of the product to destinations other than the reporter. */
  value: number;
}

export interface TradeBase {
  year: number;
  reporterCodes: number[];
  imports: ImportFlow[];
  exportsToOthers: ExportFlow[];
  /** Names of the partners met, by BACI code. */
  partners: Record<number, { iso3: string; en: string; ja: string }>;
}
