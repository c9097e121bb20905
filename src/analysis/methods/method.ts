import { ChokepointError } from '../../errors.ts';
import { persistence, type Persistence } from '../persistence.ts';

/**
 * A dependence-screening method: named criteria on a product's indicators, all of which must hold (in the
 * target year, or in enough years of a window when the method asks for persistence). The criteria are data,
 * so the same declaration drives `evaluate` here and the SQL that flags every product at scale.
 */
export interface Label {
  ja: string;
  en: string;
}

/** A product's indicators for one reporter and one year (the fields a method may test). */
export interface Indicators {
  year: number;
  importValueUsd: number;
  hhi: number;
  topSupplier: string | null;
  topShare: number;
  /**
   * Extra-group share. Group reporter (EU27 …): imports from outside the group / all imports including those
   * from inside the group (SWD(2021) 352). Single country: imports from outside its like-minded group
   * (同志国) / all imports — the analogue of "outside the group we rely on".
   */
  extraGroupShare: number;
  /** M/X; the cap `noExportsRatio` when the reporter exports none of it (see importExportRatio.ts). */
  importExportRatio: number;
  worldExportHhi: number | null;
  /** Share of the named partner (majority method with --partner), when asked for. */
  partnerShare?: number | null;
}

export type IndicatorName = 'hhi' | 'topShare' | 'extraGroupShare' | 'importExportRatio' | 'worldExportHhi' | 'partnerShare';

export interface Criterion {
  indicator: IndicatorName;
  op: '>' | '>=';
  /** Name of the threshold (see Method.thresholds) the indicator is compared with. */
  threshold: string;
  label: Label;
}

export interface ThresholdSpec {
  name: string;
  default: number;
  label: Label;
  /** Counts of years are whole numbers ≥ 1; shares 0–1; ratios ≥ 0. */
  kind: 'share' | 'ratio' | 'years';
}

export interface MethodOptions {
  /** ISO3 of a named partner (majority method: "more than half from CHN"). */
  partner?: string;
}

export type Thresholds = Record<string, number>;

export interface CriterionResult {
  indicator: IndicatorName;
  label: Label;
  value: number | null;
  op: '>' | '>=';
  threshold: number;
  met: boolean;
}

export interface Verdict {
  method: string;
  year: number;
  flagged: boolean;
  /** The rule in words, with the thresholds used, e.g. "HHI > 0.4 and extra-group share > 0.5 and M/X > 1". */
  rule: string;
  thresholds: Thresholds;
  /** The criteria in the target year with the numbers behind them. */
  criteria: CriterionResult[];
  /** For methods that ask for persistence: the years in the window in which every criterion held. */
  persistence?: Persistence & { required: number };
}

export interface Method {
  id: string;
  name: Label;
  citation: string;
  thresholds: ThresholdSpec[];
  criteria(options?: MethodOptions): Criterion[];
  /** Threshold names giving "held in `minYears` of the last `window` years". */
  persistence?: { minYears: string; window: string };
  evaluate(history: readonly Indicators[], year: number, thresholds?: Partial<Thresholds>, options?: MethodOptions): Verdict;
}

/** Defaults merged with overrides; unknown names and impossible values are refused, naming the threshold. */
export function resolveThresholds(method: Pick<Method, 'id' | 'thresholds'>, overrides: Partial<Thresholds> = {}): Thresholds {
  const out: Thresholds = {};
  for (const spec of method.thresholds) out[spec.name] = spec.default;
  for (const [name, value] of Object.entries(overrides)) {
    const spec = method.thresholds.find((s) => s.name === name);
    if (!spec) {
      throw new ChokepointError(
        'bad_input',
        `method ${method.id} has no threshold "${name}" (it has: ${method.thresholds.map((s) => s.name).join(', ')})`,
        { field: 'threshold' },
      );
    }
    const v = Number(value);
    const valid =
      Number.isFinite(v) &&
      (spec.kind === 'share' ? v >= 0 && v <= 1 : spec.kind === 'years' ? Number.isInteger(v) && v >= 1 : v >= 0);
    if (!valid) {
      const expected = spec.kind === 'share' ? 'a share between 0 and 1' : spec.kind === 'years' ? 'a whole number of years ≥ 1' : 'a number ≥ 0';
      throw new ChokepointError('bad_input', `threshold ${method.id}.${name} = ${value} must be ${expected}`, {
        field: 'threshold',
      });
    }
    out[name] = v;
  }
  if (method.thresholds.some((s) => s.kind === 'years')) {
    const window = out.window;
    const minYears = out.minYears;
    if (window !== undefined && minYears !== undefined && minYears > window) {
      throw new ChokepointError('bad_input', `threshold ${method.id}.minYears (${minYears}) exceeds window (${window})`, {
        field: 'threshold',
      });
    }
  }
  return out;
}

const indicatorSymbol: Record<IndicatorName, string> = {
  hhi: 'HHI',
  topShare: 'top supplier share',
  extraGroupShare: 'extra-group share',
  importExportRatio: 'M/X',
  worldExportHhi: 'world export HHI',
  partnerShare: 'partner share',
};

export function ruleText(criteria: readonly Criterion[], thresholds: Thresholds, options: MethodOptions = {}, persist?: { minYears: number; window: number }): string {
  const parts = criteria.map((c) => {
    const name = c.indicator === 'partnerShare' && options.partner ? `share from ${options.partner}` : indicatorSymbol[c.indicator];
    return `${name} ${c.op} ${thresholds[c.threshold]}`;
  });
  const rule = parts.join(' and ');
  return persist ? `${rule}, in at least ${persist.minYears} of the last ${persist.window} years` : rule;
}

function criterionMet(value: number | null | undefined, op: '>' | '>=', threshold: number): boolean {
  if (value === null || value === undefined || Number.isNaN(value)) return false;
  return op === '>' ? value > threshold : value >= threshold;
}

function judge(criteria: readonly Criterion[], ind: Indicators, thresholds: Thresholds): CriterionResult[] {
  return criteria.map((c) => {
    const value = ind[c.indicator] ?? null;
    return { indicator: c.indicator, label: c.label, value, op: c.op, threshold: thresholds[c.threshold], met: criterionMet(value, c.op, thresholds[c.threshold]) };
  });
}

/** The evaluation every preset shares: all criteria in the target year, or in ≥ minYears of the window. */
export function evaluateMethod(
  method: Method,
  history: readonly Indicators[],
  year: number,
  overrides: Partial<Thresholds> = {},
  options: MethodOptions = {},
): Verdict {
  const thresholds = resolveThresholds(method, overrides);
  const criteria = method.criteria(options);
  const current = history.find((h) => h.year === year);
  const results = current
    ? judge(criteria, current, thresholds)
    : criteria.map((c) => ({ indicator: c.indicator, label: c.label, value: null, op: c.op, threshold: thresholds[c.threshold], met: false }));
  if (!method.persistence) {
    return {
      method: method.id,
      year,
      flagged: results.length > 0 && results.every((r) => r.met),
      rule: ruleText(criteria, thresholds, options),
      thresholds,
      criteria: results,
    };
  }
  const minYears = thresholds[method.persistence.minYears];
  const window = thresholds[method.persistence.window];
  const metByYear = new Map<number, boolean>();
  for (const ind of history) metByYear.set(ind.year, judge(criteria, ind, thresholds).every((r) => r.met));
  const p = persistence(metByYear, year, window);
  return {
    method: method.id,
    year,
    flagged: p.met >= minYears,
    rule: ruleText(criteria, thresholds, options, { minYears, window }),
    thresholds,
    criteria: results,
    persistence: { ...p, required: minYears },
  };
}
