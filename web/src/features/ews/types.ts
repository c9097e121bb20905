import type { ApiResponse, RuleSet } from '../../api/schema.ts';

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

type ApiRule = RuleSet['rules'][number];
/** A condition in the rule editor: its threshold is null while the field is empty (the API names it if saved so). */
export type RuleCondition = Omit<ApiRule['when'][number], 'threshold'> & { threshold: number | null };
export type Rule = Omit<ApiRule, 'when'> & { when: RuleCondition[] };
/**
 * The rule set being edited: the API's validated form (src/analysis/ews/rules.ts), its conditions editable. The
 * editor's selects list only the levels, indicators and comparisons these types allow, so their values are cast.
 */
export type RuleSetBody = Omit<RuleSet, 'rules'> & { rules: Rule[] };

export type RuleSetsResponse = ApiResponse<'GET /api/ews/rule-sets'>;

export type BacktestResponse = ApiResponse<'POST /api/ews/backtest'>;
export type BacktestReport = BacktestResponse['report'];
