import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import {
  runScreenQuery,
  methodColumn,
  type ScreenPartner,
  type ScreenRow,
} from '../../src/data/screening/screenQuery.ts';
import { sqlString } from '../../src/data/analytics/store.ts';
import { shares } from '../../src/analysis/shares.ts';
import { hhi } from '../../src/analysis/hhi.ts';
import { topShares } from '../../src/analysis/topShares.ts';
import { countriesTo } from '../../src/analysis/countriesTo.ts';
import { groupShare } from '../../src/analysis/groupShare.ts';
import { importExportRatio } from '../../src/analysis/importExportRatio.ts';
import { methods } from '../../src/analysis/methods/index.ts';
import { resolveThresholds, type Indicators } from '../../src/analysis/methods/method.ts';
import { baciCriticalMineralsCsv as csv } from '../helpers/sharedTrade.ts';

/**
 * The screen's SQL against an independent computation on the same real BACI rows: the test reads the CSV with
 * plain JS, aggregates by hand and applies the pure functions of src/analysis/.
 */

interface Flow {
  t: number;
  i: number;
  j: number;
  k: string;
  v: number;
}
const flows: Flow[] = fs
  .readFileSync(csv, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [t, i, j, k, v] = line.split(',');
    return { t: Number(t), i: Number(i), j: Number(j), k: k.padStart(6, '0'), v: Number(v) };
  });

// EU27 as BACI codes (58 Belgium, 280 Germany, 251 France as BACI numbers them).
const eu27 = [
  40, 58, 100, 191, 196, 203, 208, 233, 246, 251, 280, 300, 348, 372, 381, 428, 440, 442, 470, 528, 616, 620,
  642, 703, 705, 724, 752,
];
const concern = new Set([156, 643, 408, 364]); // CHN, RUS, PRK, IRN
const likeMinded = new Set([842, 36, 124, 410, 826, 554, 490, ...eu27]);
const iso3 = new Map<number, string>([
  [156, 'CHN'],
  [392, 'JPN'],
  [842, 'USA'],
  [36, 'AUS'],
  [410, 'KOR'],
  [643, 'RUS'],
  [490, 'TWN'],
]);
const codes = [...new Set(flows.flatMap((f) => [f.i, f.j]))].sort((a, b) => a - b);
const partners: ScreenPartner[] = codes.map((code) => ({
  code,
  iso3: iso3.get(code) ?? `C${code}`,
  concern: concern.has(code),
  likeMinded: likeMinded.has(code),
}));
const name = (code: number) => iso3.get(code) ?? `C${code}`;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Independent computation of one reporter's indicators for one year, by hand from the flows. */
function expected(members: number[], year: number) {
  const group = new Set(members);
  const isGroup = members.length > 1;
  const out = new Map<string, Indicators & Record<string, unknown>>();
  const ofYear = flows.filter((f) => f.t === year);
  const products = [...new Set(ofYear.filter((f) => group.has(f.j) && !group.has(f.i)).map((f) => f.k))];
  for (const k of products) {
    const rows = ofYear.filter((f) => f.k === k);
    const byPartner = new Map<number, number>();
    for (const f of rows)
      if (group.has(f.j) && !group.has(f.i)) byPartner.set(f.i, (byPartner.get(f.i) ?? 0) + f.v);
    const partnerList = [...byPartner.entries()]
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const s = shares(partnerList.map(([, v]) => v));
    const total = sum(partnerList.map(([, v]) => v));
    const exports = sum(rows.filter((f) => group.has(f.i) && !group.has(f.j)).map((f) => f.v));
    const intra = sum(rows.filter((f) => group.has(f.i) && group.has(f.j)).map((f) => f.v));
    const world = new Map<number, number>();
    for (const f of rows) world.set(f.i, (world.get(f.i) ?? 0) + f.v);
    const worldValues = [...world.entries()].sort((a, b) => b[1] - a[1]);
    const pv = partnerList.map(([p, v]) => ({ partner: String(p), value: v }));
    const lmShare = groupShare(pv, new Set([...likeMinded].map(String)));
    const top = topShares(s);
    out.set(k, {
      tiedTop: partnerList.length > 1 && partnerList[0][1] === partnerList[1][1],
      year,
      importValueUsd: total * 1000,
      hhi: hhi(s),
      topSupplier: name(partnerList[0][0]),
      topShare: top.top1,
      top3Share: top.top3,
      suppliers: partnerList.length,
      countriesTo75: countriesTo(s, 0.75),
      concernShare: groupShare(pv, new Set([...concern].map(String))),
      likeMindedShare: lmShare,
      partnerShare: groupShare(pv, new Set(['156'])),
      extraGroupShare: isGroup ? total / (total + intra) : 1 - lmShare,
      exportValueUsd: exports * 1000,
      importExportRatio: importExportRatio(total, exports).ratio,
      worldExportHhi: hhi(shares(worldValues.map(([, v]) => v))),
      topWorldExporter: name(worldValues[0][0]),
    });
  }
  return out;
}

