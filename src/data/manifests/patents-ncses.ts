import type { DatasetManifest } from './types.ts';

/** Patents by country, technology area and year (NSF NCSES). Checksums, sizes and row counts computed from the files as published in the mirror. */
export const patentsNcses: DatasetManifest = {
  id: 'patents-ncses',
  title: 'Patents by country, technology area and year (NSF NCSES)',
  titleJa: '国・技術分野・年別の特許（NSF NCSES）',
  publisher: 'National Science Foundation, National Center for Science and Engineering Statistics',
  url: 'https://ncses.nsf.gov/indicators',
  origin: [{ repo: 'bq-org/ncses_stats_explorer_placeholder', commit: '1f879ab6' }],
  version: 'Science and Engineering Indicators tables, 2000–2022',
  licence: 'US public domain',
  kind: 'other',
  importer: 'files',
  derive: { importer: 'patents', file: 'patents_by_country_field_year.csv' },
  description:
    'PCT applications 2000–2022 (about 120–140 economies; total and 5 WIPO areas) and USPTO grants 2000–2022 (49 economies, including semiconductors).',
  notes: "Year labels were reassigned from each table's stated range by whoever made the copy.",
  files: [
    {
      name: 'ncses_tables.csv',
      mirrorPath: 'patents/ncses_tables.csv',
      sha256: 'cb8d2bd579206fd02a8bf445b6f8ded5ea808fd000eb20a612911b7423c17ef5',
      bytes: 1541,
      rows: 13,
    },
    {
      name: 'patents_by_country_field_year.csv',
      mirrorPath: 'patents/patents_by_country_field_year.csv',
      sha256: '5c175636f384b2d3f86ceb2732426946902427055343c42593198b8667371cac',
      bytes: 2296686,
      rows: 25766,
    },
  ],
};
