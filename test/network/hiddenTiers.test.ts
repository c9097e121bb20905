import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { countryByBaciCode } from '../../src/data/reference/countries.ts';
import { importSubmission } from '../../src/data/network/importSubmission.ts';
import { testSession } from '../helpers/auth.ts';
import { tempDir } from '../helpers/tmp.ts';
import { baciCriticalMineralsCsv, importSharedTrade } from '../helpers/sharedTrade.ts';
import { csvOf, type Line } from './smallNetwork.ts';

/**
 * Hidden tiers estimated from the real BACI extract (HS17 V202601): three companies buy motors (850152) from
 * tier-1 suppliers and report magnets (850511) and some 811292 at tier 2. Input mix by hand: magnets 2.5 / 3,
 * 811292 0.5 / 3 (one company). The estimate for a tier-1 in Viet Nam is the mix × Viet Nam's 2023 imports of
 * each input by partner, recomputed here from the CSV itself. Outside the ministry the one-company input is left
 * out.
 */
const motors = (lines: Line[]) => csvOf(lines.map((l) => ({ ...l, product: l.product ?? '850152' })));

function vietnamImportShares(hs6: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of fs.readFileSync(baciCriticalMineralsCsv, 'utf8').split('\n').slice(1)) {
    const [t, i, j, k, v] = line.split(',');
    if (t === '2023' && j === '704' && k === hs6) {
      const iso = countryByBaciCode(Number(i))!.iso3;
      values.set(iso, (values.get(iso) ?? 0) + Number(v));
    }
  }
  const total = [...values.values()].reduce((s, v) => s + v, 0);
  return new Map([...values].map(([c, v]) => [c, v / total]));
}

describe('hidden tiers from real trade data', () => {
  let app: App;
  let ministry: Record<string, string>;
  let company: Record<string, string>;
  beforeAll(async () => {
    const dir = tempDir();
    await importSharedTrade(new DataDir(dir).ensure());
    app = await buildApp({ dataDir: dir, webDir: false });
    ministry = (await testSession(app, { role: 'viewer', level: 1, organisation: 'meti-test' })).headers;
    company = (
      await testSession(app, {
        role: 'viewer',
        level: 1,
        organisation: 'co-x',
        organisationKind: 'company',
        sharingCap: 2,
      })
    ).headers;
    const lines: Record<string, Line[]> = {
      'co-a': [
        { ref: '1', tier: 1, name: 'Motor Viet', country: 'VNM', share: 1 },
        { ref: '2', tier: 2, via: '1', name: 'Magnet A', country: 'CHN', product: '850511', share: 1 },
      ],
      'co-b': [
        { ref: '1', tier: 1, name: 'Motor Thai', country: 'THA', share: 1 },
        { ref: '2', tier: 2, via: '1', name: 'Magnet B', country: 'JPN', product: '850511', share: 0.5 },
        { ref: '3', tier: 2, via: '1', name: 'Rare Metal X', country: 'CHN', product: '811292', share: 0.5 },
      ],
      'co-c': [
        { ref: '1', tier: 1, name: 'Motor Viet Two', country: 'VNM', share: 1 },
        { ref: '2', tier: 2, via: '1', name: 'Magnet C', country: 'CHN', product: '850511', share: 1 },
      ],
    };
    for (const [org, l] of Object.entries(lines)) {
      await testSession(app, { organisation: org, organisationKind: 'company', sharingCap: 2 });
      await importSubmission(app.services.state, {
        organisationId: org,
        content: Buffer.from(motors(l)),
        fileName: `${org}.csv`,
        marking: { level: 1, compartments: [], releasableTo: null },
        submittedBy: 'test',
      });
    }
  }, 120_000);
  afterAll(async () => app?.close());

  it("the ministry's estimate is the reported input mix × Viet Nam's imports of each input", async () => {
    const res = await app.inject({
      url: '/api/network/hidden-tiers?hs=850152&country=VNM&year=2023',
      headers: ministry,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.estimate).toBe(true);
    expect(body.inputs).toEqual([
      { hs6: '850511', weight: expect.closeTo(2.5 / 3, 12), companies: 3, withTrade: true },
      { hs6: '811292', weight: expect.closeTo(0.5 / 3, 12), companies: 1, withTrade: true },
    ]);
    const magnets = vietnamImportShares('850511');
    const metal = vietnamImportShares('811292');
    const expected = (c: string) => (2.5 / 3) * (magnets.get(c) ?? 0) + (0.5 / 3) * (metal.get(c) ?? 0);
    expect(body.countries[0].country).toBe('CHN');
    for (const c of body.countries.slice(0, 5)) expect(c.share).toBeCloseTo(expected(c.country), 9);
    expect(body.basis.en).toMatch(/^Estimate: /);
    expect(body.basis.ja).toMatch(/^推計: /);
  });

  it('outside the ministry only inputs reported by three companies shape the estimate', async () => {
    const body = (
      await app.inject({ url: '/api/network/hidden-tiers?hs=850152&country=VNM&year=2023', headers: company })
    ).json();
    expect(body.view).toBe('aggregate');
    expect(body.inputs.map((i: { hs6: string }) => i.hs6)).toEqual(['850511']);
    const magnets = vietnamImportShares('850511');
    for (const c of body.countries.slice(0, 5)) expect(c.share).toBeCloseTo(magnets.get(c.country) ?? 0, 9);
  });
});
