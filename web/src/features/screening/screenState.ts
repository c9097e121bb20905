import type { MethodThresholds, ScreenItem } from './types.ts';

/**
 * The screening view's state lives in the hash route (#/screen?reporter=JPN&year=2024&method=geodep&…), so a
 * screen is linkable and the back button works. These pure helpers turn the route into API requests.
 */
export const methodIds = ['eu2021', 'geodep', 'majority', 'hhi'] as const;

/** Columns the API sorts by (src/server/routes/screens.ts). */
export const apiSortKeys = [
  'hs6',
  'importValueUsd',
  'hhi',
  'topShare',
  'suppliers',
  'countriesTo75',
  'worldExportHhi',
  'importExportRatio',
  'concernShare',
] as const;
/** Columns sorted here over the whole list: the label and the supplier by name in the user's language, flags by count. */
export const pageSortKeys = ['label', 'topSupplier', 'flags'] as const;
export const sortKeys = [...apiSortKeys, ...pageSortKeys] as const;
export type SortKey = (typeof sortKeys)[number];

export function sortedInPage(sort: SortKey): boolean {
  return (pageSortKeys as readonly string[]).includes(sort);
}

export interface ScreenState {
  reporter: string;
  /** null: the dataset's latest year (not known until the datasets are read). */
  year: number | null;
  method: string;
  /** Overrides only, keyed "method.name" (eu2021.hhi → 0.3); defaults come from the API. */
  thresholds: Record<string, number>;
  partner: string;
  critical: boolean;
  chapter: string;
  q: string;
  /** Only products the chosen method flags. */
  flagged: boolean;
  sort: SortKey;
  order: 'asc' | 'desc';
  page: number;
}

export const pageSize = 50;

function defaultOrder(sort: SortKey): 'asc' | 'desc' {
  return sort === 'hs6' || sort === 'label' || sort === 'topSupplier' ? 'asc' : 'desc';
}

/** "eu2021.hhi=0.3,hhi.hhi=0.45" → { 'eu2021.hhi': 0.3, 'hhi.hhi': 0.45 }; entries that are not method.name=number are skipped. */
export function parseThresholdsParam(text: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (text ?? '').split(',')) {
    const m = /^([a-z0-9]+)\.([A-Za-z0-9]+)=(.+)$/.exec(part.trim());
    if (m && Number.isFinite(Number(m[3]))) out[`${m[1]}.${m[2]}`] = Number(m[3]);
  }
  return out;
}

/** The API's threshold parameter, in a stable order so the same screen has the same URL (and cache entry). */
export function formatThresholdsParam(overrides: Record<string, number>): string {
  return Object.keys(overrides)
    .sort()
    .map((k) => `${k}=${overrides[k]}`)
    .join(',');
}

export function parseScreenState(query: URLSearchParams): ScreenState {
  const year = Number(query.get('year'));
  const method = query.get('method') ?? '';
  const sort = (sortKeys as readonly string[]).includes(query.get('sort') ?? '')
    ? (query.get('sort') as SortKey)
    : 'importValueUsd';
  const order =
    query.get('order') === 'asc' || query.get('order') === 'desc'
      ? (query.get('order') as 'asc' | 'desc')
      : defaultOrder(sort);
  const page = Math.max(1, Math.floor(Number(query.get('page')) || 1));
  const chapter = /^\d{2}$/.test(query.get('chapter') ?? '') ? query.get('chapter')! : '';
  return {
    reporter: (query.get('reporter') ?? 'JPN').toUpperCase(),
    year: Number.isInteger(year) && year > 0 ? year : null,
    method: (methodIds as readonly string[]).includes(method) ? method : 'eu2021',
    thresholds: parseThresholdsParam(query.get('thresholds')),
    partner: (query.get('partner') ?? '').toUpperCase(),
    critical: query.get('critical') === '1',
    chapter,
    q: query.get('q') ?? '',
    flagged: query.get('flagged') === '1',
    sort,
    order,
    page,
  };
}

/** The route query of a state (for href/navigate); defaults are left out to keep URLs short. */
export function screenRouteQuery(state: ScreenState): Record<string, string | number | undefined> {
  return {
    reporter: state.reporter,
    year: state.year ?? undefined,
    method: state.method,
    thresholds: formatThresholdsParam(state.thresholds) || undefined,
    partner: state.partner || undefined,
    critical: state.critical ? '1' : undefined,
    chapter: state.chapter || undefined,
    q: state.q || undefined,
    flagged: state.flagged ? '1' : undefined,
    sort: state.sort === 'importValueUsd' ? undefined : state.sort,
    order: state.order === defaultOrder(state.sort) ? undefined : state.order,
    page: state.page > 1 ? state.page : undefined,
  };
}

/** Parameters that define the screen itself (what is computed), shared by the table, the counts and the export. */
function screenParams(state: ScreenState, year: number): URLSearchParams {
  const p = new URLSearchParams({ reporter: state.reporter, year: String(year) });
  const thresholds = formatThresholdsParam(state.thresholds);
  if (thresholds) p.set('thresholds', thresholds);
  if (state.partner) p.set('partner', state.partner);
  if (state.critical) p.set('critical', 'true');
  return p;
}

