import type { ApiResponse } from '../../api/schema.ts';

/** The shapes this view reads, taken from the generated API types. */
export type InvestmentCaseRow = ApiResponse<'GET /api/investment/cases'>['items'][number];
export type DeadlineRow = ApiResponse<'GET /api/investment/deadlines'>['items'][number];
export type InvestmentCaseDetail = ApiResponse<'GET /api/investment/cases/{id}'>;
export type OwnersReport = ApiResponse<'GET /api/ownership/owners/{entity}'>;
