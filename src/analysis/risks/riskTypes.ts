/**
 * The four kinds of risk the seed names for each critical good and technology (METI action plan, May 2024; the
 * risk register of issue 25), with the analyses that give evidence on each. The judgement is the analyst's; the
 * analyses inform it (docs/identification.md).
 */
export type RiskTypeId =
  'supply-disruption' | 'coercion-technology-transfer' | 'acquisition-overproduction' | 'like-minded-leakage';

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

export interface RiskType {
  id: RiskTypeId;
  ja: string;
  en: string;
  /** What the risk is, in a sentence. */
  about: { ja: string; en: string };
  /** The analyses that bear on it. */
  evidence: { ja: string; en: string };
}

export const riskTypes: readonly RiskType[] = Object.freeze([
  {
    id: 'supply-disruption',
    ja: '供給途絶',
    en: 'supply disruption',
    about: {
      ja: '特定国への依存・集中、チョークポイント、災害や輸出規制による供給の停止',
      en: 'supply stopped by dependence on few suppliers, chokepoints, disasters or export controls',
    },
    evidence: {
      ja: '依存スクリーニング、採掘▸精錬▸貿易の集中度、海上チョークポイント、早期警戒',
      en: 'dependence screen, mine ▸ refine ▸ trade concentration, maritime chokepoints, early warning',
    },
  },
  {
    id: 'coercion-technology-transfer',
    ja: '威圧・技術移転の強要',
    en: 'coercion and forced technology transfer',
    about: {
      ja: '輸出入の停止を梃子にした政治的圧力、市場参入と引き換えの技術移転の要求',
      en: 'political pressure by cutting trade, technology transfer demanded for market access',
    },
    evidence: {
      ja: '輸出の威圧国依存と代替市場、輸入の梃子(代替供給)',
      en: "exports' reliance on the coercer and alternative markets; imports' leverage (alternative supply)",
    },
  },
  {
    id: 'acquisition-overproduction',
    ja: '買収と過剰生産',
    en: 'foreign acquisition together with overproduction',
    about: {
      ja: '過剰生産による廉価輸出で国内産業が弱り、その企業・技術が買収される',
      en: 'domestic producers weakened by cheap exports from overcapacity, then their firms and technology bought',
    },
    evidence: {
      ja: '単価下落を伴う輸入急増、供給国の世界輸出シェア拡大(対外投資の審査情報は本ツール外)',
      en: "import surges at falling unit values, suppliers' world export share growth (investment screening data is outside this tool)",
    },
  },
  {
    id: 'like-minded-leakage',
    ja: '同志国企業を通じた流出',
    en: 'leakage through firms of like-minded countries',
    about: {
      ja: '同志国に輸出した物資・技術が、その国の企業を経由して懸念国へ流出する',
      en: 'goods and technology sold to like-minded countries passed on by their firms to countries of concern',
    },
    evidence: {
      ja: '同志国経由の懸念国向け転送割合、技術優位(RTA・RCA)',
      en: 'pass-through share via like-minded partners to countries of concern, technological advantage (RTA, RCA)',
    },
  },
]);

export const riskTypeIds: readonly RiskTypeId[] = riskTypes.map((t) => t.id);
export const riskLevels: readonly RiskLevel[] = ['low', 'medium', 'high', 'critical'];

export const riskLevelNames: Record<RiskLevel, { ja: string; en: string }> = {
  low: { ja: '低', en: 'low' },
  medium: { ja: '中', en: 'medium' },
  high: { ja: '高', en: 'high' },
  critical: { ja: '重大', en: 'critical' },
};

export function isRiskTypeId(value: unknown): value is RiskTypeId {
  return typeof value === 'string' && (riskTypeIds as readonly string[]).includes(value);
}

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === 'string' && (riskLevels as readonly string[]).includes(value);
}
