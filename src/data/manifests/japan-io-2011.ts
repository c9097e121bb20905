import type { DatasetManifest } from './types.ts';

/** Japan input-output table 2011 (13 and 3 sectors). Checksums, sizes and row counts computed from the files as published in the mirror. */
export const japanIo2011: DatasetManifest = {
  id: 'japan-io-2011',
  title: 'Japan input-output table 2011 (13 and 3 sectors)',
  titleJa: '平成23年（2011年）産業連関表（13部門・3部門）',
  publisher: 'Ministry of Internal Affairs and Communications (総務省), via e-Stat',
  url: 'https://www.soumu.go.jp/toukei_toukatsu/data/io/ichiran.htm',
  origin: [{ repo: 'UchidaMizuki/blog-ioanalysis-in-r', commit: '5d9a9cdf' }],
  version: '2011',
  licence: 'e-Stat terms of use (政府標準利用規約)',
  kind: 'other',
  importer: 'files',
  description:
    "Japan's 2011 input-output table at 13 sectors (long and wide forms) and 3 sectors, English and Japanese labels, million yen.",
  // Scenarios propagate shocks through this table (the newest io-table unless a scenario names one).
  derive: { importer: 'io-table', file: 'iotable_13sector_2011.csv', id: 'io-jp2011' },
  files: [
    {
      name: 'iotable_13sector_2011.csv',
      mirrorPath: 'io/iotable_13sector_2011.csv',
      sha256: '8339af3d20a13e9ab0a3767fa5b4ebd101a3d495c4ff634339e0a9557b092119',
      bytes: 32088,
      rows: 377,
    },
    {
      name: 'iotable_13sector_2011_ja.csv',
      mirrorPath: 'io/iotable_13sector_2011_ja.csv',
      sha256: 'dac50dc6650f73b267e185aabb6f00aac57ea19574ac60bb7670f226e0570bd4',
      bytes: 26415,
      rows: 377,
    },
    {
      name: 'iotable_13sector_2011_wider.csv',
      mirrorPath: 'io/iotable_13sector_2011_wider.csv',
      sha256: '299bd39c2f59e298891635c2d04e0df5d60a2e50efc92d79d00db86e0f7f9e36',
      bytes: 4032,
      rows: 19,
    },
    {
      name: 'iotable_13sector_2011_wider_ja.csv',
      mirrorPath: 'io/iotable_13sector_2011_wider_ja.csv',
      sha256: '2da491d530bfc30f1f8d62cfd5032d961216b3128d49475d1ae9bfe8018a744c',
      bytes: 3731,
      rows: 19,
    },
    {
      name: 'iotable_3sector_2011.csv',
      mirrorPath: 'io/iotable_3sector_2011.csv',
      sha256: 'cdfbd1c4bf909c752411b8c754db4a5facf1fb58a5afaa82c7dfca7d020af140',
      bytes: 1309,
      rows: 21,
    },
  ],
};
