import type { Marking } from '../../components/MarkingBadge.tsx';
import type { ApiResponse } from '../../api/schema.ts';
import type { Provenance } from '../../components/ProvenanceFooter.tsx';

/**
 * What the scenario API answers (src/server/routes/scenarios.ts, src/analysis/scenario/run.ts). Trade figures
 * are thousand USD; sector figures are in the IO table's unit (`units.sectors`).
 */
export type ScenarioSummary = ApiResponse<'GET /api/scenarios'>['items'][number];
export type ScenarioRecord = ApiResponse<'GET /api/scenarios/{id}'>;

type RunApi = ApiResponse<'GET /api/scenarios/{id}/runs'>['items'][number];
export type RunStatus = RunApi['status'];
/** A run; its result is free-form (Type.Any) in the server's response schema, so its shape is written below. */
export type ScenarioRun = Omit<RunApi, 'error'> & {
  error: { code: string; message: string; place: { field?: string } } | null;
  result?: ScenarioRunResult | null;
};

/** A figure with its Monte Carlo range. */
export interface Ranged {
  value: number;
  p5: number;
  p50: number;
  p95: number;
}

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
  imports: number;
  lost: Ranged;
  lostQuantity: number | null;
  replaced: Ranged;
  unmet: Ranged;
  timeToSurvive: { value: number | null; p5: number | null; p50: number | null; p95: number | null };
  timeToRecover: Ranged;
  binding: boolean;
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

export interface ScenarioRunResult {
  name: string;
  nameJa?: string;
  reporter: { iso3: string; en: string; ja: string };
  year: number;
  horizonMonths: number;
  units: { trade: string; quantity: string; sectors?: string };
  totals: { importsAffected: number; lost: Ranged; replaced: Ranged; stockDrawn: Ranged; unmet: Ranged };
  products: ProductResult[];
  bindingProducts: string[];
  economy?: {
    sectors: SectorResult[];
    leontiefValueAddedLoss: Ranged;
    ghoshOutputLoss: Ranged;
    arioValueAddedLoss: Ranged;
    arioOutputLoss: Ranged;
    worstDay: number;
    worstRelativeOutput: Ranged;
    recoveredDay: number | null;
    timeline: { central: number[]; p5: number[]; p50: number[]; p95: number[] };
    sectorTimeline: number[][];
  };
  monteCarlo: { draws: number; seed: number };
  assumptions: string[];
  provenance: {
    trade: Provenance;
    ioTable?: Provenance;
    seaNetwork?: Provenance;
    concordance?: { id: string; source: string };
    methods: string[];
  };
}

export interface ScenarioComparisonResponse {
  marking: Marking;
  comparison: {
    columns: { label: string; name: string; nameJa?: string; year: number; horizonMonths: number }[];
    totals: { metric: 'lost' | 'replaced' | 'stockDrawn' | 'unmet'; values: Ranged[] }[];
    economy: {
      metric: 'leontiefValueAddedLoss' | 'arioValueAddedLoss' | 'ghoshOutputLoss' | 'arioOutputLoss';
      values: (Ranged | null)[];
    }[];
    products: {
      product: string;
      lost: (Ranged | null)[];
      unmet: (Ranged | null)[];
      timeToSurvive: (number | null)[];
      binding: (boolean | null)[];
    }[];
    sectors: {
      code: string;
      en: string;
      ja: string;
      arioValueAddedLoss: (Ranged | null)[];
      leontiefValueAddedLoss: (Ranged | null)[];
    }[];
  };
  provenance: ({ run: string } & ScenarioRunResult['provenance'])[];
}
