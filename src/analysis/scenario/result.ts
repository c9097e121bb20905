import type { Ranged } from './random.ts';

/**
 * What a scenario run gives (run.ts): every figure of the central run with its Monte Carlo range. Trade values are
 * thousand USD; sector figures are in the table's unit.
 */
export interface PartnerAmount {
  partner: string;
  en: string;
  ja: string;
  value: number;
  likeMinded?: boolean;
}

export interface ProductMonth {
  month: number;
  lost: number;
  lostQuantity: number | null;
  replaced: number;
  stockDrawn: number;
  unmet: number;
}

export interface ProductResult {
  product: string;
  /** Reporter's annual imports of the product in the base year. */
  imports: number;
  lost: Ranged;
  lostQuantity: number | null;
  replaced: Ranged;
  unmet: Ranged;
  /** Months; null when the product does not run short within the horizon (in the central run / at that quantile). */
  timeToSurvive: { value: number | null; p5: number | null; p50: number | null; p95: number | null };
  timeToRecover: Ranged;
  binding: boolean;
  /** Share of Monte Carlo draws in which the product binds. */
  bindingProbability: number;
  lostFrom: PartnerAmount[];
  replacedFrom: PartnerAmount[];
  months: ProductMonth[];
}

export interface SectorResult {
  code: string;
  en: string;
  ja: string;
  directInoperability: Ranged;
  inoperability: Ranged;
  leontiefOutputLoss: Ranged;
  ghoshOutputLoss: Ranged;
  arioOutputLoss: Ranged;
  leontiefValueAddedLoss: Ranged;
  arioValueAddedLoss: Ranged;
}

export interface EconomyResult {
  sectors: SectorResult[];
  leontiefValueAddedLoss: Ranged;
  ghoshOutputLoss: Ranged;
  arioValueAddedLoss: Ranged;
  arioOutputLoss: Ranged;
  /** Day on which total output is lowest (central run) and that output relative to baseline. */
  worstDay: number;
  worstRelativeOutput: Ranged;
  recoveredDay: number | null;
  /** Total output relative to baseline per day: central run and Monte Carlo band. */
  timeline: { central: number[]; p5: number[]; p50: number[]; p95: number[] };
  /** Central run, per sector, output relative to baseline per day (sectors × days). */
  sectorTimeline: number[][];
}

export interface ScenarioResult {
  name: string;
  nameJa?: string;
  reporter: { iso3: string; en: string; ja: string };
  year: number;
  horizonMonths: number;
  units: { trade: 'thousand USD'; quantity: 'tonnes'; sectors?: string };
  totals: {
    importsAffected: number;
    lost: Ranged;
    replaced: Ranged;
    stockDrawn: Ranged;
    unmet: Ranged;
  };
  products: ProductResult[];
  /** Products that bind (TTS < TTR) in the central run, the first to run short first. */
  bindingProducts: string[];
  economy?: EconomyResult;
  monteCarlo: { draws: number; seed: number };
  assumptions: string[];
}
