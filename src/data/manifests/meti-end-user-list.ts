import type { DatasetManifest } from './types.ts';

/**
 * METI End User List (外国ユーザーリスト), revisions 2025-01-31 and 2025-09-29. Checksums, sizes and row counts computed
 * from the files as published in the mirror. The fetch imports both revisions, in order, into the screening list
 * `meti-eul` (dataset list-meti-eul), so the list starts with its 2025-09-29 delta.
 */
export const metiEndUserList: DatasetManifest = {
  id: 'meti-end-user-list',
  title: 'End User List (METI), revisions 2025-01-31 and 2025-09-29',
  titleJa: '外国ユーザーリスト（経済産業省）2025年1月31日版・2025年9月29日版',
  publisher: 'Ministry of Economy, Trade and Industry (経済産業省)',
  url: 'https://www.meti.go.jp/policy/anpo/law05.html',
  origin: [
    {
      repo: 'ammitto/data-jp',
      commit: 'd5290657b3f887a78e0b54f768aaef9d1c4c13a1',
      path: 'reference-docs/',
      note: 'CSVs converted from the Excel (2025-09-29) and extracted from the PDF (2025-01-31) by whoever made the mirror',
    },
  ],
  version: '2025-09-29',
  licence: 'Government of Japan Standard Terms of Use 2.0 (compatible with CC BY 4.0)',
  kind: 'other',
  importer: 'files',
  derive: {
    importer: 'screening-list',
    list: 'meti-eul',
    versions: [
      { file: 'meti_end_user_list_2025-01-31.csv', version: '2025-01-31' },
      { file: 'meti_end_user_list_2025-09-29.xlsx', version: '2025-09-29' },
    ],
  },
  description:
    'Foreign entities of WMD (B, C, M, N) or conventional-weapons (CW) concern that exporters must consider under the catch-all control: 835 entries in 15 countries and regions (2025-09-29), 748 (2025-01-31).',
  notes:
    'The 2025-09-29 list applies from 2025-10-09 (notice 20250922貿局第1号). Row numbers are per revision, not identifiers.',
  files: [
    {
      name: 'meti_end_user_list_2025-01-31.csv',
      mirrorPath: 'export-control/meti_end_user_list_2025-01-31.csv',
      sha256: 'e8f7c01bdbcdf514049bfc01539a2af9b69b1e16d4bd26bf04286925ad36b4e0',
      bytes: 136057,
      rows: 748,
    },
    {
      name: 'meti_end_user_list_2025-01-31.pdf',
      mirrorPath: 'export-control/meti_end_user_list_2025-01-31.pdf',
      sha256: '0e3557d4d728239ccacef234dcd43be19d02d288be972a6ed11b3a06fe31dba4',
      bytes: 658463,
    },
    {
      name: 'meti_end_user_list_2025-09-29.csv',
      mirrorPath: 'export-control/meti_end_user_list_2025-09-29.csv',
      sha256: 'df4ab212e3b4fef234f9bfe13c6cdca4b638915f51f50c824b5aa9930091c2f9',
      bytes: 158338,
      rows: 835,
    },
    {
      name: 'meti_end_user_list_2025-09-29.xlsx',
      mirrorPath: 'export-control/meti_end_user_list_2025-09-29.xlsx',
      url: 'https://www.meti.go.jp/policy/anpo/20250929_4.xlsx',
      sha256: '27ff3c7a98d0103ef20222b9e9a58be12d9e89699ce5a5c99d1a386de41fbfc0',
      bytes: 87269,
    },
    {
      name: 'meti_end_user_list_2025-09-29_notice.pdf',
      mirrorPath: 'export-control/meti_end_user_list_2025-09-29_notice.pdf',
      url: 'https://www.meti.go.jp/policy/anpo/20250929_2.pdf',
      sha256: '477fb71fbf623e5556b518e68556cc6a47ca98381ce52679769951bd4dc4bd5b',
      bytes: 103721,
    },
  ],
};
