import type { Framework } from '../../../analysis/cyber/framework.ts';

/**
 * SEMI E187 — Specification for Cybersecurity of Fab Equipment (SEMI, first published 2022). The standard is sold
 * by SEMI; its requirement texts are not public. What is public is the set of four requirement areas, shipped here
 * as categories without requirements (headings only), so that an official copy converted to the catalogue
 * format can be imported beside it.
 */
export const semiE187: Framework = {
  id: 'semi-e187',
  title: {
    ja: 'SEMI E187 ファブ装置のサイバーセキュリティ仕様（見出しのみ）',
    en: 'SEMI E187 Specification for Cybersecurity of Fab Equipment (headings only)',
  },
  version: 'E187-0122 (first edition, 2022)',
  publisher: 'SEMI',
  sources: [
    {
      title: 'SEMI Publishes First Cybersecurity Standards (J. Amano, SEMI International Standards)',
      publisher: 'SEMI (reprinted by Cimetrix)',
      date: '2022',
      url: 'https://www.cimetrix.com/semi-publishes-first-cybersecurity-standards',
    },
    {
      title:
        'Fortifying the Future: How SEMI E187 and E188 Standards Elevate Cybersecurity in the Semiconductor Industry',
      publisher: 'SEMI Standards Watch',
      date: '2024-03',
      url: 'https://www.semi.org/en/standards-watch-2024-mar/how-semi-e187-and-e188-standards-elevate-cybersecurity',
    },
    {
      title: 'SNARF 6506: New Standard: Specification for Cybersecurity of Fab Equipment',
      publisher: 'SEMI',
      date: '2020-03-06',
    },
  ],
  levels: [{ id: 'conformant', rank: 1, name: { ja: '適合', en: 'conformant' } }],
  categories: [
    { id: 'os', name: { ja: 'オペレーティングシステムのサポート', en: 'Operating system support' } },
    { id: 'network', name: { ja: 'ネットワークセキュリティ', en: 'Network security' } },
    { id: 'endpoint', name: { ja: 'エンドポイント保護', en: 'Endpoint protection' } },
    { id: 'monitoring', name: { ja: 'セキュリティ監視', en: 'Security monitoring' } },
  ],
  requirements: [],
  missing: [
    'the requirement texts of SEMI E187 (a priced standard, not public): only the four requirement areas are shipped',
  ],
  notes:
    'Scope: computing devices of fab equipment running Windows or Linux (SEMI Standards Watch, 2024-03).',
};
