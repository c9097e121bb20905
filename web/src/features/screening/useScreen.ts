import { get } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useGet } from '../../api/useGet.ts';
import { clientPage, sortValue, tableRequest, type ScreenState } from './screenState.ts';
import type { Lang, ScreenItem } from './types.ts';

/**
 * The screen of a state: the table's rows (every page of them when they are filtered or sorted here), the rows
 * shown on this page, the chosen method, and the API's default thresholds shown beside the editable ones.
 */
export function useScreen(state: ScreenState, year: number, lang: Lang, names: (code: string) => string) {
  const request = tableRequest(state, year);
  const requestKey = request.params.toString();
  const table = useApi(`screens?${requestKey}`, async (signal) => {
    const first = await get('GET /api/screens', { query: request.params, signal });
    let items = first.items;
    // A chapter with a word search is filtered here, over every page of the word search.
    for (let page = 2; request.inPage && items.length < first.total; page++) {
      const p = new URLSearchParams(requestKey);
      p.set('page', String(page));
      items = items.concat((await get('GET /api/screens', { query: p, signal })).items);
    }
    return { ...first, items };
  });
  const counts = useGet('GET /api/screens/counts', { query: { reporter: state.reporter, year } });
  const data = table.data;
  const shown = ((): { items: ScreenItem[]; total: number } | null => {
    if (!data) return null;
    if (request.empty) return { items: [], total: 0 };
    if (!request.inPage) return { items: data.items, total: data.total };
    return clientPage(data.items, {
      chapter: request.clientChapter,
      sort: state.sort,
      order: state.order,
      page: state.page,
      value: sortValue(lang, names),
      lang,
    });
  })();
  const methodInfo = data?.methods.find((m) => m.id === state.method);
  const methodName = methodInfo ? (lang === 'ja' ? methodInfo.nameJa : methodInfo.nameEn) : state.method;
  const provenance = data && {
    ...data.provenance,
    method: methodName,
    thresholds: data.provenance.thresholds[state.method] ?? {},
  };
  return {
    data,
    shown,
    error: table.error?.message ?? null,
    methodName,
    provenance,
    // A failed counts request leaves the thresholds without their defaults (the editor is not shown).
    defaults: counts.error ? null : (counts.data?.provenance.thresholds ?? null),
  };
}
