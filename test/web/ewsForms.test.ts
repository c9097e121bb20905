import { describe, expect, it } from 'vitest';
import { defaultRuleSet } from '../../src/analysis/ews/rules.ts';
import { backtestBody, emptyBacktestForm } from '../../web/src/features/ews/backtestForm.ts';
import { inboxFiltersOf, inboxProvenance, inboxRouteQuery } from '../../web/src/features/ews/inbox.ts';
import { inboxSteps, unfiltered } from '../../web/src/features/ews/inboxSteps.ts';
import * as ruleDraft from '../../web/src/features/ews/ruleDraft.ts';
import type { Alert, Item, RuleSetBody, RuleSetsResponse } from '../../web/src/features/ews/types.ts';
import type { DatasetRef } from '../../web/src/reference/reference.ts';

/** The EWS forms' pure parts: inbox filters and provenance, the backtest body, the rule editor's draft. */
describe('alert inbox', () => {
  it('is unfiltered only when no filter is set (the page number is no filter)', () => {
    expect(unfiltered(inboxFiltersOf(new URLSearchParams('page=2')))).toBe(true);
    expect(unfiltered(inboxFiltersOf(new URLSearchParams('partner=%20%20')))).toBe(true);
    expect(unfiltered(inboxFiltersOf(new URLSearchParams('status=new')))).toBe(false);
    expect(unfiltered(inboxFiltersOf(new URLSearchParams('from=2023-12')))).toBe(false);
  });

  it('ticks the steps to a first alert that are done, with their counts; the scan is never ticked', () => {
    expect(inboxSteps(0, 0).map((s) => [s.id, s.done])).toEqual([
      ['data', null],
      ['items', null],
      ['scan', null],
    ]);
    expect(inboxSteps(2, 12).map((s) => [s.id, s.done])).toEqual([
      ['data', 2],
      ['items', 12],
      ['scan', null],
    ]);
    expect(inboxSteps(0, 0)[2].command).toBe('chokepoint ews items scan-due');
  });

  it('reads its filters from the route and writes back only those set, past the first page', () => {
    const filters = inboxFiltersOf(new URLSearchParams('level=4&partner=kor&page=3'));
    expect(filters).toEqual({
      page: 3,
      level: '4',
      minLevel: '',
      status: '',
      itemId: '',
      partner: 'kor',
      from: '',
      to: '',
    });
    expect(inboxRouteQuery({ ...filters, status: ' new ' })).toEqual({
      level: '4',
      minLevel: undefined,
      status: 'new',
      itemId: undefined,
      partner: 'kor',
      from: undefined,
      to: undefined,
      page: 3,
    });
    expect(inboxRouteQuery({ page: 1 }).page).toBeUndefined();
    expect(inboxFiltersOf(new URLSearchParams('page=x')).page).toBe(1);
  });

  it("lists each dataset behind the alerts shown once, in the alerts' order, with the rule sets that fired", () => {
    const alert = (itemId: string | null, ruleSet: string) => ({ itemId, ruleSet }) as Alert;
    const items = [
      { id: 'graphite', dataset: 'cn-graphite' },
      { id: 'gage', dataset: 'cn-gage' },
      { id: 'loose', dataset: null },
    ] as Item[];
    const dataset = (id: string) =>
      ({ id, title: `Title ${id}`, publisher: 'GACC', version: '2024-12', synthetic: false }) as DatasetRef;
    const datasets = [dataset('cn-gage'), dataset('cn-graphite'), dataset('unused')];
    const shown = inboxProvenance(
      [
        alert('graphite', 'default'),
        alert('gage', 'my-rules'),
        alert('graphite', 'default'),
        alert('loose', 'x'),
        alert(null, 'x'),
      ],
      items,
      datasets,
      (id) => `rule set ${id}`,
    );
    expect(shown).toEqual([
      {
        dataset: 'cn-graphite',
        title: 'Title cn-graphite',
        publisher: 'GACC',
        version: '2024-12',
        synthetic: false,
        method: 'rule set default, rule set my-rules, rule set x',
      },
      {
        dataset: 'cn-gage',
        title: 'Title cn-gage',
        publisher: 'GACC',
        version: '2024-12',
        synthetic: false,
        method: 'rule set default, rule set my-rules, rule set x',
      },
    ]);
    expect(inboxProvenance([], items, datasets, String)).toEqual([]);
  });
});

