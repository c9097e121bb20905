import type { ApiResponse } from '../../api/schema.ts';

/** Shapes of /api/zones and /api/policy/map as the pages use them. */
export type ZonesResponse = ApiResponse<'GET /api/zones'>;
export type ZoneEntry = ZonesResponse['items'][number];
export type ZoneId = ZonesResponse['zones'][number]['id'];

/** Technology indicators (GET /api/tech/fields, /api/tech/rta). */
export type TechField = ApiResponse<'GET /api/tech/fields'>['items'][number];
export type RtaResponse = ApiResponse<'GET /api/tech/rta'>;

/** The policy map (GET /api/policy/measures, /api/policy/map). */
export type Measure = ApiResponse<'GET /api/policy/measures'>['items'][number];
export type MapItem = ApiResponse<'GET /api/policy/map'>['items'][number];

export const zoneColours: Record<ZoneId, string> = {
  disruptive: '#7b3fa0',
  advantage: '#1f77b4',
  dependence: '#d62728',
};
