import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseItemReference } from '../../src/analysis/exportControl/controlList.ts';
import {
  checkTransaction,
  type EndUserHit,
  type TransactionInput,
} from '../../src/analysis/exportControl/transactionCheck.ts';
import { listDelta, type ListEntry } from '../../src/analysis/exportControl/listDelta.ts';
import { readControlOrderTables } from '../../src/data/exportControl/controlOrderTables.ts';
import { sharedData } from '../helpers/tmp.ts';

const reference = readControlOrderTables(path.join(sharedData, 'export-control'));

function check(item: string, destination: string, rest: Partial<TransactionInput> = {}) {
  const ref = parseItemReference(item);
  if (!ref) throw new Error(`bad item ${item}`);
  return checkTransaction({ item: ref, destination, endUserHits: [], ...rest }, reference);
}

const eulHit: EndUserHit = {
  list: 'meti-eul',
  listRole: 'end-user-list',
  entryId: 'CHN:northwesternpolytechnicaluniversitynpu西北工業大学',
  name: 'Northwestern Polytechnical University（NPU） (西北工業大学)',
  score: 1,
  concerns: ['M'],
};

describe('country tables of the Order (real file)', () => {
  it('has the 27 Group A countries and the 10 UN arms-embargo destinations', () => {
    expect(reference.countries.groupA.size).toBe(27);
    expect(reference.countries.groupA.has('USA') && reference.countries.groupA.has('KOR')).toBe(true);
    expect([...reference.countries.unArmsEmbargo].sort()).toEqual([
      'AFG',
      'CAF',
      'COD',
      'IRQ',
      'LBN',
      'LBY',
      'PRK',
      'SDN',
      'SOM',
      'SSD',
    ]);
    expect(reference.controlList).toHaveLength(330);
  });
});

describe('item references', () => {
  it('reads HS codes and 別表第一 entries as users write them', () => {
    expect(parseItemReference('8542.31')).toEqual({ kind: 'hs', code: '854231' });
    expect(parseItemReference('2の項（12）')).toEqual({
      kind: 'entry',
      kou: '2',
      item: '12',
      subitem: undefined,
    });
    expect(parseItemReference('3の2')).toEqual({
      kind: 'entry',
      kou: '3の2',
      item: undefined,
      subitem: undefined,
    });
    expect(parseItemReference('16(2)')).toEqual({ kind: 'entry', kou: '16', item: '2', subitem: undefined });
    expect(parseItemReference('16')).toEqual({
      kind: 'entry',
      kou: '16',
      item: undefined,
      subitem: undefined,
    });
    expect(parseItemReference('17')).toBeNull();
    expect(parseItemReference('gallium')).toBeNull();
  });

  it('rejects an entry the Order does not have, naming the field', () => {
    expect(() => check('2(99)', 'USA')).toThrow(/別表第一 has no entry 2\(99\)/);
  });
});

