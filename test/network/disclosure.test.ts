import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { importSubmission } from '../../src/data/network/importSubmission.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';
import { tempDir } from '../helpers/tmp.ts';
import { companyA, companyB, companyC, csvOf, type Line } from './smallNetwork.ts';

/**
 * Attacks on the aggregate view (issue 24, Checks: "no aggregate, count, sort order or export reveals a cell with
 * fewer than three companies to a reader who is not the ministry"). Worlds that differ only inside cells of one
 * or two companies — a supplier renamed, one company's supply split over more small suppliers, a small region
 * changed — must give a reader outside the ministry byte-identical answers from every analysis route and the
 * export (so no count, order, total or figure depends on a small cell), while the ministry's answers differ
 * (the attack would have had something to find). A total minus the shown cells must not give one company's cell.
 */
const mag = '850511';
const routes = [
  `/api/network/spof?hs=${mag}&minShare=0`,
  `/api/network/spof?hs=${mag}&minShare=0.2`,
  `/api/network/spof/export?hs=${mag}&minShare=0`,
  `/api/network/concentration?hs=${mag}`,
  `/api/network/graph?hs=${mag}`,
  '/api/network/graph',
];

interface World {
  app: App;
  state: StateDb;
  outsider: Record<string, string>;
  ministry: Record<string, string>;
}

async function world(backend: string, companies: Record<string, Line[]>): Promise<World> {
  const state = await openTestState(backend);
  const app = await buildApp({ dataDir: tempDir(), webDir: false, state });
  const ministry = (await testSession(app, { role: 'viewer', level: 1, organisation: 'meti-test' })).headers;
  const outsider = (
    await testSession(app, {
      role: 'viewer',
      level: 1,
      organisation: 'co-x',
      organisationKind: 'company',
      sharingCap: 2,
    })
  ).headers;
  for (const [org, lines] of Object.entries(companies)) {
    await testSession(app, { organisation: org, organisationKind: 'company', sharingCap: 2 });
    await importSubmission(state, {
      organisationId: org,
      content: Buffer.from(csvOf(lines)),
      fileName: `${org}.csv`,
      marking: { level: 1, compartments: [], releasableTo: null },
      submittedBy: 'test',
    });
  }
  return { app, state, outsider, ministry };
}

