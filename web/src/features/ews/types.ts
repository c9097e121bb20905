import type { ApiResponse } from '../../api/schema.ts';

/** Shapes of the /api/ews answers (src/server/routes/ews.ts). */
export type AlertPage = ApiResponse<'GET /api/ews/alerts'>;
export type Alert = AlertPage['items'][number];
export type Label = Alert['levelName'];
export type Level = Alert['level'];
export type AlertStatus = Alert['status'];
export type CrossedIndicator = Alert['indicators'][number];

export type ItemPageData = ApiResponse<'GET /api/ews/items/{id}'>;
export type Item = ItemPageData['item'];
export type ItemSeries = NonNullable<ItemPageData['series']>;
export type RecordedEvent = ItemPageData['events'][number];

export type RulePrecision = ApiResponse<'GET /api/ews/precision'>['items'][number];

/** A dataset in the pickers (GET /api/datasets). */
export type Dataset = Pick<
  ApiResponse<'GET /api/datasets'>['items'][number],
  'id' | 'kind' | 'title' | 'publisher' | 'version' | 'synthetic'
>;

// The rule-set body and the backtest report are free-form (Type.Any) in the server's response schemas, so their
// shapes are written here (src/analysis/ews/ruleSet.ts, src/analysis/ews/backtest.ts).
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

type RuleSetsApi = ApiResponse<'GET /api/ews/rule-sets'>;
export type RuleSetsResponse = Omit<RuleSetsApi, 'items'> & {
  items: (Omit<RuleSetsApi['items'][number], 'body'> & { body: RuleSetBody })[];
};

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

type BacktestApi = ApiResponse<'POST /api/ews/backtest'>;
export type BacktestResponse = Omit<BacktestApi, 'report'> & { report: BacktestReport };
