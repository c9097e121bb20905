import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { testSession } from '../helpers/auth.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { baciCriticalMineralsCsv as baciCsv, importSharedTrade } from '../helpers/sharedTrade.ts';

/**
 * GET /api/countries/:iso3/supplies on the real BACI critical-minerals extract, checked against an independent
 * computation from the CSV itself (country codes from CEPII's own code list, EU27 members written here).
 */

/** ISO3 → BACI numeric codes, from CEPII's country code file (several codes for some, e.g. DEU 276/280). */
function baciCodes(): Map<string, number[]> {
  const text = fs
    .readFileSync(path.join(sharedData, 'countries', 'baci_country_codes_V202201.csv'), 'utf8')
    .replace(/^\uFEFF/, '');
  const out = new Map<string, number[]>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    const iso3 = cells[4];
    out.set(iso3, [...(out.get(iso3) ?? []), Number(cells[0])]);
  }
  return out;
}

const eu27 =
  'AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE'.split(
    ' ',
  );

interface Expected {
  products: Map<string, { total: number; partner: number; bySupplier: Map<number, number> }>;
  total: number;
  partner: number;
}

/** Imports of `members` in `year` by product and exporter (thousand USD), partner codes merged into one. */
function expected(year: number, members: Set<number>, partner: Set<number>): Expected {
  const products: Expected['products'] = new Map();
  const lines = fs.readFileSync(baciCsv, 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    const [t, i, j, k, v] = line.split(',');
    if (Number(t) !== year || !members.has(Number(j)) || members.has(Number(i))) continue;
    const value = Number(v);
    if (!(value > 0)) continue;
    const p = products.get(k) ?? { total: 0, partner: 0, bySupplier: new Map() };
    const supplier = partner.has(Number(i)) ? -1 : Number(i);
    p.total += value;
    if (supplier === -1) p.partner += value;
    p.bySupplier.set(supplier, (p.bySupplier.get(supplier) ?? 0) + value);
    products.set(k, p);
  }
  let total = 0;
  let fromPartner = 0;
  for (const p of products.values()) {
    total += p.total;
    fromPartner += p.partner;
  }
  return { products, total, partner: fromPartner };
}

