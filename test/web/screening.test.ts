import { describe, expect, it } from 'vitest';
import {
  ariaSort,
  clientPage,
  exportQuery,
  formatThresholdsParam,
  nextSort,
  parseScreenState,
  parseThresholdsParam,
  screenRouteQuery,
  sortValue,
  tableRequest,
  thresholdsOf,
  withMethodThresholds,
} from '../../web/src/features/screening/screenState.ts';
import { chapterCodes, chapterOptionText } from '../../web/src/features/screening/chapters.ts';
import type { ScreenItem } from '../../web/src/features/screening/types.ts';

const state = (query: string) => parseScreenState(new URLSearchParams(query));

describe('screening route state', () => {
  it('reads the route with defaults and rejects what the API would refuse', () => {
    expect(state('')).toMatchObject({
      reporter: 'JPN',
      year: null,
      method: 'eu2021',
      sort: 'importValueUsd',
      order: 'desc',
      page: 1,
    });
    const s = state(
      'reporter=eu27&year=2023&method=geodep&sort=hhi&order=asc&page=3&chapter=81&critical=1&flagged=1&q=gallium',
    );
    expect(s).toMatchObject({
      reporter: 'EU27',
      year: 2023,
      method: 'geodep',
      sort: 'hhi',
      order: 'asc',
      page: 3,
      chapter: '81',
      critical: true,
      flagged: true,
      q: 'gallium',
    });
    expect(state('method=nope&sort=labelEn&chapter=8&page=-2')).toMatchObject({
      method: 'eu2021',
      sort: 'importValueUsd',
      chapter: '',
      page: 1,
    });
    // Sorting by HS6 defaults to ascending, everything else to descending.
    expect(state('sort=hs6').order).toBe('asc');
  });

  it('writes the route back without defaults, and round-trips', () => {
    const s = state('reporter=JPN&year=2024&method=hhi&thresholds=hhi.hhi=0.45&sort=hhi');
    const query = screenRouteQuery(s);
    expect(query).toEqual({
      reporter: 'JPN',
      year: 2024,
      method: 'hhi',
      thresholds: 'hhi.hhi=0.45',
      partner: undefined,
      critical: undefined,
      chapter: undefined,
      q: undefined,
      flagged: undefined,
      sort: 'hhi',
      order: undefined,
      page: undefined,
    });
    const back = new URLSearchParams(
      Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    expect(parseScreenState(back)).toEqual(s);
  });

  it('threshold parameters: parsed, stably ordered, merged over the defaults, reduced to differences', () => {
    expect(parseThresholdsParam('eu2021.hhi=0.3, hhi.hhi=0.45,bad,x.y=z')).toEqual({
      'eu2021.hhi': 0.3,
      'hhi.hhi': 0.45,
    });
    expect(formatThresholdsParam({ 'hhi.hhi': 0.45, 'eu2021.hhi': 0.3 })).toBe('eu2021.hhi=0.3,hhi.hhi=0.45');
    const defaults = { eu2021: { hhi: 0.4, extraGroupShare: 0.5 }, hhi: { hhi: 0.5 } };
    expect(thresholdsOf(defaults, { 'eu2021.hhi': 0.3, 'hhi.hhi': 0.6 }, 'eu2021')).toEqual({
      hhi: 0.3,
      extraGroupShare: 0.5,
    });
    // Setting eu2021 back to its defaults drops its overrides and keeps the other method's.
    expect(
      withMethodThresholds({ 'eu2021.hhi': 0.3, 'hhi.hhi': 0.6 }, defaults, 'eu2021', {
        hhi: 0.4,
        extraGroupShare: 0.55,
      }),
    ).toEqual({
      'hhi.hhi': 0.6,
      'eu2021.extraGroupShare': 0.55,
    });
  });

  it('table requests: chapter and a code become one prefix; a chapter with words is filtered in the page', () => {
    const base = 'reporter=JPN&year=2024';
    const p = (query: string) => tableRequest(state(`${base}&${query}`), 2024);
    expect(p('q=811292&chapter=81').params.get('q')).toBe('811292');
    expect(p('q=8&chapter=81').params.get('q')).toBe('81');
    expect(p('q=2805&chapter=81').empty).toBe(true);
    expect(p('chapter=28').params.get('q')).toBe('28');
    const words = p('chapter=81&q=gallium');
    expect(words.params.get('q')).toBe('gallium');
    expect(words.clientChapter).toBe('81');
    expect(words.params.get('pageSize')).toBe('1000');
    const flagged = p('method=geodep&flagged=1&critical=1&partner=chn&thresholds=geodep.minYears=3&page=2');
    expect(Object.fromEntries(flagged.params)).toEqual({
      reporter: 'JPN',
      year: '2024',
      thresholds: 'geodep.minYears=3',
      partner: 'CHN',
      critical: 'true',
      method: 'geodep',
      sort: 'importValueUsd',
      order: 'desc',
      page: '2',
      pageSize: '50',
    });
    // Without the flag filter the method only chooses the preset shown; every product is listed.
    expect(p('method=geodep').params.has('method')).toBe(false);
  });

  it('export query: the filters of the table, no pages, with the chapter as its own parameter', () => {
    const q = new URLSearchParams(
      exportQuery(
        state('reporter=JPN&method=hhi&flagged=1&chapter=81&q=gallium&page=3&sort=hhi'),
        2024,
        'xlsx',
      ),
    );
    expect(Object.fromEntries(q)).toEqual({
      reporter: 'JPN',
      year: '2024',
      format: 'xlsx',
      method: 'hhi',
      chapter: '81',
      q: 'gallium',
    });
  });

  it('sorting by header: flips the same column, starts another at its natural order, back to page 1', () => {
    const s = state('sort=hhi&order=desc&page=4');
    expect(nextSort(s, 'hhi')).toMatchObject({ sort: 'hhi', order: 'asc', page: 1 });
    expect(nextSort(s, 'hs6')).toMatchObject({ sort: 'hs6', order: 'asc' });
    expect(nextSort(s, 'suppliers')).toMatchObject({ sort: 'suppliers', order: 'desc' });
    expect(ariaSort(s, 'hhi')).toBe('descending');
    expect(ariaSort(s, 'hs6')).toBe('none');
  });

  it('client pages: chapter filter, nulls last, ties by HS6', () => {
    const item = (hs6: string, worldExportHhi: number | null) =>
      ({ hs6, worldExportHhi, flags: {} }) as unknown as ScreenItem;
    const items = [
      item('810110', 0.2),
      item('811292', null),
      item('280461', 0.9),
      item('810190', 0.2),
      item('811000', 0.5),
    ];
    const value = sortValue('en', (c) => c);
    const page = (order: 'asc' | 'desc') =>
      clientPage(items, { chapter: '81', sort: 'worldExportHhi', order, page: 1, value });
    expect(page('desc').total).toBe(4);
    expect(page('desc').items.map((i) => i.hs6)).toEqual(['811000', '810110', '810190', '811292']);
    expect(page('asc').items.map((i) => i.hs6)).toEqual(['810110', '810190', '811000', '811292']);
  });

  it('label, supplier and flags sort here over every row, by the names the user reads', () => {
    const s = state('reporter=JPN&sort=topSupplier&page=2');
    expect(s.order).toBe('asc');
    const request = tableRequest(s, 2024);
    expect(request.inPage).toBe(true);
    expect(request.params.has('sort')).toBe(false);
    expect(request.params.get('pageSize')).toBe('1000');
    const item = (
      hs6: string,
      topSupplier: string,
      labelEn: string,
      labelJa: string,
      flags: Record<string, boolean>,
    ) => ({ hs6, topSupplier, labelEn, labelJa, flags }) as unknown as ScreenItem;
    const items = [
      item('811292', 'CHN', 'Gallium', 'ガリウム', { eu2021: true, hhi: true }),
      item('280461', 'USA', 'Silicon', 'けい素', { eu2021: false, hhi: true }),
      item('810194', 'DEU', 'Tungsten', 'タングステン', { eu2021: false, hhi: false }),
    ];
    const names: Record<string, string> = { CHN: 'China', USA: 'United States', DEU: 'Germany' };
    const order = (
      sort: 'label' | 'topSupplier' | 'flags',
      orderBy: 'asc' | 'desc',
      lang: 'ja' | 'en' = 'en',
    ) =>
      clientPage(items, {
        chapter: null,
        sort,
        order: orderBy,
        page: 1,
        value: sortValue(lang, (c) => names[c]),
        lang,
      }).items.map((i) => i.hs6);
    expect(order('topSupplier', 'asc')).toEqual(['811292', '810194', '280461']);
    expect(order('label', 'asc')).toEqual(['811292', '280461', '810194']);
    // Japanese collation: kana in gojūon order whatever the script, ガ(ga) < け(ke) < タ(ta).
    expect(order('label', 'asc', 'ja')).toEqual(['811292', '280461', '810194']);
    expect(order('flags', 'desc')).toEqual(['811292', '280461', '810194']);
  });
});

describe('screening chapter filter', () => {
  it('names a chapter by code and title, cut to fit, and falls back to the bare code', () => {
    expect(chapterCodes).toHaveLength(96); // 01–97 without the reserved 77
    expect(chapterCodes.includes('77')).toBe(false);
    expect(chapterOptionText('29', '有機化学品')).toBe('29 — 有機化学品');
    const long = '無機化学品及び貴金属、希土類金属、放射性元素又は同位元素の無機又は有機の化合物'; // 38 characters
    expect(chapterOptionText('28', long, 10)).toBe('28 — 無機化学品及び貴金…');
    expect([...chapterOptionText('28', long, 10)].length).toBe('28 — '.length + 10);
    expect(chapterOptionText('28', long)).toBe(`28 — ${long}`);
    expect(chapterOptionText('99', '')).toBe('99');
  });
});
