import type { ApiResponse } from '../../api/schema.ts';

/** Shapes of the /api/maritime/* answers this feature reads (src/server/routes/maritime.ts). */
export type Lang = 'ja' | 'en';

export type NetworkResponse = ApiResponse<'GET /api/maritime/network.geojson'>;
export type LaneFeature = NetworkResponse['features'][number];
export type LineCoordinates = LaneFeature['geometry']['coordinates'];

export type StraitsResponse = ApiResponse<'GET /api/maritime/straits.geojson'>;
export type StraitFeature = StraitsResponse['features'][number];

export type ChokepointsResponse = ApiResponse<'GET /api/maritime/chokepoints'>;
export type Passage = ChokepointsResponse['items'][number];

export type ExposureResponse = ApiResponse<'GET /api/maritime/exposure'>;
export type Names = ExposureResponse['passageNames'];
export type FreightRule = ExposureResponse['byRule'][number]['rule'];
export type PassageExposure = ExposureResponse['passages'][number];
export type FlowLine = PassageExposure['topFlows'][number];
export type PartnerExposure = ExposureResponse['partners'][number];
export type CountryRoute = NonNullable<PartnerExposure['route']>;

export type RouteResponse = ApiResponse<'GET /api/maritime/route'>;
export type PortSummary = RouteResponse['from'];
