import { ChokepointError } from '../../errors.ts';
import { defaultChokepointThresholds, type ChokepointThresholds } from '../tech/chokepoint.ts';
import { indicatorNames, type EntryIndicators, type IndicatorName } from './indicators.ts';
import { isZone, type Zone } from './zone.ts';

/**
 * Zone rules: transparent and editable (a JSON document). Rules are tried in order; the first whose condition
 * holds places the entry in its zone. A condition is a comparison of one indicator with a threshold, or an
 * all/any group of conditions. A comparison on a missing indicator is not met, and the trace says "missing".
 */
export type Comparison = '>' | '>=' | '<' | '<=' | '==' | '!=';

export type Condition =
  | { indicator: IndicatorName; op: Comparison; value: number | boolean }
  | { all: Condition[] }
  | { any: Condition[] };

export interface ZoneRule {
  id: string;
  zone: Zone;
  when: Condition;
  label: { ja: string; en: string };
}

export interface ZoneRuleParameters {
  /** Years of patent data the trend and growth indicators look back over (window = last N years present). */
  windowYears: number;
  /** Lead ratio at or above which a leader that held first place in every window year counts as settled. */
  settledLeadRatio: number;
  chokepoint: ChokepointThresholds;
}

export interface ZoneRuleSet {
  id: string;
  version: string;
  description: { ja: string; en: string };
  parameters: ZoneRuleParameters;
  rules: ZoneRule[];
}

const comparisons: Comparison[] = ['>', '>=', '<', '<=', '==', '!='];

/** Checks a rule set read from JSON; the error names the field (e.g. rules[2].when.all[0].op). */
export function parseRuleSet(raw: unknown, file?: string): ZoneRuleSet {
  const fail = (field: string, message: string): never => {
    throw new ChokepointError('bad_input', message, { file, field });
  };
  const obj = (v: unknown, field: string): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : fail(field, 'must be an object');
  const str = (v: unknown, field: string): string =>
    typeof v === 'string' && v.length > 0 ? v : fail(field, 'must be a non-empty string');
  const num = (v: unknown, field: string): number =>
    typeof v === 'number' && Number.isFinite(v) ? v : fail(field, 'must be a number');
  const text = (v: unknown, field: string) => {
    const o = obj(v, field);
    return { ja: str(o.ja, `${field}.ja`), en: str(o.en, `${field}.en`) };
  };
  const condition = (v: unknown, field: string): Condition => {
    const o = obj(v, field);
    if ('all' in o || 'any' in o) {
      const key = 'all' in o ? 'all' : 'any';
      const list = o[key];
      if (!Array.isArray(list) || list.length === 0)
        fail(`${field}.${key}`, 'must be a non-empty array of conditions');
      const items = (list as unknown[]).map((c, i) => condition(c, `${field}.${key}[${i}]`));
      return key === 'all' ? { all: items } : { any: items };
    }
    const indicator = str(o.indicator, `${field}.indicator`);
    if (!(indicatorNames as string[]).includes(indicator)) {
      fail(`${field}.indicator`, `unknown indicator "${indicator}" (known: ${indicatorNames.join(', ')})`);
    }
    const op = o.op as Comparison;
    if (!comparisons.includes(op)) fail(`${field}.op`, `op must be one of ${comparisons.join(' ')}`);
    if (typeof o.value !== 'number' && typeof o.value !== 'boolean')
      fail(`${field}.value`, 'must be a number or true/false');
    return { indicator: indicator as IndicatorName, op, value: o.value as number | boolean };
  };
  const root = obj(raw, '(root)');
  const params = obj(root.parameters, 'parameters');
  const choke = obj(params.chokepoint ?? {}, 'parameters.chokepoint');
  const chokepoint = { ...defaultChokepointThresholds };
  for (const key of Object.keys(choke)) {
    if (!(key in chokepoint))
      fail(
        `parameters.chokepoint.${key}`,
        `unknown threshold (known: ${Object.keys(chokepoint).join(', ')})`,
      );
    chokepoint[key as keyof ChokepointThresholds] = num(choke[key], `parameters.chokepoint.${key}`);
  }
  if (!Array.isArray(root.rules) || root.rules.length === 0) fail('rules', 'must be a non-empty array');
  const ids = new Set<string>();
  const rules = (root.rules as unknown[]).map((r, i) => {
    const o = obj(r, `rules[${i}]`);
    const id = str(o.id, `rules[${i}].id`);
    if (ids.has(id)) fail(`rules[${i}].id`, `duplicate rule id "${id}"`);
    ids.add(id);
    if (!isZone(o.zone)) fail(`rules[${i}].zone`, 'must be one of disruptive, advantage, dependence');
    return {
      id,
      zone: o.zone as Zone,
      when: condition(o.when, `rules[${i}].when`),
      label: text(o.label, `rules[${i}].label`),
    };
  });
  const windowYears = num(params.windowYears, 'parameters.windowYears');
  if (!Number.isInteger(windowYears) || windowYears < 2)
    fail('parameters.windowYears', 'must be an integer ≥ 2');
  return {
    id: str(root.id, 'id'),
    version: str(root.version, 'version'),
    description: text(root.description, 'description'),
    parameters: {
      windowYears,
      settledLeadRatio: num(params.settledLeadRatio, 'parameters.settledLeadRatio'),
      chokepoint,
    },
    rules,
  };
}