function close(actual: number, wanted: number) {
  expect(Math.abs(actual - wanted)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wanted)));
}

const source = `read_csv(${sqlString(csv)}, header = true, nullstr = 'NA', columns = {'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'VARCHAR', 'v': 'DOUBLE', 'q': 'DOUBLE'})`;
const methodInputs = methods.map((method) => ({
  method,
  thresholds: resolveThresholds(method),
  options: method.id === 'majority' ? { partner: 'CHN' } : {},
}));

describe('screen SQL vs an independent computation on real BACI (critical minerals, 2018–2024)', () => {
  let store: DuckDbStore;
  beforeAll(async () => {
    store = await openDuckDb();
  });
  afterAll(async () => store.close());

  const cases: [string, number[]][] = [
    ['JPN', [392]],
    ['USA', [842]],
    ['DEU', [280]],
    ['EU27', eu27],
  ];
  /** Every row of the screen against the independent computation (indicators, flags, persistence). */
  function expectIndependent(rows: ScreenRow[], reporter: string, members: number[]) {
    const want = expected(members, 2024);
    const history = [2022, 2023].map((y) => expected(members, y));
    expect(rows.length).toBe(want.size);
    for (const row of rows) {
      const e = want.get(row.hs6)!;
      expect(e, row.hs6).toBeDefined();
      expect(row.reporter).toBe(reporter);
      for (const key of [
        'importValueUsd',
        'hhi',
        'topShare',
        'top3Share',
        'concernShare',
        'likeMindedShare',
        'partnerShare',
        'extraGroupShare',
        'exportValueUsd',
        'importExportRatio',
        'worldExportHhi',
      ] as const) {
        close(row[key] as number, e[key] as number);
      }
      expect(row.topSupplier, row.hs6).toBe(e.topSupplier);
      expect(row.suppliers).toBe(e.suppliers);
      expect(row.countriesTo75, row.hs6).toBe(e.countriesTo75);
      expect(row.topWorldExporter).toBe(e.topWorldExporter);
      // Flags: the method presets' own evaluate() on the hand-computed history.
      const productHistory = [
        ...history.map((h) => h.get(row.hs6)).filter((h) => h !== undefined),
        e,
      ] as Indicators[];
      for (const m of methodInputs) {
        const verdict = m.method.evaluate(productHistory, 2024, m.thresholds, m.options);
        expect(row[methodColumn('flag', m.method.id)], `${row.hs6} ${m.method.id}`).toBe(verdict.flagged);
        if (verdict.persistence)
          expect(row[methodColumn('years', m.method.id)]).toBe(verdict.persistence.met);
      }
    }
  }

  it.each(cases)(
    '%s 2024: every indicator, flag and persistence count matches',
    async (reporter, members) => {
      const rows = await runScreenQuery(store, {
        source,
        year: 2024,
        window: 3,
        reporters: [{ reporter, members }],
        partners,
        methods: methodInputs,
        partnerCode: 156,
      });
      expect(rows.length).toBeGreaterThan(20);
      expectIndependent(rows as ScreenRow[], reporter, members);
    },
  );

  // The query reads the top shares and countries to 75 % from a short list of the largest values and ranks in
  // full only the products that list does not settle. A list of 3 sends about a quarter of the products down the
  // full ranking (e.g. USA: many suppliers short of 75 % after three); Chile, Montenegro and Tunisia each import
  // a product in 2024 whose two largest suppliers ship exactly the same value (the smaller code is the top one).
  const shortList: [string, number[]][] = [
    ['USA', [842]],
    ['EU27', eu27],
    ['C152', [152]],
    ['C499', [499]],
    ['C788', [788]],
  ];
  it.each(shortList)(
    '%s 2024 with a top list of 3 (most products ranked in full): the same as the independent computation',
    async (reporter, members) => {
      const input = {
        source,
        year: 2024,
        window: 3,
        reporters: [{ reporter, members }],
        partners,
        methods: methodInputs,
        partnerCode: 156,
      };
      const rows = (await runScreenQuery(store, { ...input, topListLength: 3 })) as ScreenRow[];
      expectIndependent(rows, reporter, members);
      const want = expected(members, 2024);
      // Products past the list of 3 (ranked in full by the window) and ties for the top supplier (settled in the
      // list: the smaller code first) are among those checked above.
      const settledByRanking = rows.filter((r) => r.countriesTo75 > 3 || want.get(r.hs6)!.tiedTop);
      expect(settledByRanking.length).toBeGreaterThan(0);
      if (reporter === 'USA') expect(rows.filter((r) => r.countriesTo75 > 3).length).toBeGreaterThan(5);
      if (reporter.startsWith('C')) expect(rows.some((r) => want.get(r.hs6)!.tiedTop)).toBe(true);
      // The default list (20) gives the same rows.
      const byDefault = (await runScreenQuery(store, input)) as ScreenRow[];
      expect(byDefault.map((r) => [r.hs6, r.topSupplier, r.countriesTo75])).toEqual(
        rows.map((r) => [r.hs6, r.topSupplier, r.countriesTo75]),
      );
    },
  );

  it('JPN 2024, cobalt oxides (282200): numbers a reader can check in the CSV', async () => {
    const [row] = (await runScreenQuery(store, {
      source,
      year: 2024,
      window: 3,
      reporters: [{ reporter: 'JPN', members: [392] }],
      partners,
      methods: methodInputs,
      partnerCode: 156,
      products: ['282200'],
    })) as ScreenRow[];
    const jp = flows.filter((f) => f.t === 2024 && f.j === 392 && f.k === '282200');
    close(row.importValueUsd, sum(jp.map((f) => f.v)) * 1000);
    expect(row.suppliers).toBe(jp.length);
  });

  it('EU27 excludes flows between members: Germany → France is not an EU import', async () => {
    const rows = (await runScreenQuery(store, {
      source,
      year: 2024,
      window: 1,
      reporters: [{ reporter: 'EU27', members: eu27 }],
      partners,
      methods: [],
    })) as ScreenRow[];
    const eu = new Set(eu27);
    const extraEu =
      sum(flows.filter((f) => f.t === 2024 && eu.has(f.j) && !eu.has(f.i)).map((f) => f.v)) * 1000;
    const allToEu = sum(flows.filter((f) => f.t === 2024 && eu.has(f.j)).map((f) => f.v)) * 1000;
    close(sum(rows.map((r) => r.importValueUsd)), extraEu);
    expect(extraEu).toBeLessThan(allToEu);
    expect(rows.every((r) => !/^C(280|251)$/.test(r.topSupplier))).toBe(true);
  });
});

