import { describe, expect, it } from 'vitest';
import { ownershipGraphOption } from '../../web/src/features/investment/ownershipGraph.ts';

const flags = (
  f: Partial<{ state: boolean; stateControlled: boolean; countryOfConcern: boolean; list: boolean }> = {},
) => ({
  state: f.state ?? false,
  stateControlled: f.stateControlled ?? false,
  countryOfConcern: f.countryOfConcern ?? false,
  listHits: f.list ? [{ list: 'meti-eul', entryId: 'x', name: 'X', score: 1 }] : [],
});

describe('ownership graph of a case page', () => {
  it('layers owners above what they hold, labels shares or control, and colours the flags', () => {
    // G (state) controls M; M holds K whole and 23.5 % of T; K holds 76.5 % of T: layers G 0, M 1, K 2, T 3.
    const entity = (id: string, kind: 'state' | 'company', f = flags()) => ({
      id,
      name: id,
      country: 'FIN',
      kind,
      flags: f,
    });
    const option = ownershipGraphOption(
      {
        entity: entity('T', 'company', flags({ stateControlled: true })),
        chain: [
          entity('T', 'company', flags({ stateControlled: true })),
          entity('K', 'company'),
          entity('M', 'company', flags({ list: true })),
          entity('G', 'state', flags({ state: true })),
        ],
        links: [
          { ownerId: 'K', ownedId: 'T', share: 0.765, interest: 'shareholding', source: 's' },
          { ownerId: 'M', ownedId: 'T', share: 0.235, interest: 'shareholding', source: 's' },
          { ownerId: 'M', ownedId: 'K', share: 1, interest: 'shareholding', source: 's' },
          { ownerId: 'G', ownedId: 'M', share: null, interest: 'otherInfluenceOrControl', source: 's' },
        ],
      },
      { control: 'control' },
    );
    const series = option.series[0];
    expect(series.data.map((n) => [n.id, n.y / 110])).toEqual([
      ['T', 3],
      ['K', 2],
      ['M', 1],
      ['G', 0],
    ]);
    expect(series.links.map((l) => l.label.formatter)).toEqual(['76.5 %', '23.5 %', '100 %', 'control']);
    expect(series.data.map((n) => n.itemStyle.color)).toEqual(['#7c3aed', '#2563eb', '#b91c1c', '#7c3aed']);
    expect(series.data[0].symbolSize).toBeGreaterThan(series.data[1].symbolSize);
  });
});
