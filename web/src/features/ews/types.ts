import type { Marking } from '../../components/MarkingBadge.tsx';
import type { Provenance } from '../../components/ProvenanceFooter.tsx';

/** Shapes of the /api/ews answers (src/server/routes/ews.ts). */
export interface Label {
  ja: string;
  en: string;
}

export type Level = 1 | 2 | 3 | 4;
export type AlertStatus = 'new' | 'acknowledged' | 'assigned' | 'resolved';

export interface CrossedIndicator {
  rule: string;
  name: string;
  value: number | null;
  op: string;
  threshold: number;
}

export interface Alert {
  id: string;
  itemId: string | null;
  ruleSet: string;
  period: string;
  reporter: string;
  partner: string;
  hs: string;
  flow: 'import' | 'export';
  level: Level;
  levelName: Label;
  rules: { id: string; level: number; label: Label }[];
  indicators: CrossedIndicator[];
  explanation: Label;
  status: AlertStatus;
  assignee: string | null;
  feedback: 'true_alarm' | 'false_alarm' | null;
  feedbackReason: string | null;
  marking: Marking;
  createdAt: string;
  updatedAt: string;
}

export interface AlertPage {
  items: Alert[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Item {
  id: string;
  listId: string;
  reporter: string;
  partner: string | null;
  hs: string;
  flow: 'import' | 'export';
  label: Label;
  grade: string;
  cadence: string;
  dataset: string | null;
  ruleSet: string;
  nextScanAt: string | null;
  lastScanAt: string | null;
  marking: Marking;
}

export interface RecordedEvent {
  id: string;
  country: string;
  hs: string[];
  targets: string[];
  announced: string;
  effective: string;
  title: Label;
  source: string;
  seed: boolean;
  marking: Marking;
}

export interface ItemSeries {
  partner: string;
  periods: string[];
  value: (number | null)[];
  expected: (number | null)[];
  thresholds: { rule: string; z: number; values: (number | null)[] }[];
  valueZ: (number | null)[];
  points: { period: string; level: Level; rules: string[]; explanation: Label }[];
}

export interface ItemPageData {
  item: Item;
  series: ItemSeries | null;
  partners: { partner: string; aggregate: boolean; value12m: number; share12m: number | null }[];
  events: RecordedEvent[];
  prices: {
    code: string;
    name: string;
    unit: string;
    periods: string[];
    values: (number | null)[];
    provenance: Provenance;
    marking: Marking;
  }[];
  ruleSet: string;
  provenance: Provenance | null;
  marking: Marking;
}

export interface RuleCondition {
  indicator: string;
  op: string;
  /** null while the field is empty in the editor (the API names the field if saved so). */
  threshold: number | null;
}

export interface Rule {
  id: string;
  label: Label;
  level: number;
  when: RuleCondition[];
  rationale?: string;
}

export interface RuleSetBody {
  id: string;
  label?: Label;
  parameters: {
    seasonal: Record<string, number>;
    unitValueWindow: number;
    eventWindow: { beforeAnnouncement: number; afterEffective: number };
    minPartnerShare: number;
  };
  rules: Rule[];
}

export interface RuleSetsResponse {
  items: { id: string; body: RuleSetBody; marking: Marking }[];
  indicators: string[];
  indicatorLabels: Record<string, { ja: string; en: string; unit: string }>;
  levels: Record<string, Label>;
}

export interface RulePrecision {
  rule: string;
  trueAlarms: number;
  falseAlarms: number;
  precision: number | null;
}

export interface BacktestReport {
  periods: { from: string; to: string };
  alerts: number;
  byLevel: Record<string, number>;
  rules: {
    rule: string;
    label: Label;
    level: number;
    alerts: number;
    series: number;
    when: { period: string; reporter: string; partner: string; hs: string; flow: string }[];
  }[];
  quiet?: {
    from: string;
    to: string;
    series: number;
    seriesYears: number;
    alerts: number;
    alertsPerSeriesYear: number | null;
    byLevel: Record<string, number>;
  };
}

export interface BacktestResponse {
  report: BacktestReport;
  provenance: Provenance;
  marking: Marking;
}

export interface Dataset {
  id: string;
  kind: string;
  title: string;
  publisher: string;
  version: string;
  synthetic: boolean;
}
