import { describe, expect, it } from 'vitest';
import {
  datasetIdOf,
  itemsWithoutData,
  mappingComplete,
  uploadBody,
  type ListedItem,
  type UploadDraft,
} from '../../web/src/features/ews/setup.ts';
import { guessColumnMap } from '../../src/data/importers/monthlyCsv.ts';

/** The EWS setup tab's pure parts (#/ews/setup): the upload body, the dataset id offered, items without data. */
describe('EWS setup tab', () => {
  const draft: UploadDraft = {
    fileName: 'x.csv',
    text: 'a,b\n',
    map: { period: 'period_dt', partner: 'partner_name', hs: 'hs6', value: 'val', quantity: '' },
    reporter: ' chn ',
    flow: 'export',
    unit: '',
    valueUnit: 'USD',
  };

  it('sends the mapping without empty fields; reporter and flow only when no column gives them', () => {
    expect(uploadBody(draft)).toEqual({
      fileName: 'x.csv',
      text: 'a,b\n',
      map: { period: 'period_dt', partner: 'partner_name', hs: 'hs6', value: 'val' },
      reporter: 'CHN',
      flow: 'export',
      valueUnit: 'USD',
    });
    const mapped = uploadBody({ ...draft, map: { ...draft.map, reporter: 'rep', flow: 'f' } });
    expect(mapped).not.toHaveProperty('reporter');
    expect(mapped).not.toHaveProperty('flow');
  });

  it('previews rows only once period, partner, product and value are mapped', () => {
    expect(mappingComplete(draft.map)).toBe(true);
    expect(mappingComplete({ ...draft.map, value: undefined })).toBe(false);
  });

  it('offers a dataset id the import route accepts, from the file name', () => {
    expect(datasetIdOf('China exports 2024.csv')).toBe('china-exports-2024');
    expect(datasetIdOf('__輸出.csv')).toBe('monthly');
    expect(datasetIdOf('deep_dive_hs6_monthly.csv')).toBe('deep_dive_hs6_monthly');
  });

  it('lists the items whose scan would find nothing', () => {
    const item = (id: string, coverage: ListedItem['coverage']) => ({ id, coverage }) as ListedItem;
    const items = [
      item('a', 'ok'),
      item('b', 'no_rows'),
      item('c', 'no_dataset'),
      item('d', 'dataset_missing'),
    ];
    expect(itemsWithoutData(items).map((i) => i.id)).toEqual(['b', 'c', 'd']);
  });

  it('guesses the mapping of the Comtrade-derived and Japanese column names', () => {
    expect(guessColumnMap(['period_dt', 'partner_name', 'hs6', 'val', 'qty', 'uv'])).toEqual({
      period: 'period_dt',
      partner: 'partner_name',
      hs: 'hs6',
      value: 'val',
      quantity: 'qty',
    });
    expect(guessColumnMap(['年月', '相手国', '品目コード', '金額'])).toEqual({
      period: '年月',
      partner: '相手国',
      hs: '品目コード',
      value: '金額',
    });
  });
});
