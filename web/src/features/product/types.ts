import type { ApiResponse } from '../../api/schema.ts';

/** Shapes of the API responses the product dossier and the country view read. */
export type Lang = 'ja' | 'en';

export type Dossier = ApiResponse<'GET /api/products/{hs6}'>;
export type DossierYear = Dossier['years'][number];
export type Supplier = DossierYear['suppliers'][number];
export type Verdict = Dossier['verdicts'][number];
export type Criterion = Verdict['criteria'][number];
export type MineralView = Dossier['minerals'][number];
export type ShareOf = MineralView['producers'][number];
export type ScreenProvenance = Dossier['provenance'];

export type Exposure = ApiResponse<'GET /api/maritime/exposure'>;
export type PassageExposure = Exposure['passages'][number];
export type PartnerExposure = Exposure['partners'][number];

export type RouteLine = ApiResponse<'GET /api/maritime/route'>;
export type Chokepoint = ApiResponse<'GET /api/maritime/chokepoints'>['items'][number];
