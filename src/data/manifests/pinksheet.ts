import type { DatasetManifest } from './types.ts';

/** World Bank Commodity Price Data (Pink Sheet), monthly. Checksums, sizes and row counts computed from the files as published in the mirror. */
export const pinksheet: DatasetManifest = {
  id: 'pinksheet',
  title: 'World Bank Commodity Price Data (Pink Sheet), monthly',
  titleJa: '世界銀行 一次産品価格（ピンクシート）月次',
  publisher: 'World Bank',
  url: 'https://www.worldbank.org/en/research/commodity-markets',
  origin: [
    { repo: 'akram1335/lithium-thesis-app', commit: 'e2552ada', path: 'CMO-Historical-Data-Monthly.xlsx' },
  ],
  version: '1960-01 … 2025-11',
  licence: 'CC BY 4.0',
  kind: 'other',
  importer: 'files',
  description:
    'Monthly prices of 71 commodity series and 16 indices, January 1960 to November 2025: the original workbook and CSV extracts with the series list.',
  notes:
    "The World Bank replaces the workbook every month at the same address, so the publisher's current file has a different checksum; the download URL here is the copy these checksums describe.",
  // Early warning links related commodity prices from this series store (ews scan --prices, item pages).
  derive: {
    importer: 'prices',
    file: 'pinksheet_monthly_prices.csv',
    seriesList: 'pinksheet_series.csv',
    id: 'pinksheet-prices',
    title: 'World Bank Pink Sheet prices (monthly series)',
  },
  files: [
    {
      name: 'CMO-Historical-Data-Monthly.xlsx',
      mirrorPath: 'prices/CMO-Historical-Data-Monthly.xlsx',
      url: 'https://github.com/akram1335/lithium-thesis-app/raw/e2552ada/CMO-Historical-Data-Monthly.xlsx',
      sha256: '38c98c0e1d9cc1eedf7a5c943f0c603542d1150b4c097a9d50d099ba11dfa5e4',
      bytes: 778471,
    },
    {
      name: 'pinksheet_monthly_indices.csv',
      mirrorPath: 'prices/pinksheet_monthly_indices.csv',
      sha256: '9ec5ded9b5d3c10f484fd6d45137f0e0868571014377cadccb4bc6ea6c1c695f',
      bytes: 131683,
      rows: 791,
    },
    {
      name: 'pinksheet_monthly_prices.csv',
      mirrorPath: 'prices/pinksheet_monthly_prices.csv',
      sha256: '5bd5a29f3563428eeb38d49c9f57443d8829a1c6b8077ec8d42f7b2bf8ad6e8c',
      bytes: 381747,
      rows: 791,
    },
    {
      name: 'pinksheet_series.csv',
      mirrorPath: 'prices/pinksheet_series.csv',
      sha256: '49a98db1c74bcffea38a6f6f00f9069ecd2d6064fc38a0ec0dbb3e529c52b668',
      bytes: 2322,
      rows: 71,
    },
  ],
};
