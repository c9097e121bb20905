import type { DatasetManifest } from './types.ts';

/** World exports by exporter and HS4, 2017. Checksums, sizes and row counts computed from the files as published in the mirror. */
export const worldExportsHs4: DatasetManifest = {
  id: 'world-exports-hs4',
  title: 'World exports by exporter and HS4, 2017',
  titleJa: '世界の輸出（輸出国×HS4）2017年',
  publisher: 'UN Comtrade via Open Trade Statistics',
  url: 'https://tradestatistics.io/',
  origin: [{ repo: 'pachadotdev/economiccomplexity', commit: 'f2c36132', path: 'data/world_trade_2017.rda' }],
  version: '2017',
  licence: 'UN Comtrade terms of use (Open Trade Statistics)',
  kind: 'other',
  importer: 'files',
  derive: { importer: 'exports', file: 'world_trade_2017.csv.gz' },
  description:
    "Exports of all 224 exporters × 1,222 HS4 codes in 2017, USD (totals run about 13 % above WTO's world figure).",
  files: [
    {
      name: 'world_trade_2017.csv.gz',
      mirrorPath: 'world-exports-hs4/world_trade_2017.csv.gz',
      sha256: '27aa2c435f8bc846421cfec137a8970e354244de49da7e15b3b509cae962e967',
      bytes: 1257783,
      rows: 233432,
    },
  ],
};