describe('backtest form', () => {
  it('sends only what is filled in, the reporter upper-cased, and a quiet period only with both ends', () => {
    expect(backtestBody({ ...emptyBacktestForm, dataset: 'cn-graphite' })).toEqual({
      dataset: 'cn-graphite',
      ruleSet: 'default',
    });
    expect(
      backtestBody({
        dataset: 'cn-graphite',
        ruleSet: 'my-rules',
        reporter: ' chn ',
        hs: ' 2504 ',
        flow: 'export',
        quietFrom: '2020-01',
        quietTo: '2022-12',
      }),
    ).toEqual({
      dataset: 'cn-graphite',
      ruleSet: 'my-rules',
      reporter: 'CHN',
      hs: '2504',
      flow: 'export',
      quietFrom: '2020-01',
      quietTo: '2022-12',
    });
    expect(backtestBody({ ...emptyBacktestForm, dataset: 'd', quietFrom: '2020-01' })).toEqual({
      dataset: 'd',
      ruleSet: 'default',
    });
  });
});

describe('rule editor draft', () => {
  const draft = structuredClone(defaultRuleSet) as RuleSetBody;

  it('draws a field for every parameter, rule and condition of the default rule set, and for its new id', () => {
    const paths = ruleDraft.fieldPaths(draft);
    const conditions = draft.rules.reduce((n, r) => n + r.when.length, 0);
    expect(paths.size).toBe(9 + 1 + 4 * draft.rules.length + 3 * conditions);
    expect(paths).toContain('parameters.seasonal.minScale');
    expect(paths).toContain('saveAs');
    const last = draft.rules.length - 1;
    expect(paths).toContain(`rules[${last}].when[${draft.rules[last].when.length - 1}].threshold`);
    // An error on a path drawn nowhere is shown above the save button.
    expect(paths.has(`rules[${draft.rules.length}].id`)).toBe(false);
    expect(paths.has('id')).toBe(false);
  });

  it('changes a copy of the draft, never the one shown, and numbers a new rule after the others', () => {
    const next = ruleDraft.changedDraft(draft, (d) => {
      d.rules[0].when[0].threshold = null;
      d.rules.push(ruleDraft.newRule(d));
    });
    expect(draft.rules[0].when[0].threshold).toBe(defaultRuleSet.rules[0].when[0].threshold);
    expect(next.rules[0].when[0].threshold).toBeNull();
    expect(next.rules).toHaveLength(draft.rules.length + 1);
    expect(next.rules.at(-1)).toMatchObject({ id: `rule-${draft.rules.length + 1}`, level: 1 });
  });

  it('reads and sets values by their dotted path, in the draft and in a rule', () => {
    const next = ruleDraft.changedDraft(draft, (d) => {
      ruleDraft.setAt(d, 'parameters.seasonal.years', 7);
      ruleDraft.setAt(d.rules[0], 'label.en', 'Fall');
      ruleDraft.setAt(d.rules[0], 'when.0.op', '<');
    });
    expect(ruleDraft.valueAt(next, 'parameters.seasonal.years')).toBe(7);
    expect(next.rules[0].label.en).toBe('Fall');
    expect(next.rules[0].when[0].op).toBe('<');
    expect(ruleDraft.valueAt(draft, 'parameters.seasonal.years')).toBe(
      defaultRuleSet.parameters.seasonal.years,
    );
    expect(ruleDraft.valueAt(draft, 'parameters.nothing.here')).toBeUndefined();
    expect(ruleDraft.parameterFields.map(([path]) => ruleDraft.valueAt(draft, path))).not.toContain(
      undefined,
    );
  });

  it('shows the chosen rule set (the first when it is gone) and saves the built-in one under a new id', () => {
    const sets = { items: [{ id: 'default' }, { id: 'my-rules' }] } as RuleSetsResponse;
    expect(ruleDraft.chosenRuleSet(sets, 'my-rules')?.id).toBe('my-rules');
    expect(ruleDraft.chosenRuleSet(sets, 'deleted')?.id).toBe('default');
    expect(ruleDraft.defaultSaveAs('default')).toBe('my-rules');
    expect(ruleDraft.defaultSaveAs('strict')).toBe('strict');
  });
});
