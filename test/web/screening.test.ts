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
  tableRequest,
  thresholdsOf,
  withMethodThresholds,
} from '../../web/src/features/screening/screenState.ts';
import {
  effectiveCurrency,
  moneyText,
  readCurrencyChoice,
} from '../../web/src/features/screening/currency.ts';
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
    const item = (hs6: string, worldExportHhi: number | null) => ({ hs6, worldExportHhi }) as ScreenItem;
    const items = [
      item('810110', 0.2),
      item('811292', null),
      item('280461', 0.9),
      item('810190', 0.2),
      item('811000', 0.5),
    ];
    const desc = clientPage(items, '81', 'worldExportHhi', 'desc', 1);
    expect(desc.total).toBe(4);
    expect(desc.items.map((i) => i.hs6)).toEqual(['811000', '810110', '810190', '811292']);
    expect(clientPage(items, '81', 'worldExportHhi', 'asc', 1).items.map((i) => i.hs6)).toEqual([
      '810110',
      '810190',
      '811000',
      '811292',
    ]);
  });
});

describe('screening currency', () => {
  it('shows yen only with a stated rate', () => {
    expect(readCurrencyChoice(null)).toEqual({ currency: 'USD', jpyPerUsd: null });
    expect(readCurrencyChoice('{"currency":"JPY","jpyPerUsd":-3}')).toEqual({
      currency: 'JPY',
      jpyPerUsd: null,
    });
    expect(effectiveCurrency({ currency: 'JPY', jpyPerUsd: null })).toBe('USD');
    // 1.23 billion USD at 150 JPY/USD = 184.5 billion yen = 1,845億円.
    expect(moneyText(1.23e9, 'ja', { currency: 'JPY', jpyPerUsd: 150 })).toBe('1,845億円');
    expect(moneyText(1.23e9, 'en', { currency: 'JPY', jpyPerUsd: null })).toBe('$1.23 billion');
  });
});