describe.each(stateBackends)('country supplies API (%s)', (backend) => {
  let app: App;
  let state: StateDb;
  let viewer: Record<string, string>;
  const codes = baciCodes();
  const codesOf = (iso3s: string[]) => new Set(iso3s.flatMap((c) => codes.get(c) ?? []));
  beforeAll(async () => {
    const root = tempDir();
    const dataDir = new DataDir(root).ensure();
    await importSharedTrade(dataDir, { datasetId: 'baci-cm' });
    state = await openTestState(backend);
    app = await buildApp({ dataDir: root, state, webDir: false });
    viewer = (await testSession(app, { role: 'viewer' })).headers;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await state?.close();
  });

  it('needs a session', async () => {
    expect((await app.inject({ url: '/api/countries/CHN/supplies?reporter=JPN&year=2024' })).statusCode).toBe(
      401,
    );
  });

  it("lists what China supplies Japan in 2024 with shares, ranks and totals equal to the CSV's", async () => {
    const res = await app.inject({
      url: '/api/countries/CHN/supplies?reporter=JPN&year=2024',
      headers: viewer,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const want = expected(2024, codesOf(['JPN']), codesOf(['CHN']));
    const supplied = [...want.products.entries()].filter(([, p]) => p.partner > 0);
    expect(body.screened).toBe(want.products.size);
    expect(body.total).toBe(supplied.length);
    expect(body.totalImportUsd).toBeCloseTo(want.total * 1000, 0);
    expect(body.fromPartnerUsd).toBeCloseTo(want.partner * 1000, 0);
    expect(body.totalShare).toBeCloseTo(want.partner / want.total, 12);
    // Ranked by value from China, largest first.
    const values = body.items.map((i: { valueUsd: number }) => i.valueUsd);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    let top = 0;
    let majority = 0;
    for (const item of body.items) {
      const p = want.products.get(item.hs6)!;
      expect(item.valueUsd).toBeCloseTo(p.partner * 1000, 0);
      expect(item.importValueUsd).toBeCloseTo(p.total * 1000, 0);
      expect(item.share).toBeCloseTo(p.partner / p.total, 12);
      expect(item.suppliers).toBe(p.bySupplier.size);
      const larger = [...p.bySupplier.entries()].filter(([s, v]) => s !== -1 && v > p.partner).length;
      expect(item.rank).toBe(larger + 1);
      expect(item.topShare).toBeCloseTo(Math.max(...p.bySupplier.values()) / p.total, 12);
      if (item.rank === 1) top++;
      if (p.partner / p.total > 0.5) majority++;
      expect(item.majority).toBe(p.partner / p.total > 0.5);
    }
    expect(body.topSupplierCount).toBe(top);
    expect(body.majorityCount).toBe(majority);
    // Tungsten, unwrought (810194): China supplies more than 99 % of Japan's imports (checked above against the CSV).
    const tungsten = body.items.find((i: { hs6: string }) => i.hs6 === '810194');
    expect(tungsten.rank).toBe(1);
    expect(tungsten.topSupplier).toBe('CHN');
    expect(tungsten.critical).toContain('critical-minerals');
    expect(body.provenance).toMatchObject({
      dataset: 'baci-cm',
      version: 'V202601',
      synthetic: false,
      partner: 'CHN',
    });
    expect(body.marking).toEqual({ level: 0, compartments: [], releasableTo: null });
  });

  it('leaves flows inside a group out for EU27 as reporter', async () => {
    const body = (
      await app.inject({ url: '/api/countries/CHN/supplies?reporter=EU27&year=2023', headers: viewer })
    ).json();
    const want = expected(2023, codesOf(eu27), codesOf(['CHN']));
    expect(body.reporter).toBe('EU27');
    expect(body.screened).toBe(want.products.size);
    expect(body.totalImportUsd).toBeCloseTo(want.total * 1000, 0);
    expect(body.fromPartnerUsd).toBeCloseTo(want.partner * 1000, 0);
    const magnets = body.items.find((i: { hs6: string }) => i.hs6 === '850511');
    const p = want.products.get('850511')!;
    expect(magnets.share).toBeCloseTo(p.partner / p.total, 12);
    const member = await app.inject({
      url: '/api/countries/DEU/supplies?reporter=EU27&year=2023',
      headers: viewer,
    });
    expect(member.statusCode).toBe(400);
    expect(member.json().error.message).toMatch(/DEU is a member of EU27/);
  });

  it('clear errors: unknown partner, year without data', async () => {
    const bad = await app.inject({
      url: '/api/countries/XYZ/supplies?reporter=JPN&year=2024',
      headers: viewer,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.place.field).toBe('iso3');
    const noYear = await app.inject({
      url: '/api/countries/CHN/supplies?reporter=JPN&year=2017',
      headers: viewer,
    });
    expect(noYear.statusCode).toBe(404);
    expect(noYear.json().error.message).toMatch(/has data for 2017 \(.*: 2018–2024\)/);
  });

  it('is hidden (404) from users not cleared for the marked trade dataset', async () => {
    await state.query(
      `INSERT INTO dataset_markings (dataset_id, marking) VALUES ('baci-cm', $1::jsonb)
       ON CONFLICT (dataset_id) DO UPDATE SET marking = EXCLUDED.marking`,
      [JSON.stringify({ level: 2, compartments: [], releasableTo: null })],
    );
    try {
      const hidden = await app.inject({
        url: '/api/countries/CHN/supplies?reporter=JPN&year=2024',
        headers: viewer,
      });
      expect(hidden.statusCode).toBe(404);
      const cleared = (await testSession(app, { role: 'viewer', level: 2 })).headers;
      const seen = await app.inject({
        url: '/api/countries/CHN/supplies?reporter=JPN&year=2024',
        headers: cleared,
      });
      expect(seen.statusCode).toBe(200);
      expect(seen.json().marking.level).toBe(2);
    } finally {
      await state.query(`DELETE FROM dataset_markings WHERE dataset_id = 'baci-cm'`);
    }
  });
});
