/**
 * The shape of the FEFTA inward-investment rules chokepoint applies (src/data/investment/feftaRules.json holds
 * them, with their citations): editable data, not code, so that a change of the 告示 is an edit of the file.
 */
export interface JsicEntry {
  /** A JSIC (Rev. 14) division, group or class code: 2, 3 or 4 digits; a target code matches by prefix. */
  code: string;
  /** 'part': only some businesses under the code are in the sector (matched conservatively). */
  scope?: 'part';
}

export interface FeftaSector {
  id: string;
  en: string;
  ja: string;
  core: boolean;
  jsic: JsicEntry[];
  cite: string;
}

export type ExemptionCondition =
  | 'noBoardSeat'
  | 'noBusinessTransferProposal'
  | 'noTechAccess'
  | 'noCommitteeAttendance'
  | 'noWrittenProposals';

export const exemptionConditions: readonly ExemptionCondition[] = [
  'noBoardSeat',
  'noBusinessTransferProposal',
  'noTechAccess',
  'noCommitteeAttendance',
  'noWrittenProposals',
];

export interface ExemptionRule {
  ja: string;
  who: string;
  conditions?: ExemptionCondition[];
  coreConditions?: ExemptionCondition[];
  /** Holdings in a core-sector company must stay below this (null: no cap). */
  coreCap: number | null;
  /** Whether the exemption reaches unlisted companies in core sectors. */
  unlistedCore: boolean;
  postReportThresholds: number[];
  postReportCoreThresholds: number[];
}

export interface FeftaRules {
  id: string;
  title: string;
  titleJa: string;
  version: string;
  note: string;
  sources: Record<string, { title: string; url: string }>;
  foreignInvestor: { cite: string; domesticEntityForeignVotingShare: number; note: string };
  triggers: { cite: string; listedThreshold: number; unlistedAnyShare: boolean; consentProposals: string[] };
  sectors: FeftaSector[];
  exemptions: {
    cite: string;
    blanket: ExemptionRule;
    general: ExemptionRule;
    conditionTexts: Record<ExemptionCondition, { en: string; ja: string }>;
  };
  postReport: {
    cite: string;
    nonDesignatedListedThreshold: number;
    nonDesignatedUnlisted: boolean;
    dueDays: number;
  };
  review: {
    cite: string;
    days: number;
    maxExtendedMonths: number;
    note: string;
    notifyWithinMonthsBefore: number;
  };
}
