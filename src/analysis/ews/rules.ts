import YAML from 'yaml';
import { ChokepointError } from '../../errors.ts';
import { alertLevels, isAlertLevel, type AlertLevel } from './levels.ts';
import {
  indicatorLabels,
  isIndicatorName,
  type IndicatorName,
  type IndicatorParameters,
  type PanelIndicators,
} from './indicators.ts';
import type { SeriesPanel } from './panel.ts';
import { periodString } from './period.ts';
import { defaultSeasonalParameters } from './seasonalZ.ts';
import { defaultEventWindow } from './events.ts';
import defaultRuleSetJson from './defaultRules.json' with { type: 'json' };

/**
 * Alert rules: a documented, editable rule set (JSON or YAML). A rule fires on a series in a month when all its
 * conditions hold (a condition on a missing indicator does not hold); the alert's level is the highest level of
 * the rules that fired, and the alert lists every condition crossed with its number and threshold.
 * Defaults and their rationale: docs/ews.md.
 */
export type Comparison = '>=' | '<=' | '>' | '<';

export interface RuleCondition {
  indicator: IndicatorName;
  op: Comparison;
  threshold: number;
}

export interface Rule {
  id: string;
  label: { ja: string; en: string };
  level: AlertLevel;
  when: RuleCondition[];
  rationale?: string;
}

export interface RuleSet {
  id: string;
  label: { ja: string; en: string };
  parameters: IndicatorParameters & {
    /** Partner series whose baseline share of the group is below this are not alerted on (noise of small flows). */
    minPartnerShare: number;
  };
  rules: Rule[];
}

export interface CrossedIndicator {
  rule: string;
  name: IndicatorName;
  value: number;
  op: Comparison;
  threshold: number;
}

export interface Alert {
  period: string;
  reporter: string;
  partner: string;
  hs: string;
  flow: 'import' | 'export';
  level: AlertLevel;
  levelName: string;
  levelNameJa: string;
  rules: { id: string; level: AlertLevel; label: { ja: string; en: string } }[];
  indicators: CrossedIndicator[];
  value: number;
  expected: number;
  events: string[];
  explanation: { ja: string; en: string };
}

const ops: Comparison[] = ['>=', '<=', '>', '<'];

function fail(message: string, file: string | undefined, field: string): never {
  throw new ChokepointError('bad_input', message, { file, field });
}

