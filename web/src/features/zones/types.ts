import type { ApiResponse } from '../../api/schema.ts';

/** Shapes of /api/zones as the pages use them. */
export type ZonesResponse = ApiResponse<'GET /api/zones'>;
export type ZoneEntry = ZonesResponse['items'][number];
export type ZoneId = ZonesResponse['zones'][number]['id'];

export const zoneColours: Record<ZoneId, string> = {
  disruptive: '#7b3fa0',
  advantage: '#1f77b4',
  dependence: '#d62728',
};
