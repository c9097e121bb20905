import type { DatasetManifest } from './types.ts';

/** Japan Customs trade by area and summary commodity group (概況品). Checksums, sizes and row counts computed from the files as published in the mirror. */
export const japanCustomsSummary: DatasetManifest = {
  id: 'japan-customs-summary',
  title: 'Japan Customs trade by area and summary commodity group (概況品)',
  titleJa: '日本の貿易統計 地域×概況品',
  publisher: 'Japan Customs (財務省 貿易統計)',
  url: 'https://www.customs.go.jp/toukei/info/index_e.htm',
  origin: [{ repo: 'mitsuoxv/jp-trade', commit: 'a66ddb14', note: 'and 0668b1fb' }],
  version: 'monthly 2009-01 … 2019-05; annual 2009 … 2026 (2026 = Jan–Mar)',
  licence: 'Japan Customs terms of use',
  kind: 'other',
  importer: 'files',
  description:
    "Japan's exports and imports by 57 areas × 78 summary commodity groups (not HS), billion yen, monthly 2009-01 … 2019-05 and annual 2009 … 2026.",
  files: [
    {
      name: 'trade_monthly_2009-01_2019-05.csv.gz',
      mirrorPath: 'monthly/japan-customs-summary/trade_monthly_2009-01_2019-05.csv.gz',
      sha256: 'ed8905438b740d35e918ca4a7235e16d1b83f979d0123b418a3399eb0878d547',
      bytes: 4979762,
      rows: 659277,
    },
    {
      name: 'trade_year_2009-2026.csv.gz',
      mirrorPath: 'monthly/japan-customs-summary/trade_year_2009-2026.csv.gz',
      sha256: '955786f91919e2e60e5d507a4742e7f4520ba55893324b618e51d9f387c30670',
      bytes: 823594,
      rows: 95829,
    },
  ],
};