/** One comparison as evaluated: the indicator's value, the threshold, and whether it held (null = missing). */
export interface ConditionTrace {
  indicator: IndicatorName;
  op: Comparison;
  threshold: number | boolean;
  value: number | boolean | null;
  met: boolean | null;
}

export interface RuleTrace {
  ruleId: string;
  zone: Zone;
  fired: boolean;
  conditions: ConditionTrace[];
}

export interface ZoneClassification {
  zone: Zone | null;
  /** The rule that placed the entry, or null when none held (unclassified: an analyst decides). */
  rule: { id: string; label: { ja: string; en: string } } | null;
  /** Every rule tried up to and including the one that fired. */
  trace: RuleTrace[];
}

function compare(value: number | boolean, op: Comparison, threshold: number | boolean): boolean {
  switch (op) {
    case '==':
      return value === threshold;
    case '!=':
      return value !== threshold;
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
}

function evaluate(c: Condition, ind: EntryIndicators, out: ConditionTrace[]): boolean {
  if ('all' in c) {
    // Evaluate every member (not short-circuit) so the trace shows all the figures a reader needs.
    const results = c.all.map((x) => evaluate(x, ind, out));
    return results.every(Boolean);
  }
  if ('any' in c) {
    const results = c.any.map((x) => evaluate(x, ind, out));
    return results.some(Boolean);
  }
  const value = ind[c.indicator];
  const met = value === null || typeof value !== typeof c.value ? null : compare(value, c.op, c.value);
  out.push({ indicator: c.indicator, op: c.op, threshold: c.value, value, met });
  return met === true;
}

export function classify(ind: EntryIndicators, ruleSet: ZoneRuleSet): ZoneClassification {
  const trace: RuleTrace[] = [];
  for (const rule of ruleSet.rules) {
    const conditions: ConditionTrace[] = [];
    const fired = evaluate(rule.when, ind, conditions);
    trace.push({ ruleId: rule.id, zone: rule.zone, fired, conditions });
    if (fired) return { zone: rule.zone, rule: { id: rule.id, label: rule.label }, trace };
  }
  return { zone: null, rule: null, trace };
}

/** "rta 1.32 > 1 ✓" — for text output and the dossier. */
export function describeCondition(c: ConditionTrace): string {
  const v =
    c.value === null ? 'missing' : typeof c.value === 'number' ? formatIndicator(c.value) : String(c.value);
  const mark = c.met === null ? '?' : c.met ? '✓' : '×';
  return `${c.indicator} ${v} ${c.op} ${String(c.threshold)} ${mark}`;
}

function formatIndicator(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
}
