import type { ApiResponse } from '../../api/schema.ts';

/** Shapes of /api/registry and /api/identification as this feature reads them (issue 25, docs/identification.md). */
export type Lang = 'ja' | 'en';
export type RegistryEntry = ApiResponse<'GET /api/registry/entries'>['items'][number];
export type Coercion = ApiResponse<'GET /api/identification/coercion'>;
export type Alternatives = ApiResponse<'GET /api/identification/alternatives'>;
export type RiskRegister = ApiResponse<'GET /api/identification/risk-register'>;
export type RiskType = RiskRegister['riskTypes'][number]['id'];
