import type { DatasetManifest } from './types.ts';

/** GLEIF golden-copy excerpts (LEI-CDF, RR-CDF, reporting exceptions) and their BODS 0.2 transformation (ownership/ in the mirror, issue 21). Checksums and sizes computed from the mirror's files. */
export const ownershipGleifGoldenCopy: DatasetManifest = {
  id: 'ownership-gleif-golden-copy',
  title:
    'GLEIF golden-copy excerpts (LEI-CDF, RR-CDF, reporting exceptions) and their BODS 0.2 transformation',
  titleJa: 'GLEIF ゴールデンコピー抜粋と BODS 0.2 変換',
  publisher: 'GLEIF (XML); Open Ownership (BODS statements)',
  url: 'https://www.gleif.org/en/lei-data/gleif-golden-copy',
  origin: [
    {
      repo: 'openownership/bodspipelines',
      commit: '38d7e70db19f6e4cb68b1f64b29538a451549b85',
      path: 'tests/fixtures/',
    },
  ],
  version: '2023-06-05',
  licence:
    'GLEIF data CC0 1.0; BODS statements per https://register.openownership.org/terms-and-conditions; code AGPL-3.0',
  kind: 'other',
  importer: 'files',
  description:
    'The first 14 LEI records, 10 relationship records and 30 reporting exceptions of the 2023-06-05/09 golden copy, with 5 entity and 10 ownership-or-control statements as Open Ownership generated them (BODS 0.2).',
  notes: 'Format fixtures: the relationship ends are mostly not among the 14 LEI records.',
  files: [
    {
      name: 'lei-data-out.json',
      mirrorPath: 'ownership/gleif-golden-copy-excerpts/lei-data-out.json',
      sha256: 'f5c185df500a4cad16993de8a23a01d4160bf718764cb4cfd44af1fd20a59596',
      bytes: 6797,
    },
    {
      name: 'lei-data.xml',
      mirrorPath: 'ownership/gleif-golden-copy-excerpts/lei-data.xml',
      sha256: 'e17c967783c5cb77d3bb0ba904dbf0882100cdce85c2cc972ca7b0f740fe0658',
      bytes: 53288,
    },
    {
      name: 'repex-data.xml',
      mirrorPath: 'ownership/gleif-golden-copy-excerpts/repex-data.xml',
      sha256: '4fc637e81bb08f61f8ca224a42cecb60fdd57291864dce214f9d51d1a2042b56',
      bytes: 3550,
    },
    {
      name: 'rr-data-out.json',
      mirrorPath: 'ownership/gleif-golden-copy-excerpts/rr-data-out.json',
      sha256: '6b633f6c903b1d7c4e346d59a56ef79ac50b90c935063a541de0097b738e73d6',
      bytes: 10015,
    },
    {
      name: 'rr-data.xml',
      mirrorPath: 'ownership/gleif-golden-copy-excerpts/rr-data.xml',
      sha256: '37adcaac6f91b740a6723b0afed865703be8c01d2037605f4669f12be248f37b',
      bytes: 19325,
    },
  ],
};
