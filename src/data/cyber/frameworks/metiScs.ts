import type { Framework } from '../../../analysis/cyber/framework.ts';

/**
 * The METI/IPA supply-chain security evaluation scheme (サプライチェーン強化に向けたセキュリティ対策評価制度,
 * "SCS評価制度"), as far as its published material could be found (docs/cyber.md, "★3/★4: what is shipped").
 * The requirement and evaluation-criteria texts (【参考資料】★3・★4要求事項案・評価基準案, an Excel workbook
 * published with the interim report) were not obtainable here: this catalogue ships the levels with the numbers
 * of requirements the publications state and no requirement text. Import the official file (converted to the
 * catalogue format) with `chokepoint cyber frameworks import FILE` to assess against it; it replaces nothing
 * shipped, it is stored beside it under its own id.
 */
export const metiScs: Framework = {
  id: 'meti-scs-2025',
  title: {
    ja: 'サプライチェーン強化に向けたセキュリティ対策評価制度（★3・★4、案）',
    en: 'Security measures evaluation scheme for strengthening supply chains (★3/★4, draft)',
  },
  version: 'interim report 2025-04-14; scheme policy (draft) 2025-12-26',
  publisher:
    'Ministry of Economy, Trade and Industry (METI) / National Cybersecurity Office (Cabinet Secretariat)',
  sources: [
    {
      title: 'サプライチェーン強化に向けたセキュリティ対策評価制度構築に向けた中間取りまとめ',
      publisher: 'METI (産業サイバーセキュリティ研究会 WG1 サブワーキンググループ)',
      date: '2025-04-14',
      url: 'https://www.meti.go.jp/press/2025/04/20250414002/20250414002.html',
    },
    {
      title: '【参考資料】★3・★4要求事項案・評価基準案 (Excel, published with the interim report)',
      publisher: 'METI',
      date: '2025-04-14',
    },
    {
      title:
        'サプライチェーン強化に向けたセキュリティ対策評価制度に関する制度構築方針（案） (public comment until 2026-01-24)',
      publisher: 'METI / 内閣官房国家サイバー統括室',
      date: '2025-12-26',
    },
    {
      title:
        'Interim Report Released on Discussions to Establish a Cybersecurity Measures Evaluation System for Strengthening Supply Chains',
      publisher: 'METI',
      date: '2025-04-14',
      url: 'https://www.meti.go.jp/english/press/2025/0414_003.html',
    },
  ],
  levels: [
    {
      id: '★3',
      rank: 3,
      name: { ja: '★3 Basic', en: '★3 Basic' },
      assessment: 'self',
      publishedCount: 25,
      description: {
        ja: '全てのサプライチェーン企業が最低限実装すべきセキュリティ対策（自己評価、25項目）',
        en: 'The minimum every supply-chain company should implement (self-assessment, 25 requirements)',
      },
    },
    {
      id: '★4',
      rank: 4,
      name: { ja: '★4 Standard', en: '★4 Standard' },
      assessment: 'third-party',
      publishedCount: 44,
      description: {
        ja: 'サプライチェーン企業等が標準的に目指すべきセキュリティ対策（★3の項目を含む44項目、第三者評価）',
        en: 'What supply-chain companies should normally aim for (44 requirements including those of ★3, third-party assessment)',
      },
    },
  ],
  categories: [],
  requirements: [],
  missing: [
    'the texts of the 25 ★3 and 44 ★4 requirements and their evaluation criteria (【参考資料】★3・★4要求事項案・評価基準案): not found in any stored copy; only secondary summaries were found, which are not shipped',
    'the requirement categories: secondary sources describe them differently, so none is shipped',
    '★5: to be specified after FY2026 according to the scheme policy (draft)',
  ],
  notes:
    'Level definitions and counts: METI press release of 2025-04-14 and its ScanNetSecurity summary (2025-04-28); counts ★3 = 25 (self-assessment), ★4 = 44 (third-party) as reported by NRI Secure (2025) from the published documents. Which ★ a buyer should ask for: src/analysis/cyber/requiredStar.ts (the interim report’s decision tree). Operation of ★3/★4 was planned for the second half of FY2026.',
};
