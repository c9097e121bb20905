import type { ApiResponse } from '../../api/schema.ts';

/** Shapes of /api/export-control as this feature reads them (issue 20, docs/exportControl.md). */
export type Lang = 'ja' | 'en';

export type ScreenResult = ApiResponse<'POST /api/export-control/screenings'>;
export type ScreenMatch = ScreenResult['matches'][number];
export type ListVersion = ScreenResult['lists'][number];
export type Lists = ApiResponse<'GET /api/export-control/lists'>;
export type Decision = ApiResponse<'POST /api/export-control/decisions'>;
export type CheckResult = ApiResponse<'POST /api/export-control/checks'>;
export type CaseSummary = ApiResponse<'GET /api/export-control/cases'>['items'][number];
export type CaseDetail = ApiResponse<'GET /api/export-control/cases/{id}'>;
export type Circumvention = ApiResponse<'GET /api/export-control/circumvention'>;
export type CircumventionCountry = Circumvention['countries'][number];
export type ProductList = ApiResponse<'GET /api/export-control/product-lists'>['items'][number];
export type Job = ApiResponse<'GET /api/jobs/{id}'>;

/** The party a hit is about, as the decision routes key it. */
export interface Party {
  name: string;
  country?: string;
}
