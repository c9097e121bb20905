import type { DatasetManifest } from './types.ts';

/** UN Comtrade+ API responses for mineral HS codes (parser fixtures). Checksums, sizes and row counts computed from the files as published in the mirror. */
export const comtradeSamples: DatasetManifest = {
  id: 'comtrade-samples',
  title: 'UN Comtrade+ API responses for mineral HS codes (parser fixtures)',
  titleJa: 'UN Comtrade+ API 応答サンプル（鉱物）',
  publisher: 'United Nations Statistics Division (UN Comtrade)',
  url: 'https://comtradeplus.un.org/',
  origin: [{ repo: 'Redliana/cmm-data', commit: '99a987b1' }],
  version: 'annual 2020–2024',
  licence: 'UN Comtrade terms of use',
  kind: 'other',
  importer: 'files',
  description:
    'Real UN Comtrade+ annual responses 2020–2024 (reporters USA, China, …) for a few mineral HS codes, with the full Comtrade+ column schema.',
  files: [
    {
      name: 'cobalt_trade_data.csv',
      mirrorPath: 'comtrade-samples/cobalt_trade_data.csv',
      sha256: '600cfe39c390262d11042498b73905edc2744f250ac8f763fd33e0aef120a4c9',
      bytes: 17006,
      rows: 86,
    },
    {
      name: 'collection_summary.json',
      mirrorPath: 'comtrade-samples/collection_summary.json',
      sha256: '31f6f2f91e69a70b207ea05a5265a8071eb7a189af6cc3073a378527898bc8ed',
      bytes: 1482,
    },
    {
      name: 'copper_trade_data.csv',
      mirrorPath: 'comtrade-samples/copper_trade_data.csv',
      sha256: '1874faaa48df0b5989efd17bd2900e650cbe878ed877e1f76f31f08ca1aa1d90',
      bytes: 14742,
      rows: 75,
    },
    {
      name: 'gallium_trade_data.csv',
      mirrorPath: 'comtrade-samples/gallium_trade_data.csv',
      sha256: 'ec734520d5ffc5fa7bd0d61ec2ce95ac45312a7d58df818e3c58b20c7ea8ac48',
      bytes: 8339,
      rows: 40,
    },
    {
      name: 'graphite_trade_data.csv',
      mirrorPath: 'comtrade-samples/graphite_trade_data.csv',
      sha256: '839b571ec9ad26a24e01854a4edc4afa5b35fb804db4418c12e76bb244b283cc',
      bytes: 16665,
      rows: 80,
    },
    {
      name: 'heavy_ree_trade_data.csv',
      mirrorPath: 'comtrade-samples/heavy_ree_trade_data.csv',
      sha256: '2ea53309b0f098d666c9dd6d9cee3d15bb01eeea67c8f7259ca53864a2f12f97',
      bytes: 16161,
      rows: 80,
    },
    {
      name: 'light_ree_trade_data.csv',
      mirrorPath: 'comtrade-samples/light_ree_trade_data.csv',
      sha256: 'ad010b1e8a1fccaaeb25d2d712968443a20da2bf43da0ca3dfc20afcaece17ec',
      bytes: 16161,
      rows: 80,
    },
    {
      name: 'lithium_trade_data.csv',
      mirrorPath: 'comtrade-samples/lithium_trade_data.csv',
      sha256: 'c5de0ae48a9ac65793405d1e397022ca025a4d72972c510ad810e24093a1697f',
      bytes: 35305,
      rows: 175,
    },
    {
      name: 'nickel_trade_data.csv',
      mirrorPath: 'comtrade-samples/nickel_trade_data.csv',
      sha256: '8a766bf80087fa87c30555ff5d90190cbf16247ec4eeb299edca975b395bffbd',
      bytes: 20139,
      rows: 104,
    },
  ],
};
