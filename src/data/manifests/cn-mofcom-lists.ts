import type { DatasetManifest } from './types.ts';

/**
 * China's MOFCOM lists as normalised by a third party, verified 2026-07-19. Checksum, size and count computed from
 * the file as published in the mirror. The fetch imports it into the screening list `cn-mofcom`.
 */
export const cnMofcomLists: DatasetManifest = {
  id: 'cn-mofcom-lists',
  title:
    'China MOFCOM Unreliable Entity List, Export Control Control List and Watch List (normalised), 2026-07-19',
  titleJa: '中国商務部 不可靠実体清単・出口管制管控名単・関注名単（第三者による整理）2026年7月19日',
  publisher:
    'Ministry of Commerce of the PRC (MOFCOM); normalised by xyna-bpinelab/security-export-control-registry',
  url: 'https://www.mofcom.gov.cn/',
  origin: [
    {
      repo: 'xyna-bpinelab/security-export-control-registry',
      commit: '101c8139048a0ac3be8ce20f41091fcc812df165',
      path: 'data/entities/cn.json',
    },
  ],
  version: '2026-07-19',
  licence: 'MIT (repository); the underlying facts are MOFCOM announcements',
  kind: 'other',
  importer: 'files',
  derive: {
    importer: 'screening-list',
    list: 'cn-mofcom',
    versions: [{ file: 'cn_mofcom_lists_2026-07-19.json', version: '2026-07-19' }],
  },
  description:
    '240 entries (Unreliable Entity List 61, Export Control Control List 139, Watch List 40), including the 2026 designations of Japanese companies, with their Chinese names.',
  notes:
    "The reason field is the repository author's Japanese summary, not MOFCOM's wording; check source_url.",
  files: [
    {
      name: 'cn_mofcom_lists_2026-07-19.json',
      mirrorPath: 'export-control/cn_mofcom_lists_2026-07-19.json',
      sha256: 'c5f9bfd03ed3436b8b3d9c3fb9811d95d2aa9de9e478aae974ea0a9cad386eaf',
      bytes: 134622,
    },
  ],
};