async function answers(w: World, headers: Record<string, string>): Promise<string[]> {
  const out: string[] = [];
  for (const url of routes) {
    const res = await w.app.inject({ url, headers });
    expect(res.statusCode, url).toBe(200);
    // Entity ids are random per world (they carry nothing): compared as placeholders.
    out.push(res.body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID'));
  }
  return out;
}

describe.each(stateBackends)('no small cell leaks to readers outside the ministry (%s)', (backend) => {
  const opened: World[] = [];
  afterAll(async () => {
    for (const w of opened) {
      await w.app.close();
      await w.state.close();
    }
  });
  const open = async (companies: Record<string, Line[]>) => {
    const w = await world(backend, companies);
    opened.push(w);
    return w;
  };

  it('counts, order, totals, figures and exports do not change with what one or two companies hide', async () => {
    const base = await open({ 'co-a': companyA, 'co-b': companyB, 'co-c': companyC });
    // C's Zeta (one company) split into two suppliers in another region; A's Beta (one company) renamed and
    // its share split over two suppliers. Known supply and the number of companies stay the same.
    const changed = await open({
      'co-a': [
        companyA[0],
        { ref: 'A2', tier: 1, name: 'Theta Alloys', country: 'THA', share: 0.25 },
        { ref: 'A4', tier: 1, name: 'Iota Metal', country: 'IDN', share: 0.15 },
        {
          ref: 'A3',
          tier: 2,
          via: 'A2',
          name: 'Gamma Rare Earth',
          country: 'CHN',
          product: '280530',
          share: 0.8,
        },
      ],
      'co-b': companyB,
      'co-c': [
        companyC[0],
        companyC[1],
        { ref: 'C3', tier: 2, via: 'C1', name: 'Zeta Mining', country: 'AUS', product: '280530', share: 0.3 },
        {
          ref: 'C4',
          tier: 2,
          via: 'C1',
          name: 'Eta Minerals',
          country: 'CAN',
          product: '280530',
          share: 0.5,
        },
      ],
    });
    const seen = await answers(base, base.outsider);
    expect(await answers(changed, changed.outsider)).toEqual(seen);
    // The attack had something to find: the ministry's answers differ, and they name the small cells.
    const ministrySeen = await answers(base, base.ministry);
    expect(await answers(changed, changed.ministry)).not.toEqual(ministrySeen);
    expect(ministrySeen[2]).toContain('Zeta Mining');
    for (const body of seen) {
      for (const name of ['Zeta', 'Beta', 'Epsilon', 'Delta', 'Alpha', 'co-a', 'co-b', 'co-c', 'AUS'])
        expect(body, `${name} in an aggregate answer`).not.toContain(name);
    }
    const spof = JSON.parse(seen[0]) as { rows: { name: string }[]; companies: number };
    expect(spof.rows.map((r) => r.name)).toEqual(['Gamma Rare Earth']);
    expect(spof.companies).toBe(3);
    // Each world is a server of its own: over a minute on a loaded 2-core machine.
  }, 240_000);

  it('a product of fewer than three companies shows nothing, not even its total', async () => {
    const two = await open({ 'co-a': companyA, 'co-b': companyB });
    const res = (
      await two.app.inject({ url: `/api/network/spof?hs=${mag}&minShare=0`, headers: two.outsider })
    ).json();
    expect(res).toMatchObject({ companies: null, known: null, rows: [] });
    const ministry = (
      await two.app.inject({ url: `/api/network/spof?hs=${mag}&minShare=0`, headers: two.ministry })
    ).json();
    expect(ministry.companies).toBe(2);
    const other = (
      await two.app.inject({ url: '/api/network/spof?hs=999999&minShare=0', headers: two.outsider })
    ).json();
    // Same answer as a product nobody reported (apart from the code asked for).
    expect({ ...res, hs: 'x' }).toEqual({ ...other, hs: 'x' });
    // Each world is a server of its own: over a minute on a loaded 2-core machine.
  }, 240_000);

  it('the total minus the shown cells never gives one company’s cell (complementary suppression)', async () => {
    const tier1 = (ref: string, name: string, country: string, share: number): Line => ({
      ref,
      tier: 1,
      name,
      country,
      share,
    });
    const w = await open({
      'co-a': [tier1('1', 'Big One', 'CHN', 0.5), tier1('2', 'Big Two', 'KOR', 0.5)],
      'co-b': [tier1('1', 'Big One', 'CHN', 0.5), tier1('2', 'Big Two', 'KOR', 0.5)],
      'co-c': [tier1('1', 'Big One', 'CHN', 0.5), tier1('2', 'Big Two', 'KOR', 0.5)],
      'co-d': [tier1('1', 'Big One', 'CHN', 0.5), tier1('2', 'Small Only', 'VNM', 0.5)],
    });
    const res = (
      await w.app.inject({ url: `/api/network/spof?hs=${mag}&minShare=0`, headers: w.outsider })
    ).json() as {
      rows: { kind: string; name: string; cut: number; companies: number }[];
      known: number;
    };
    // Without the second suppression Big Two (3 companies, 0.375) would show and 1 − 0.5 − 0.375 = 0.125 would
    // be co-d's Small Only exactly.
    const entities = res.rows.filter((r) => r.kind === 'entity');
    expect(entities.map((r) => r.name)).toEqual(['Big One']);
    const remainder = 1 - entities.reduce((s, r) => s + r.cut, 0);
    expect(remainder).not.toBeCloseTo(0.125, 6);
    const ministry = (
      await w.app.inject({ url: `/api/network/spof?hs=${mag}&minShare=0`, headers: w.ministry })
    ).json() as typeof res;
    expect(ministry.rows.filter((r) => r.kind === 'entity').map((r) => [r.name, r.cut])).toEqual([
      ['Big One', 0.5],
      ['Big Two', 0.375],
      ['Small Only', 0.125],
    ]);
    // Each world is a server of its own: over a minute on a loaded 2-core machine.
  }, 240_000);
});
