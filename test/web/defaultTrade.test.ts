import { describe, expect, it } from 'vitest';
import { defaultTradeYears } from '../../web/src/reference/defaultTrade.ts';

describe('the years the pickers offer (web/src/reference/defaultTrade.ts)', () => {
  const items = [
    { id: 'baci-cm', years: [2024, 2018, 2019, 2020, 2021, 2022, 2023] },
    { id: 'baci-sample', years: [2021] },
    { id: 'hs' },
  ];

  it("are the server's default trade dataset's, oldest first, whatever the list's order", () => {
    expect(defaultTradeYears({ items, defaultTradeDataset: 'baci-cm' })).toEqual([
      2018, 2019, 2020, 2021, 2022, 2023, 2024,
    ]);
    expect(defaultTradeYears({ items, defaultTradeDataset: 'baci-sample' })).toEqual([2021]);
  });

  it('are none when there is no default the user may read', () => {
    expect(defaultTradeYears({ items, defaultTradeDataset: null })).toBeNull();
    expect(defaultTradeYears({ items: items.slice(1), defaultTradeDataset: 'baci-cm' })).toBeNull();
  });
});
