import type { Zone } from '../zones/zone.ts';

/**
 * The policy toolkit (PRODUCT.md §3.8; METI action plan 2024: 産業支援策 Promotion, 産業防衛策 Protection,
 * 国際連携 Partnership). Each measure names the zones it suits and the risks it answers, so that suggestions
 * for an entry follow from its zone and flags, and a reader can see why a measure was suggested.
 */
export type PolicyFamily = 'promotion' | 'protection' | 'partnership';

export const policyFamilyNames: Record<PolicyFamily, { ja: string; en: string }> = {
  promotion: { ja: '産業支援策', en: 'Promotion' },
  protection: { ja: '産業防衛策', en: 'Protection' },
  partnership: { ja: '国際連携', en: 'Partnership' },
};

/** Risks an entry can show; each comes from an indicator (see riskOf). */
export type PolicyRisk =
  'supply-dependence' | 'supplier-concentration' | 'technology-leakage' | 'losing-lead';

export const policyRiskNames: Record<PolicyRisk, { ja: string; en: string }> = {
  'supply-dependence': { ja: '供給途絶・対外依存', en: 'supply dependence' },
  'supplier-concentration': { ja: '供給国の集中', en: 'concentrated suppliers' },
  'technology-leakage': { ja: '技術流出', en: 'technology leakage' },
  'losing-lead': { ja: '優位性の低下', en: 'losing the lead' },
};

export interface PolicyMeasure {
  id: string;
  family: PolicyFamily;
  name: { ja: string; en: string };
  zones: Zone[];
  risks: PolicyRisk[];
}

export const policyMeasures: PolicyMeasure[] = [
  {
    id: 'subsidy',
    family: 'promotion',
    name: { ja: '補助金(設備投資・生産基盤)', en: 'subsidy (capital investment)' },
    zones: ['disruptive', 'advantage', 'dependence'],
    risks: ['supply-dependence', 'losing-lead'],
  },
  {
    id: 'low-interest-loan',
    family: 'promotion',
    name: { ja: '低利融資', en: 'low-interest loan' },
    zones: ['advantage', 'dependence'],
    risks: ['supply-dependence'],
  },
  {
    id: 'tax-credit',
    family: 'promotion',
    name: { ja: '税制措置', en: 'tax credit' },
    zones: ['disruptive', 'advantage'],
    risks: ['losing-lead'],
  },
  {
    id: 'rd-programme',
    family: 'promotion',
    name: { ja: '研究開発支援', en: 'R&D programme' },
    zones: ['disruptive', 'advantage'],
    risks: ['losing-lead'],
  },
  {
    id: 'export-control',
    family: 'protection',
    name: { ja: '輸出管理', en: 'export control' },
    zones: ['disruptive', 'advantage'],
    risks: ['technology-leakage'],
  },
  {
    id: 'technology-management',
    family: 'protection',
    name: { ja: '技術管理・技術流出防止', en: 'technology-management scheme' },
    zones: ['disruptive', 'advantage'],
    risks: ['technology-leakage'],
  },
  {
    id: 'investment-screening',
    family: 'protection',
    name: { ja: '対内投資審査', en: 'investment screening' },
    zones: ['disruptive', 'advantage'],
    risks: ['technology-leakage'],
  },
  {
    id: 'data-cyber-security',
    family: 'protection',
    name: { ja: 'データ・サイバーセキュリティ要件', en: 'data and cyber security requirements' },
    zones: ['disruptive', 'advantage', 'dependence'],
    risks: ['technology-leakage', 'supply-dependence'],
  },
  {
    id: 'stockpile',
    family: 'partnership',
    name: { ja: '備蓄', en: 'stockpile' },
    zones: ['dependence'],
    risks: ['supply-dependence', 'supplier-concentration'],
  },
  {
    id: 'like-minded-coordination',
    family: 'partnership',
    name: { ja: '同志国との連携', en: 'like-minded coordination' },
    zones: ['disruptive', 'advantage', 'dependence'],
    risks: ['supplier-concentration', 'technology-leakage'],
  },
  {
    id: 'global-south-diversification',
    family: 'partnership',
    name: { ja: 'グローバルサウスとの連携による供給源多角化', en: 'Global South diversification' },
    zones: ['dependence'],
    risks: ['supply-dependence', 'supplier-concentration'],
  },
];

export function measureById(id: string): PolicyMeasure | undefined {
  return policyMeasures.find((m) => m.id === id);
}

export interface RiskSignals {
  dependence: boolean | null;
  indispensability: boolean | null;
  screenFlags: number | null;
  topSupplierShare: number | null;
  rtaTrend: number | null;
}

/** Which risks an entry shows: dependence/screen flags → supply; a majority supplier → concentration;
 *  indispensability → leakage (others want what the reporter holds); a falling RTA → losing the lead. */
export function risksOf(s: RiskSignals): PolicyRisk[] {
  const risks: PolicyRisk[] = [];
  if (s.dependence === true || (s.screenFlags ?? 0) >= 1) risks.push('supply-dependence');
  if ((s.topSupplierShare ?? 0) > 0.5) risks.push('supplier-concentration');
  if (s.indispensability === true) risks.push('technology-leakage');
  if (s.rtaTrend !== null && s.rtaTrend < 0) risks.push('losing-lead');
  return risks;
}

export interface SuggestedMeasure {
  measure: PolicyMeasure;
  /** Why: the zone, and the risks of the entry the measure answers. */
  becauseZone: boolean;
  becauseRisks: PolicyRisk[];
}

/**
 * Measures suited to the entry's zone, plus measures answering one of its risks; ordered by how many reasons
 * apply, then by family (Promotion, Protection, Partnership) as in the action plan.
 */
export function suggestMeasures(zone: Zone | null, risks: readonly PolicyRisk[]): SuggestedMeasure[] {
  const familyOrder: PolicyFamily[] = ['promotion', 'protection', 'partnership'];
  return policyMeasures
    .map((measure) => ({
      measure,
      becauseZone: zone !== null && measure.zones.includes(zone),
      becauseRisks: measure.risks.filter((r) => risks.includes(r)),
    }))
    .filter((s) => s.becauseZone || s.becauseRisks.length > 0)
    .sort(
      (a, b) =>
        Number(b.becauseZone) + b.becauseRisks.length - (Number(a.becauseZone) + a.becauseRisks.length) ||
        familyOrder.indexOf(a.measure.family) - familyOrder.indexOf(b.measure.family),
    );
}

/** A suggestion as ids (for JSON answers): the measure, its family, and why it is suggested. */
export function suggestionIds(suggested: readonly SuggestedMeasure[]) {
  return suggested.map((s) => ({
    measure: s.measure.id,
    family: s.measure.family,
    becauseZone: s.becauseZone,
    becauseRisks: s.becauseRisks,
  }));
}
