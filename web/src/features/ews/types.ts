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

// The rule-set body is free-form (Type.Any) in the server's response schema, so its shape is written here
// (src/analysis/ews/rules.ts).
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

export type BacktestResponse = ApiResponse<'POST /api/ews/backtest'>;
export type BacktestReport = BacktestResponse['report'];
