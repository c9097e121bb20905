import type { ApiResponse } from '../../api/schema.ts';

/** Shapes of /api/critical-goods and /api/screens as this feature reads them. */
export type Lang = 'ja' | 'en';

export type CriticalGood = ApiResponse<'GET /api/critical-goods/{id}'>;
export type CriticalHsCode = CriticalGood['hs'][number];
export type HsMatch = CriticalHsCode['match'];

export type ScreenResponse = ApiResponse<'GET /api/screens'>;
/** The fields of a screen row the headline risks read. */
export type ScreenItem = Pick<
  ScreenResponse['items'][number],
  | 'hs6'
  | 'labelEn'
  | 'labelJa'
  | 'importValueUsd'
  | 'hhi'
  | 'topSupplier'
  | 'topShare'
  | 'suppliers'
  | 'critical'
  | 'flags'
>;
export type ScreenMethod = ScreenResponse['methods'][number];
