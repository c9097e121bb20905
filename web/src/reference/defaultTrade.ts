import type { ApiResponse } from '../api/schema.ts';

/** What the pickers need of `GET /api/datasets`: each dataset's kind and years, and which trade dataset is the default. */
export type DatasetYears = Pick<ApiResponse<'GET /api/datasets'>, 'defaultTradeDataset'> & {
  items: Pick<ApiResponse<'GET /api/datasets'>['items'][number], 'id' | 'years'>[];
};

/**
 * The years, oldest first, of the annual trade dataset that the API uses for a request naming none (the server
 * decides which: real data before synthetic, then the latest year); null when there is none the user may read.
 */
export function defaultTradeYears(list: DatasetYears): number[] | null {
  const trade = list.items.find((d) => d.id === list.defaultTradeDataset);
  return trade ? [...(trade.years ?? [])].sort((a, b) => a - b) : null;
}
