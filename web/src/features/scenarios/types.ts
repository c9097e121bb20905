import type { ApiResponse } from '../../api/schema.ts';

/**
 * What the scenario API answers (src/server/routes/scenarios.ts, src/analysis/scenario/run.ts). Trade figures
 * are thousand USD; sector figures are in the IO table's unit (`units.sectors`).
 */
export type ScenarioSummary = ApiResponse<'GET /api/scenarios'>['items'][number];
export type ScenarioRecord = ApiResponse<'GET /api/scenarios/{id}'>;

/** A run as the scenario's run list gives it (without results). */
export type RunSummary = ApiResponse<'GET /api/scenarios/{id}/runs'>['items'][number];
/** A run with its results (GET /api/scenario-runs/{id}). */
export type ScenarioRun = ApiResponse<'GET /api/scenario-runs/{id}'>;

/**
 * The field a failed run names: the server's schema leaves the error's place free-form (`place: unknown`), so it
 * is read only when it is an object with a string `field`.
 */
export function runErrorField(error: ScenarioRun['error']): string | undefined {
  const place = error?.place;
  if (typeof place !== 'object' || place === null || !('field' in place)) return undefined;
  return typeof place.field === 'string' ? place.field : undefined;
}

export type {
  PartnerAmount,
  ProductMonth,
  ProductResult,
  Ranged,
  ScenarioRunResult,
  SectorResult,
} from '../../api/schema.ts';

export type ScenarioComparisonResponse = ApiResponse<'GET /api/scenario-comparison'>;
