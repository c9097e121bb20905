import type { ApiResponse, ScenarioRunResult } from '../../api/schema.ts';

/**
 * What the scenario API answers (src/server/routes/scenarios.ts, src/analysis/scenario/run.ts). Trade figures
 * are thousand USD; sector figures are in the IO table's unit (`units.sectors`).
 */
export type ScenarioSummary = ApiResponse<'GET /api/scenarios'>['items'][number];
export type ScenarioRecord = ApiResponse<'GET /api/scenarios/{id}'>;

type RunApi = ApiResponse<'GET /api/scenarios/{id}/runs'>['items'][number];
export type RunStatus = RunApi['status'];
/** A run; its error's place is free-form in the server's schema (a field name when it has one). */
export type ScenarioRun = Omit<RunApi, 'error'> & {
  error: { code: string; message: string; place: { field?: string } } | null;
  result?: ScenarioRunResult | null;
};

export type {
  PartnerAmount,
  ProductMonth,
  ProductResult,
  Ranged,
  ScenarioRunResult,
  SectorResult,
} from '../../api/schema.ts';

export type ScenarioComparisonResponse = ApiResponse<'GET /api/scenario-comparison'>;
