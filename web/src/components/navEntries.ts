import type { ViewDefinition } from '../views.ts';

/** The bar's menus, so that it fits one row at 1280 px whatever the number of features (issue 27). */
export const navGroups = [
  { id: 'analysis', label: { en: 'Analysis', ja: '分析' } },
  { id: 'foresight', label: { en: 'Foresight', ja: '予測・備え' } },
  { id: 'protection', label: { en: 'Protection', ja: '技術・情報の保護' } },
] as const;
export type NavGroupId = (typeof navGroups)[number]['id'];

export type NavEntry = { kind: 'view'; view: ViewDefinition } | { kind: 'group'; id: NavGroupId; views: ViewDefinition[] };

/**
 * What the bar shows, in order: Home (the first view), the groups in `navGroups` order as menus (an empty group is
 * left out), then the other top-level views (consultation desk, administration) in their order.
 */
export function navEntries(shown: ViewDefinition[]): NavEntry[] {
  const top = shown.filter((v) => v.nav === true);
  const groups: NavEntry[] = navGroups
    .map((g) => ({ kind: 'group' as const, id: g.id, views: shown.filter((v) => v.nav === g.id) }))
    .filter((g) => g.views.length > 0);
  const view = (v: ViewDefinition): NavEntry => ({ kind: 'view', view: v });
  return [...top.slice(0, 1).map(view), ...groups, ...top.slice(1).map(view)];
}

