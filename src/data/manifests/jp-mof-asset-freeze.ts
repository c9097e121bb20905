import type { DatasetManifest } from './types.ts';

/**
 * Japan Ministry of Finance asset-freeze list (経済制裁措置及び対象者リスト), 2026-03-05. Checksum and size computed
 * from the file as published in the mirror. The fetch imports it into the screening list `jp-mof-asset-freeze`
 * (src/data/exportControl/listFormats/mofAssetFreeze.ts reads the programme sheets).
 */
export const jpMofAssetFreeze: DatasetManifest = {
  id: 'jp-mof-asset-freeze',
  title: 'Asset-freeze list under FEFTA (Ministry of Finance), 2026-03-05 (provisional)',
  titleJa: '経済制裁措置及び対象者リスト（財務省）2026年3月5日（暫定版）',
  publisher: 'Ministry of Finance Japan (財務省)',
  url: 'https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/list.html',
  origin: [
    {
      repo: 'ammitto/data-jp',
      commit: 'd5290657b3f887a78e0b54f768aaef9d1c4c13a1',
      path: 'reference-docs/shisantouketsu20260305.xlsx',
    },
  ],
  version: '2026-03-05',
  licence: 'Government of Japan Standard Terms of Use 2.0 (compatible with CC BY 4.0)',
  kind: 'other',
  importer: 'files',
  derive: {
    importer: 'screening-list',
    list: 'jp-mof-asset-freeze',
    versions: [{ file: 'jp_mof_asset_freeze_list_2026-03-05.xlsx', version: '2026-03-05' }],
  },
  description:
    'Persons and entities subject to asset freezes: an index sheet and 44 programme sheets (Taliban/ISIL, DPRK, Iran, Russia organisations and individuals …), ≈21,000 rows.',
  notes:
    'Not yet importable as a screening list: columns differ per sheet, deleted entries stay as rows, header rows move.',
  files: [
    {
      name: 'jp_mof_asset_freeze_list_2026-03-05.xlsx',
      mirrorPath: 'export-control/jp_mof_asset_freeze_list_2026-03-05.xlsx',
      sha256: 'f34ab1163f39d607b60175c0dafea0a14d43149c5f70602c30c792b2a01a9f56',
      bytes: 1039273,
    },
  ],
};
