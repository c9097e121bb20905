import type { Rule, RuleSetBody, RuleSetsResponse } from './types.ts';

/** The parameters drawn as number fields: their path in the rule set and their label's key (ews.rules.…). */
export const parameterFields = [
  ['parameters.minPartnerShare', 'minPartnerShare'],
  ['parameters.seasonal.years', 'seasonalYears'],
  ['parameters.seasonal.scaleWindow', 'scaleWindow'],
  ['parameters.seasonal.minResiduals', 'minResiduals'],
  ['parameters.seasonal.minScale', 'minScale'],
  ['parameters.seasonal.offset', 'offset'],
  ['parameters.unitValueWindow', 'unitValueWindow'],
  ['parameters.eventWindow.beforeAnnouncement', 'beforeAnnouncement'],
  ['parameters.eventWindow.afterEffective', 'afterEffective'],
] as const;
export const parameterPaths = parameterFields.map(([path]) => path);

type Tree = Record<string, unknown>;

/** The value at a dotted path of a draft or a part of it ('parameters.seasonal.years', 'label.ja'). */
export function valueAt(node: object, path: string): unknown {
  return path.split('.').reduce<unknown>((n, key) => (n as Tree | undefined)?.[key], node);
}

/** Sets the value at a dotted path of a draft or a part of it (a copy being changed: see changedDraft). */
export function setAt(node: object, path: string, value: unknown): void {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Tree>((n, key) => n[key] as Tree, node as Tree);
  parent[keys[keys.length - 1]] = value;
}

/** A rule's text fields: their path in the rule and their label's key (ews.rules.…). */
export const ruleTextFields = [
  ['id', 'id'],
  ['label.ja', 'labelJa'],
  ['label.en', 'labelEn'],
] as const;

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