describe('screen SQL, every reporter in one pass', () => {
  it('ALL gives, for JPN and KOR, the same rows as screening each alone, and flags some products', async () => {
    const store = await openDuckDb();
    try {
      const base = { source, year: 2024, window: 3, partners, methods: methodInputs, partnerCode: 156 };
      const all = (await runScreenQuery(store, { ...base, reporters: 'ALL' })) as ScreenRow[];
      expect(new Set(all.map((r) => r.reporter)).size).toBeGreaterThan(150);
      for (const [reporter, code] of [
        ['JPN', 392],
        ['KOR', 410],
      ] as const) {
        const alone = await runScreenQuery(store, { ...base, reporters: [{ reporter, members: [code] }] });
        const mine = all.filter((r) => r.reporter === reporter);
        expect(mine.map((r) => r.hs6)).toEqual(alone.map((r) => r.hs6));
        // Same values up to the order of floating-point summation (DuckDB aggregates in parallel).
        mine.forEach((row, n) => {
          for (const [key, value] of Object.entries(alone[n])) {
            if (typeof value === 'number') close(row[key] as number, value);
            else expect(row[key], key).toEqual(value);
          }
        });
      }
      const jpn = all.filter((r) => r.reporter === 'JPN');
      for (const m of methods)
        expect(
          jpn.some((r) => r[methodColumn('flag', m.id)] === true),
          m.id,
        ).toBe(true);
      expect(jpn.some((r) => r.flagHhi === false)).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('screen SQL, a country known by a second BACI code (USA: 842, and 840 as in ISO numbers)', () => {
  // One product in 2024, by hand, with USA under its second code 840 (a file uses one code per country in a year):
  // JPN imports 60 from USA and 40 from CHN; USA imports 7 from JPN and 5 from CHN. World exports: USA 60, CHN 45,
  // JPN 7 of 112.
  const flowsWithSecondCode = `(VALUES (2024, 840, 392, '010121', 60.0, NULL::DOUBLE),
    (2024, 156, 392, '010121', 40.0, NULL), (2024, 156, 840, '010121', 5.0, NULL),
    (2024, 392, 840, '010121', 7.0, NULL)) AS f(t, i, j, k, v, q)`;
  const usaTwoCodes: ScreenPartner[] = [
    { code: 842, iso3: 'USA', concern: false, likeMinded: true },
    { code: 840, iso3: 'USA', concern: false, likeMinded: true },
    { code: 156, iso3: 'CHN', concern: true, likeMinded: false },
    { code: 392, iso3: 'JPN', concern: false, likeMinded: true },
  ];
  it('names it by ISO3 as supplier, reporter and exporter, in ALL and alone', async () => {
    const store = await openDuckDb();
    try {
      const base = {
        source: flowsWithSecondCode,
        year: 2024,
        window: 1,
        partners: usaTwoCodes,
        methods: methodInputs,
        partnerCode: 156,
      };
      const all = await runScreenQuery(store, { ...base, reporters: 'ALL' });
      expect(all.map((r) => r.reporter)).toEqual(['JPN', 'USA']);
      const world = [60 / 112, 45 / 112, 7 / 112];
      const worldHhi = sum(world.map((x) => x * x));
      const jpnAlone = await runScreenQuery(store, {
        ...base,
        reporters: [{ reporter: 'JPN', members: [392] }],
      });
      const usaAlone = await runScreenQuery(store, {
        ...base,
        reporters: [{ reporter: 'USA', members: [842, 840] }],
      });
      const expectations = [
        {
          rows: [all[0], jpnAlone[0]],
          fields: { hs6: '010121', topSupplier: 'USA', suppliers: 2, topWorldExporter: 'USA' },
          numbers: {
            importValueUsd: 100_000,
            exportValueUsd: 7_000,
            topShare: 0.6,
            hhi: 0.6 ** 2 + 0.4 ** 2,
            concernShare: 0.4,
            worldExportHhi: worldHhi,
            topWorldExporterShare: world[0],
          },
        },
        {
          rows: [all[1], usaAlone[0]],
          fields: { reporter: 'USA', topSupplier: 'JPN', suppliers: 2, topWorldExporter: 'USA' },
          numbers: {
            importValueUsd: 12_000,
            topShare: 7 / 12,
            exportValueUsd: 60_000,
            importExportRatio: 12 / 60,
            worldExportHhi: worldHhi,
          },
        },
      ];
      for (const { rows, fields, numbers } of expectations) {
        for (const row of rows) {
          expect(row).toMatchObject(fields);
          for (const [key, value] of Object.entries(numbers)) close(row[key] as number, value);
        }
      }
    } finally {
      await store.close();
    }
  });
});

describe('screen SQL with a single year of data in the window', () => {
  it('JPN 2018 (no earlier years): the one-pass query equals the windowed one and evaluate() on that year', async () => {
    const store = await openDuckDb();
    try {
      const base = {
        source,
        year: 2018,
        window: 3,
        reporters: [{ reporter: 'JPN', members: [392] }],
        partners,
        methods: methodInputs,
        partnerCode: 156,
      };
      const windowed = (await runScreenQuery(store, base)) as ScreenRow[];
      const onePass = (await runScreenQuery(store, {
        ...base,
        yearsPresent: [2018, 2019, 2020, 2021, 2022, 2023, 2024],
      })) as ScreenRow[];
      expect(onePass.map((r) => r.hs6)).toEqual(windowed.map((r) => r.hs6));
      const want = expected([392], 2018);
      onePass.forEach((row, n) => {
        for (const [key, value] of Object.entries(windowed[n])) {
          if (typeof value === 'number') close(row[key] as number, value);
          else expect(row[key], key).toEqual(value);
        }
        for (const m of methodInputs) {
          const verdict = m.method.evaluate([want.get(row.hs6)!], 2018, m.thresholds, m.options);
          expect(row[methodColumn('flag', m.method.id)]).toBe(verdict.flagged);
        }
      });
      expect(onePass.some((r) => r.flagHhi)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
