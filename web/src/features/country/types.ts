import type { ApiResponse } from '../../api/schema.ts';

/** GET /api/countries/:iso3/supplies — what a partner supplies a reporter. */
export type CountrySupplies = ApiResponse<'GET /api/countries/{iso3}/supplies'>;
export type PartnerSupply = CountrySupplies['items'][number];