describe('transaction check', () => {
  it('requires a licence for a list-controlled item even to Group A (輸出令第1条第1項)', () => {
    const r = check('2(12)', 'USA', { endUser: 'Acme Inc.', endUse: 'civil' });
    expect(r.verdict).toBe('licence-required');
    expect(r.reasons.map((x) => x.rule)).toEqual(['R2-list-control']);
    expect(r.reasons[0].citation).toContain('第1条第1項');
    expect(r.questions).toEqual([]);
  });

  it('needs nothing for catch-all goods to Group A, but says the HS code does not settle list control', () => {
    const r = check('8542', 'USA', { endUser: 'Acme Inc.', endUse: 'civil' });
    expect(r.verdict).toBe('no-requirement');
    expect(r.reasons.map((x) => x.rule)).toEqual(['hs-classification', 'R3-group-a']);
  });

  it('needs nothing for goods outside the 16の項（2） chapters (coffee to Iran)', () => {
    const r = check('0901', 'IRN', { endUser: 'Tehran Cafe', endUse: 'civil' });
    expect(r.verdict).toBe('no-requirement');
    expect(r.reasons.map((x) => x.rule)).toEqual(['hs-classification', 'R4-not-listed']);
  });

  it('asks the catch-all questions when the end user is on the End User List', () => {
    const r = check('8542', 'CHN', { endUser: 'NPU', endUse: 'civil', endUserHits: [eulHit] });
    expect(r.verdict).toBe('catch-all-check');
    expect(r.reasons.find((x) => x.rule === 'R5-end-user-list')?.citation).toContain('第4条第1項第三号イ');
    expect(r.questions.map((q) => q.id)).toEqual([
      'use-requirement',
      'end-user-requirement',
      'inform',
      'guideline-1',
      'guideline-2',
      'guideline-3',
      'guideline-4',
    ]);
  });

  it('asks the questions when the end user or the end use is not given', () => {
    expect(check('8542', 'CHN').reasons.map((x) => x.rule)).toEqual([
      'hs-classification',
      'R5-end-user-unknown',
      'R5-end-use-unknown',
    ]);
  });

  it('needs nothing for civil use by a named end user with no list hit', () => {
    const r = check('8542', 'CHN', { endUser: 'Shenzhen Toy Co.', endUse: 'civil' });
    expect(r.verdict).toBe('no-requirement');
    expect(r.reasons.at(-1)?.rule).toBe('R5-clear');
  });

  it('requires a licence for a WMD use outside Group A (第三号イ / 第四号イ)', () => {
    expect(check('3901', 'CHN', { endUser: 'X', endUse: 'wmd' }).reasons.at(-1)?.citation).toContain(
      '第四号イ',
    );
    expect(check('8542', 'CHN', { endUser: 'X', endUse: 'wmd' }).verdict).toBe('licence-required');
  });

  it('applies the conventional-weapons use requirement to 16の項（1） everywhere outside Group A, to 16の項（2） only for 別表第三の二', () => {
    // 8458 lathes: 16の項（1）3.
    expect(check('8458', 'THA', { endUser: 'X', endUse: 'conventional' }).verdict).toBe('licence-required');
    // 3901 polyethylene: 16の項（2）, Thailand is not an arms-embargo destination.
    const general = check('3901', 'THA', { endUser: 'X', endUse: 'conventional' });
    expect(general.verdict).toBe('catch-all-check');
    expect(general.reasons.at(-1)?.rule).toBe('R5-conventional-use-general');
    // North Korea is in 別表第三の二.
    expect(check('3901', 'PRK', { endUser: 'X', endUse: 'conventional' }).verdict).toBe('licence-required');
  });

  it('requires a licence when METI has informed the exporter', () => {
    const r = check('16(2)', 'VNM', { endUser: 'X', endUse: 'civil', informed: { conventional: true } });
    expect(r.verdict).toBe('licence-required');
    expect(r.reasons.map((x) => x.citation)).toContain('輸出貿易管理令 第4条第1項第四号ニ');
  });

  it('puts an export-ban hit above everything, even for coffee', () => {
    const r = check('0901', 'RUS', {
      endUser: 'Admiralty Shipyard',
      endUse: 'civil',
      endUserHits: [
        {
          list: 'meti-russia',
          listRole: 'export-ban',
          entryId: 'russia-1',
          name: 'Admiralty Shipyard JSC',
          score: 0.95,
        },
      ],
    });
    expect(r.verdict).toBe('licence-required');
    expect(r.reasons.map((x) => x.rule)).toEqual(['hs-classification', 'R1-export-ban', 'R4-not-listed']);
  });

  it('reports a foreign list hit without changing the verdict', () => {
    const r = check('8542', 'USA', {
      endUser: 'SUBARU',
      endUse: 'civil',
      endUserHits: [
        {
          list: 'cn-mofcom',
          listRole: 'foreign-control',
          entryId: 'x',
          name: 'SUBARU Corporation',
          score: 1,
        },
      ],
    });
    expect(r.verdict).toBe('no-requirement');
    expect(r.reasons.at(-1)).toMatchObject({ rule: 'list-hit', outcome: 'info' });
  });
});

describe('list delta', () => {
  const entry = (id: string, names: string[], concerns: string[] = [], sourceRow = 1): ListEntry => ({
    id,
    names,
    countries: ['IRN'],
    identifiers: [],
    concerns,
    sourceRow,
  });

  it('finds added, removed and changed entries; a moved row alone is no change', () => {
    const before = [entry('a', ['A']), entry('b', ['B'], ['M']), entry('c', ['C'])];
    const after = [entry('b', ['B', 'B alias'], ['M', 'N'], 7), entry('c', ['C'], [], 9), entry('d', ['D'])];
    const d = listDelta(before, after);
    expect(d.added.map((e) => e.id)).toEqual(['d']);
    expect(d.removed.map((e) => e.id)).toEqual(['a']);
    expect(d.changed.map((c) => [c.after.id, c.fields])).toEqual([['b', ['names', 'concerns']]]);
    expect(d.unchanged).toBe(1);
  });
});
