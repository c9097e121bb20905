import type { Rule, RuleSetBody, RuleSetsResponse } from './types.ts';

/** The seasonal parameters the editor shows, with their label keys. */
export const seasonalKeys = ['years', 'scaleWindow', 'minResiduals', 'minScale', 'offset'] as const;
export const seasonalLabel: Record<(typeof seasonalKeys)[number], string> = {
  years: 'seasonalYears',
  scaleWindow: 'scaleWindow',
  minResiduals: 'minResiduals',
  minScale: 'minScale',
  offset: 'offset',
};

/** The parameters drawn as number fields, by their path in the rule set. */
export const parameterPaths = [
  'parameters.minPartnerShare',
  ...seasonalKeys.map((k) => `parameters.seasonal.${k}`),
  'parameters.unitValueWindow',
  'parameters.eventWindow.beforeAnnouncement',
  'parameters.eventWindow.afterEffective',
];

/**
 * Every path the editor draws as a field for a draft: an API error naming one of them is shown beside it, any
 * other above the save button.
 */
export function fieldPaths(draft: RuleSetBody): Set<string> {
  const paths = new Set([...parameterPaths, 'saveAs']);
  draft.rules.forEach((rule, i) => {
    for (const name of ['id', 'label.ja', 'label.en', 'level']) paths.add(`rules[${i}].${name}`);
    rule.when.forEach((_, j) => {
      for (const name of ['indicator', 'op', 'threshold']) paths.add(`rules[${i}].when[${j}].${name}`);
    });
  });
  return paths;
}

/** The rule set a choice shows: the one of that id, or the first when it is gone. */
export function chosenRuleSet(
  sets: RuleSetsResponse,
  id: string,
): RuleSetsResponse['items'][number] | undefined {
  return sets.items.find((x) => x.id === id) ?? sets.items[0];
}

/** The id a rule set is saved under by default: its own, except the built-in default's (which is read-only). */
export function defaultSaveAs(id: string): string {
  return id === 'default' ? 'my-rules' : id;
}

/** A draft with one change made to a copy (the draft shown is never changed in place). */
export function changedDraft(draft: RuleSetBody, change: (d: RuleSetBody) => void): RuleSetBody {
  const next = structuredClone(draft);
  change(next);
  return next;
}

/** A new rule for a draft: level 1 on a three-σ fall of value, to be edited. */
export function newRule(draft: RuleSetBody): Rule {
  return {
    id: `rule-${draft.rules.length + 1}`,
    label: { ja: '', en: '' },
    level: 1,
    when: [{ indicator: 'valueZ', op: '<=', threshold: -3 }],
  };
}
