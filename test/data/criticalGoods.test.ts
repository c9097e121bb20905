import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criticalGoodsDefaults } from '../../src/data/reference/criticalGoods.ts';
import {
  addCriticalGood,
  criticalHsCodes,
  getCriticalGood,
  listCriticalGoods,
  resetCriticalGood,
  updateCriticalGood,
} from '../../src/data/reference/criticalGoodsRegistry.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { sharedData } from '../helpers/tmp.ts';

describe('critical goods defaults', () => {
  it('are the 12 specified critical goods, named in Japanese and English, with cloud programs unmapped', () => {
    expect(criticalGoodsDefaults.map((g) => g.ja)).toEqual([
      '抗菌性物質製剤',
      '肥料',
      '永久磁石',
      '工作機械・産業用ロボット',
      '航空機の部品',
      '半導体',
      '蓄電池',
      'クラウドプログラム',
      '天然ガス',
      '重要鉱物',
      '船舶の部品',
      '先端電子部品',
    ]);
    for (const g of criticalGoodsDefaults) {
      expect(g.en.length).toBeGreaterThan(3);
      expect(g.ministry.ja.length).toBeGreaterThan(2);
      if (g.id !== 'cloud-programs') expect(g.hs.length, g.id).toBeGreaterThan(0);
    }
    expect(criticalGoodsDefaults.find((g) => g.id === 'cloud-programs')!.hs).toEqual([]);
    expect(criticalGoodsDefaults.find((g) => g.id === 'advanced-electronic-components')!.designation.en).toMatch(/2024/);
  });

  it('map only to real HS 2017 six-digit codes (CEPII BACI HS17 product list)', () => {
    const hs17 = new Set(
      fs
        .readFileSync(path.join(sharedData, 'hs', 'baci_product_codes_hs17_bec.csv'), 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    );
    const codes = criticalGoodsDefaults.flatMap((g) => g.hs.map((c) => c.hs6));
    expect(codes.length).toBeGreaterThan(60);
    expect(codes.filter((c) => !hs17.has(c))).toEqual([]);
  });
});

describe.each(stateBackends)('critical goods registry (%s)', (backend) => {
  let db: StateDb;
  beforeAll(async () => {
    db = await openTestState(backend);
  });
  afterAll(async () => db.close());

  it('is seeded from the defaults on first read', async () => {
    const goods = await listCriticalGoods(db);
    expect(goods.map((g) => g.id)).toEqual(criticalGoodsDefaults.map((g) => g.id));
    expect(goods.every((g) => !g.edited)).toBe(true);
    const codes = await criticalHsCodes(db);
    // 282200 cobalt oxides is both a battery material and a critical mineral.
    expect(codes.get('282200')).toEqual(['storage-batteries', 'critical-minerals']);
    expect(codes.get('271111')).toEqual(['natural-gas']);
  });

  it('edits a mapping, remembers who, refuses bad codes, and resets to the default', async () => {
    const edited = await updateCriticalGood(db, 'natural-gas', { hs: [{ hs6: '271111', match: 'exact', note: 'LNG only' }] }, 'alice');
    expect(edited.hs).toEqual([{ hs6: '271111', match: 'exact', note: 'LNG only' }]);
    expect(edited.edited).toBe(true);
    expect(edited.updatedBy).toBe('alice');
    expect((await criticalHsCodes(db, ['natural-gas'])).has('271121')).toBe(false);
    await expect(updateCriticalGood(db, 'natural-gas', { hs: [{ hs6: '2711', match: 'exact', note: '' }] }, 'alice')).rejects.toThrow(
      /HS code "2711" is not six digits/,
    );
    await expect(getCriticalGood(db, 'nope')).rejects.toThrow(/no critical good "nope"/);
    const reset = await resetCriticalGood(db, 'natural-gas', 'alice');
    expect(reset.hs.map((c) => c.hs6)).toEqual(['271111', '271121']);
    expect(reset.edited).toBe(false);
  });

  it('adds a newly designated good and refuses a duplicate', async () => {
    const drones = await addCriticalGood(
      db,
      {
        id: 'drones',
        ja: '無人航空機',
        en: 'drones',
        designation: { ja: '2025年12月改正', en: 'Amendment of December 2025' },
        ministry: { ja: '経済産業省', en: 'METI' },
        hs: [{ hs6: '880690', match: 'approximate', note: 'unmanned aircraft, other' }],
        note: '',
      },
      'bob',
    );
    expect(drones.edited).toBe(true);
    expect((await listCriticalGoods(db)).length).toBe(13);
    await expect(addCriticalGood(db, { ...drones }, 'bob')).rejects.toThrow(/exists already/);
  });
});