/** Validates a rule set (parsed JSON/YAML); every problem names the field. Missing parameters take defaults. */
export function validateRuleSet(raw: unknown, file?: string): RuleSet {
  if (!raw || typeof raw !== 'object') fail('a rule set must be an object with "id" and "rules"', file, '');
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || !r.id) fail('rule set needs an "id"', file, 'id');
  if (!Array.isArray(r.rules) || r.rules.length === 0)
    fail('rule set needs a non-empty "rules" list', file, 'rules');
  const p = (r.parameters ?? {}) as Record<string, unknown>;
  const seasonal = { ...defaultSeasonalParameters, ...((p.seasonal as object) ?? {}) };
  for (const [k, v] of Object.entries(seasonal)) {
    if (typeof v !== 'number' || !(v >= 0))
      fail(`parameters.seasonal.${k} must be a number ≥ 0`, file, `parameters.seasonal.${k}`);
  }
  if (seasonal.years < 1 || seasonal.years > 3)
    fail('parameters.seasonal.years must be 1–3', file, 'parameters.seasonal.years');
  if (seasonal.scaleWindow < 3)
    fail('parameters.seasonal.scaleWindow must be ≥ 3', file, 'parameters.seasonal.scaleWindow');
  const eventWindow = { ...defaultEventWindow, ...((p.eventWindow as object) ?? {}) };
  const unitValueWindow = p.unitValueWindow ?? 12;
  if (typeof unitValueWindow !== 'number' || unitValueWindow < 2)
    fail('parameters.unitValueWindow must be ≥ 2', file, 'parameters.unitValueWindow');
  const minPartnerShare = p.minPartnerShare ?? 0.02;
  if (typeof minPartnerShare !== 'number' || minPartnerShare < 0 || minPartnerShare > 1) {
    fail('parameters.minPartnerShare must be between 0 and 1', file, 'parameters.minPartnerShare');
  }
  const ids = new Set<string>();
  const rules: Rule[] = (r.rules as unknown[]).map((x, i) => {
    const rule = x as Record<string, unknown>;
    const at = `rules[${i}]`;
    if (typeof rule.id !== 'string' || !rule.id) fail(`${at} needs an "id"`, file, `${at}.id`);
    if (ids.has(rule.id as string)) fail(`rule id "${rule.id}" is used twice`, file, `${at}.id`);
    ids.add(rule.id as string);
    if (!isAlertLevel(rule.level))
      fail(`${at} (${rule.id}): level must be 1, 2, 3 or 4`, file, `${at}.level`);
    if (!Array.isArray(rule.when) || rule.when.length === 0)
      fail(`${at} (${rule.id}): "when" needs at least one condition`, file, `${at}.when`);
    const when = (rule.when as unknown[]).map((c, j) => {
      const cond = c as Record<string, unknown>;
      const cat = `${at}.when[${j}]`;
      if (!isIndicatorName(cond.indicator)) {
        fail(
          `${cat}: unknown indicator "${String(cond.indicator)}" (known: ${Object.keys(indicatorLabels).join(', ')})`,
          file,
          `${cat}.indicator`,
        );
      }
      if (!ops.includes(cond.op as Comparison))
        fail(`${cat}: op must be one of ${ops.join(' ')}`, file, `${cat}.op`);
      if (typeof cond.threshold !== 'number' || !Number.isFinite(cond.threshold))
        fail(`${cat}: threshold must be a number`, file, `${cat}.threshold`);
      return {
        indicator: cond.indicator as IndicatorName,
        op: cond.op as Comparison,
        threshold: cond.threshold as number,
      };
    });
    const label = (rule.label as { ja?: string; en?: string }) ?? {};
    return {
      id: rule.id as string,
      label: { ja: label.ja ?? (rule.id as string), en: label.en ?? (rule.id as string) },
      level: rule.level as AlertLevel,
      when,
      rationale: typeof rule.rationale === 'string' ? rule.rationale : undefined,
    };
  });
  const label = (r.label as { ja?: string; en?: string }) ?? {};
  return {
    id: r.id as string,
    label: { ja: label.ja ?? (r.id as string), en: label.en ?? (r.id as string) },
    parameters: {
      seasonal,
      eventWindow,
      unitValueWindow: unitValueWindow as number,
      minPartnerShare: minPartnerShare as number,
    },
    rules,
  };
}

/** Parses a rule set file's text (JSON or YAML). */
export function parseRuleSet(text: string, file?: string): RuleSet {
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (error) {
    const e = error as { message: string; linePos?: { line: number }[] };
    throw new ChokepointError('bad_file', `rule set is not valid JSON/YAML: ${e.message}`, {
      file,
      line: e.linePos?.[0]?.line,
    });
  }
  return validateRuleSet(raw, file);
}

export const defaultRuleSet: RuleSet = validateRuleSet(defaultRuleSetJson, 'defaultRules.json');

const fmt = (name: IndicatorName, v: number): string => {
  const unit = indicatorLabels[name].unit;
  if (unit === 'share' || unit === 'ratio') return `${(v * 100).toFixed(1)} %`;
  if (unit === 'HHI') return v.toFixed(3);
  if (unit === 'months') return String(v);
  return v.toFixed(2);
};

/**
 * Evaluates the rules on months [from, to] (column indices) of every series; returns alerts ordered by series
 * then month. Only fired points allocate.
 */
