import type { DatasetManifest } from './types.ts';

/**
 * METI's specified entities subject to the export ban (Russia, Belarus, third countries), as of 2025-09-12.
 * Checksums, sizes and row counts computed from the files as published in the mirror. The fetch imports the CSV
 * parsed from the three full PDFs into the screening list `meti-russia` (dataset list-meti-russia).
 */
const base = 'https://www.meti.go.jp/policy/external_economy/trade_control/02_export/17_russia';

export const metiRussiaLists: DatasetManifest = {
  id: 'meti-russia-lists',
  title: 'Specified entities subject to the export ban: Russia, Belarus, third countries (METI), 2025-09-12',
  titleJa: '輸出等に係る禁止措置の対象となる特定団体（ロシア・ベラルーシ・第三国）2025年9月12日',
  publisher: 'Ministry of Economy, Trade and Industry (経済産業省); designations by MOFA notices',
  url: `${base}/`,
  origin: [
    {
      repo: 'ammitto/data-jp',
      commit: 'd5290657b3f887a78e0b54f768aaef9d1c4c13a1',
      path: 'reference-docs/russia-sanctions/',
      note: 'CSV parsed from the three full PDFs (pdfplumber text) by whoever made the mirror',
    },
  ],
  version: '2025-09-12',
  licence: 'Government of Japan Standard Terms of Use 2.0 (compatible with CC BY 4.0)',
  kind: 'other',
  importer: 'files',
  derive: {
    importer: 'screening-list',
    list: 'meti-russia',
    versions: [
      { file: 'meti_russia_belarus_third_country_specified_entities_2025-09-12.csv', version: '2025-09-12' },
    ],
  },
  description:
    '644 entities: Russia 561 (令和四年外務省告示第八十二号, last updated 2025-09-12), Belarus 27, third countries 56 (Armenia, UAE, China/HK, Türkiye …).',
  notes:
    'Parsed from PDF text: check raw_text and the PDFs. Russia entry 23 describes the armed forces; third-country entries 2 and 3 are the same company.',
  files: [
    {
      name: '20250912list_daisangoku_tokutei.pdf',
      mirrorPath: 'export-control/meti-russia-lists/20250912list_daisangoku_tokutei.pdf',
      sha256: 'f34f40f43442c30cbfdc68d9339425527499bd68dff46367b06a20e9e35ebcb4',
      bytes: 106048,
    },
    {
      name: '20250912list_russia_tokutei.pdf',
      mirrorPath: 'export-control/meti-russia-lists/20250912list_russia_tokutei.pdf',
      sha256: '92f23631d47dc625441abf8561f1ba9a1573fb33f950706e15690eeeff363a0a',
      bytes: 38776,
    },
    {
      name: 'list_belarus_tokutei.pdf',
      mirrorPath: 'export-control/meti-russia-lists/list_belarus_tokutei.pdf',
      url: `${base}/list_belarus_tokutei.pdf`,
      sha256: '6c15e457b4684e644293463d7ee8e35f4dab3af682cbe0e3ca568c2e1c218b56',
      bytes: 120994,
    },
    {
      name: 'list_daisangoku_tokutei.pdf',
      mirrorPath: 'export-control/meti-russia-lists/list_daisangoku_tokutei.pdf',
      url: `${base}/list_daisangoku_tokutei.pdf`,
      sha256: '90d9c1607968e1aa3ce9a95475737969c53471e99896e9f950c5630310b5d8e8',
      bytes: 203106,
    },
    {
      name: 'list_russia_tokutei.pdf',
      mirrorPath: 'export-control/meti-russia-lists/list_russia_tokutei.pdf',
      url: `${base}/list_russia_tokutei.pdf`,
      sha256: '1bdc3dcb12441340fa960d20eae506776165e5d10e484e4079f25f0435d8c78c',
      bytes: 324938,
    },
    {
      name: 'meti_russia_belarus_third_country_specified_entities_2025-09-12.csv',
      mirrorPath:
        'export-control/meti-russia-lists/meti_russia_belarus_third_country_specified_entities_2025-09-12.csv',
      sha256: 'ab11559c8d9f118f80c640d549aeeffc8aede096c78930cab27d43b4da537bd3',
      bytes: 476063,
      rows: 644,
    },
  ],
};