/**
 * How the table is fetched. The API's `q` is an HS6 prefix when it is digits and words of the label otherwise,
 * so a chapter and a numeric search combine into one prefix; a chapter with words is filtered here over every
 * page of the word search (`clientChapter`). Columns the API does not sort by are sorted here too (`inPage`):
 * then every row is fetched (pages of 1000) and paged here. `empty`: the chapter and the code contradict each other.
 */
export interface TableRequest {
  params: URLSearchParams;
  clientChapter: string | null;
  inPage: boolean;
  empty: boolean;
}

export function tableRequest(state: ScreenState, year: number): TableRequest {
  const p = screenParams(state, year);
  if (state.flagged) p.set('method', state.method);
  const q = state.q.trim();
  const numeric = /^\d+$/.test(q);
  let clientChapter: string | null = null;
  let empty = false;
  if (state.chapter && q && numeric) {
    if (q.startsWith(state.chapter)) p.set('q', q);
    else if (state.chapter.startsWith(q)) p.set('q', state.chapter);
    else empty = true;
  } else if (state.chapter && q) {
    p.set('q', q);
    clientChapter = state.chapter;
  } else if (state.chapter || q) {
    p.set('q', state.chapter || q);
  }
  const inPage = clientChapter !== null || sortedInPage(state.sort);
  if (!sortedInPage(state.sort)) {
    p.set('sort', state.sort);
    p.set('order', state.order);
  }
  if (inPage) {
    p.set('pageSize', '1000');
  } else {
    p.set('page', String(state.page));
    p.set('pageSize', String(pageSize));
  }
  return { params: p, clientChapter, inPage, empty };
}

/** The export of the current screen: every row matching the filters (no pages), sorted as the API keeps it. */
export function exportQuery(state: ScreenState, year: number, format: 'csv' | 'xlsx'): URLSearchParams {
  const p = screenParams(state, year);
  p.set('format', format);
  if (state.flagged) p.set('method', state.method);
  if (state.chapter) p.set('chapter', state.chapter);
  if (state.q.trim()) p.set('q', state.q.trim());
  return p;
}

/** Clicking a column header: the same column flips the order, another column starts at its natural order. */
export function nextSort(state: ScreenState, key: SortKey): ScreenState {
  const order = state.sort === key ? (state.order === 'asc' ? 'desc' : 'asc') : defaultOrder(key);
  return { ...state, sort: key, order, page: 1 };
}

export function ariaSort(state: ScreenState, key: SortKey): 'ascending' | 'descending' | 'none' {
  if (state.sort !== key) return 'none';
  return state.order === 'asc' ? 'ascending' : 'descending';
}

/** The thresholds in force for a method: the API's defaults with the user's overrides on top. */
export function thresholdsOf(
  defaults: MethodThresholds,
  overrides: Record<string, number>,
  method: string,
): Record<string, number> {
  const out = { ...(defaults[method] ?? {}) };
  for (const [key, value] of Object.entries(overrides)) {
    const [m, name] = key.split('.');
    if (m === method) out[name] = value;
  }
  return out;
}

/** A method's thresholds as overrides: only values that differ from the defaults are kept. */
export function withMethodThresholds(
  overrides: Record<string, number>,
  defaults: MethodThresholds,
  method: string,
  values: Record<string, number>,
): Record<string, number> {
  const out = Object.fromEntries(Object.entries(overrides).filter(([k]) => !k.startsWith(`${method}.`)));
  for (const [name, value] of Object.entries(values)) {
    if (Number.isFinite(value) && defaults[method]?.[name] !== value) out[`${method}.${name}`] = value;
  }
  return out;
}

/**
 * A page of a list filtered or sorted here: the chapter filter, then the order (nulls last, ties by HS6, as the
 * API orders), then the page. `value` gives the sorted value of a column (names in the user's language).
 */
export function clientPage(
  items: ScreenItem[],
  options: {
    chapter: string | null;
    sort: SortKey;
    order: 'asc' | 'desc';
    page: number;
    value: (item: ScreenItem, sort: SortKey) => string | number | null;
    /** Collation of names (Japanese sorts kana in gojūon order whatever the script). */
    lang?: string;
  },
): { items: ScreenItem[]; total: number } {
  const direction = options.order === 'asc' ? 1 : -1;
  const kept = items
    .filter((i) => !options.chapter || i.hs6.startsWith(options.chapter))
    .map((item) => ({ item, key: options.value(item, options.sort) }))
    .sort((a, b) => {
      const x = a.key;
      const y = b.key;
      if (x === y) return a.item.hs6.localeCompare(b.item.hs6);
      if (x === null) return 1;
      if (y === null) return -1;
      const c =
        typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y, options.lang) : x < y ? -1 : 1;
      return (c || a.item.hs6.localeCompare(b.item.hs6)) * (c ? direction : 1);
    })
    .map((e) => e.item);
  return { items: kept.slice((options.page - 1) * pageSize, options.page * pageSize), total: kept.length };
}

/** The value a column sorts by: the item's own field, the label and supplier name as shown, the number of flags. */
export function sortValue(lang: 'ja' | 'en', nameOf: (code: string) => string) {
  return (item: ScreenItem, sort: SortKey): string | number | null => {
    if (sort === 'label') return lang === 'ja' ? item.labelJa || item.labelEn : item.labelEn;
    if (sort === 'topSupplier') return nameOf(item.topSupplier);
    if (sort === 'flags') return Object.values(item.flags).filter(Boolean).length;
    return item[sort];
  };
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