export function evaluateRules(
  panel: SeriesPanel,
  indicators: PanelIndicators,
  ruleSet: RuleSet,
  from = 0,
  to = panel.months - 1,
): Alert[] {
  const T = panel.months;
  const alerts: Alert[] = [];
  const rules = ruleSet.rules;
  const table = indicators.table;
  // Conditions flattened into parallel arrays (op as a number) so the inner loop does no lookups.
  const data: Float64Array[] = [];
  const opCode: number[] = [];
  const threshold: number[] = [];
  const ruleEnd = new Int32Array(rules.length);
  for (let r = 0; r < rules.length; r++) {
    for (const c of rules[r].when) {
      data.push(table[c.indicator]);
      opCode.push(ops.indexOf(c.op));
      threshold.push(c.threshold);
    }
    ruleEnd[r] = data.length;
  }
  const minShare = ruleSet.parameters.minPartnerShare;
  const share = table.partnerShare;
  const fired = new Int32Array(rules.length);
  for (let s = 0; s < panel.series.length; s++) {
    const off = s * T;
    for (let t = Math.max(0, from); t <= to && t < T; t++) {
      const i = off + t;
      if (!(share[i] >= minShare)) continue;
      let nFired = 0;
      let c = 0;
      for (let r = 0; r < rules.length; r++) {
        const end = ruleEnd[r];
        let ok = true;
        for (; c < end; c++) {
          const v = data[c][i];
          const th = threshold[c];
          const op = opCode[c];
          if (!(op === 0 ? v >= th : op === 1 ? v <= th : op === 2 ? v > th : v < th)) {
            ok = false;
            c = end;
            break;
          }
        }
        if (ok) fired[nFired++] = r;
      }
      if (nFired === 0) continue;
      alerts.push(makeAlert(panel, indicators, ruleSet, s, t, Array.from(fired.subarray(0, nFired))));
    }
  }
  return alerts;
}

function makeAlert(
  panel: SeriesPanel,
  ind: PanelIndicators,
  ruleSet: RuleSet,
  s: number,
  t: number,
  fired: number[],
): Alert {
  const i = s * panel.months + t;
  const key = panel.series[s];
  const rules = fired.map((r) => ruleSet.rules[r]);
  const level = Math.max(...rules.map((r) => r.level)) as AlertLevel;
  const indicators: CrossedIndicator[] = [];
  for (const rule of rules) {
    for (const c of rule.when) {
      indicators.push({
        rule: rule.id,
        name: c.indicator,
        value: ind.table[c.indicator][i],
        op: c.op,
        threshold: c.threshold,
      });
    }
  }
  const period = periodString(panel.start + t);
  const describe = (lang: 'ja' | 'en') =>
    rules
      .map(
        (r) =>
          `${r.label[lang]} (${lang === 'ja' ? 'レベル' : 'level'} ${r.level}): ` +
          r.when
            .map(
              (c) =>
                `${indicatorLabels[c.indicator][lang]} ${fmt(c.indicator, ind.table[c.indicator][i])} ${c.op} ${fmt(c.indicator, c.threshold)}`,
            )
            .join(lang === 'ja' ? '、' : '; '),
      )
      .join(lang === 'ja' ? '。' : '. ');
  const subject = `${key.reporter}${key.flow === 'export' ? '→' : '←'}${key.partner} HS ${key.hs} ${period}`;
  return {
    period,
    reporter: key.reporter,
    partner: key.partner,
    hs: key.hs,
    flow: key.flow,
    level,
    levelName: alertLevels[level].en,
    levelNameJa: alertLevels[level].ja,
    rules: rules.map((r) => ({ id: r.id, level: r.level, label: r.label })),
    indicators,
    value: panel.value[i],
    expected: ind.expected[i],
    events: ind.events[s],
    explanation: {
      ja: `${subject}: ${alertLevels[level].ja}。${describe('ja')}`,
      en: `${subject}: ${alertLevels[level].en}. ${describe('en')}`,
    },
  };
}
