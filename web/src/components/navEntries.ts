/** The bar's menus, so that it fits one row at 1280 px whatever the number of features (issue 27). */
export const navGroups = [
  { id: 'analysis', label: { en: 'Analysis', ja: '分析' } },
  { id: 'foresight', label: { en: 'Foresight', ja: '予測・備え' } },
  { id: 'protection', label: { en: 'Protection', ja: '技術・情報の保護' } },
] as const;
export type NavGroupId = (typeof navGroups)[number]['id'];

/** What the bar needs of a view (views.ts ViewDefinition). */
export interface NavPlaced {
  nav: boolean | NavGroupId;
}

export type NavEntry<V extends NavPlaced> =
  { kind: 'view'; view: V } | { kind: 'group'; id: NavGroupId; views: V[] };

/**
 * What the bar shows, in order: Home (the first view), the groups in `navGroups` order as menus (an empty group is
 * left out), then the other top-level views (consultation desk, administration) in their order.
 */
export function navEntries<V extends NavPlaced>(shown: V[]): NavEntry<V>[] {
  const top = shown.filter((v) => v.nav === true);
  const groups: NavEntry<V>[] = navGroups
    .map((g) => ({ kind: 'group' as const, id: g.id, views: shown.filter((v) => v.nav === g.id) }))
    .filter((g) => g.views.length > 0);
  const view = (v: V): NavEntry<V> => ({ kind: 'view', view: v });
  return [...top.slice(0, 1).map(view), ...groups, ...top.slice(1).map(view)];
}
