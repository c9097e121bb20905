import type { DatasetManifest } from './types.ts';

/** India's exports by HS8 and destination, FY2017-18 … FY2024-25. Checksums, sizes and row counts computed from the files as published in the mirror. */
export const indiaExportsHs8: DatasetManifest = {
  id: 'india-exports-hs8',
  title: "India's exports by HS8 and destination, FY2017-18 … FY2024-25",
  titleJa: 'インドの輸出（HS8桁×仕向国）2017–2024年度',
  publisher: 'Government of India, Department of Commerce (Export Import Data Bank)',
  url: 'https://tradestat.commerce.gov.in/',
  origin: [{ repo: 'dassoumyajitsenrysa-dataminer/tradestat-ingestor', commit: '33a3bd22' }],
  version: 'FY2017-18 … FY2024-25',
  licence: 'Government of India EIDB terms',
  kind: 'other',
  importer: 'files',
  description:
    "India's exports by HS8 × destination, US$ million, 2.84 M rows; coverage against official totals falls from 97 % (2018-19) to about 66 % (2023-25).",
  files: [
    {
      name: 'india_exports_hs8_by_country_FY2017-18_to_FY2024-25_usd_mn.csv.gz',
      mirrorPath: 'india-exports-hs8/india_exports_hs8_by_country_FY2017-18_to_FY2024-25_usd_mn.csv.gz',
      sha256: '15c824b44d5f066dc8bf87fb9eaab3125cdc4db32f28f61457e97b55f57ec56c',
      bytes: 23832642,
      rows: 2842586,
    },
  ],
};
