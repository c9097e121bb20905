import type { ApiResponse } from '../../api/schema.ts';

/** Shapes of the screens API (src/server/routes/screens.ts) as the page reads them. */
export type Lang = 'ja' | 'en';

export type ScreenResponse = ApiResponse<'GET /api/screens'>;
export type ScreenItem = ScreenResponse['items'][number];
export type ScreenProvenance = ScreenResponse['provenance'];
export type MethodInfo = ScreenResponse['methods'][number];
/** Threshold values per method: { eu2021: { hhi: 0.4, … }, … }. */
export type MethodThresholds = ScreenProvenance['thresholds'];

export type CountsResponse = ApiResponse<'GET /api/screens/counts'>;

/** An HS chapter with its titles (GET /api/hs/chapters). */
export type HsChapter = ApiResponse<'GET /api/hs/chapters'>['items'][number];

/** A screen-all job (POST /api/jobs, GET /api/jobs/:id). */
export type Job = ApiResponse<'GET /api/jobs/{id}'>;
