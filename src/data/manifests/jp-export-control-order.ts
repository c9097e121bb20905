import type { DatasetManifest } from './types.ts';

/**
 * Japan's Export Trade Control Order (輸出貿易管理令), version in force from 2026-02-14: the e-Gov law XML and the
 * two tables the transaction check reads (別表第一 flattened; the country tables with ISO codes). Checksums, sizes
 * and row counts computed from the files as published in the mirror.
 */
export const jpExportControlOrder: DatasetManifest = {
  id: 'jp-export-control-order',
  title:
    'Export Trade Control Order (輸出貿易管理令): control list and country tables, in force from 2026-02-14',
  titleJa: '輸出貿易管理令（別表第一・別表第三ほか）2026年2月14日施行版',
  publisher: 'Digital Agency e-Gov / Cabinet (政令第378号, 1949; amended by 令和7年政令第376号)',
  url: 'https://laws.e-gov.go.jp/law/324CO0000000378',
  origin: [
    {
      repo: 'ammitto/data-jp',
      commit: 'd5290657b3f887a78e0b54f768aaef9d1c4c13a1',
      path: 'reference-docs/324CO0000000378_20260214_507CO0000000376.xml',
      note: 'the two CSVs were flattened from the XML by whoever made the mirror',
    },
  ],
  version: '2026-02-14',
  licence:
    'Statutes are not subject to copyright (Copyright Act art. 13); e-Gov data terms require attribution',
  kind: 'other',
  importer: 'files',
  description:
    '別表第一 (items 1–16, 330 numbered sentences with their region) and the country tables 別表第三 (Group A, 27), 別表第三の二 (UN arms embargo, 10), 別表第四 (3), 別表第二の四 (10).',
  notes: 'Cabinet Order level only: the specifications (貨物等省令) are not included.',
  files: [
    {
      name: 'jp_export_control_order_appendix1_items.csv',
      mirrorPath: 'export-control/jp_export_control_order_appendix1_items.csv',
      sha256: '3acd7192a78de6bad69ccaf41066919c8c6e909149a08e49e29c99c295fdd451',
      bytes: 46175,
      rows: 330,
    },
    {
      name: 'jp_export_control_order_country_tables.csv',
      mirrorPath: 'export-control/jp_export_control_order_country_tables.csv',
      sha256: '96b70e5e0db57230f01881a0be1bd38bdafb6f2240e414e97ae982532625fb9c',
      bytes: 10990,
      rows: 50,
    },
    {
      name: 'jp_export_trade_control_order_324CO0000000378_20260214.xml',
      mirrorPath: 'export-control/jp_export_trade_control_order_324CO0000000378_20260214.xml',
      sha256: '17b0fac71e13235a13848f417f95e24465e40c12106be66be3aa953f74989283',
      bytes: 543174,
    },
  ],
};
