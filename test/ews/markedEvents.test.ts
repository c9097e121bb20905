import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import type { Marking } from '../../src/analysis/marking.ts';
import { addItems, createList, type AlertRecord } from '../../src/data/ews/ewsState.ts';
import { addTarget } from '../../src/data/ews/notify.ts';
import { scanItem } from '../../src/data/ews/itemScan.ts';
import { EwsScheduler, type TickReport } from '../../src/data/ews/scheduler.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import { testSession } from '../helpers/auth.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { independentZ } from './independentZ.ts';
import { webhookSink } from './webhookSink.ts';
import { publishChinaExports } from '../helpers/chinaExports.ts';

/**
 * Scheduled scans and marked recorded events (docs/ews.md, "Markings of stored alerts"), on China's monthly
 * polysilicon exports by partner (Comtrade-derived) as they stood at the end of March 2023. No shipped event
 * concerns polysilicon. A cleared analyst records a confidential (秘, compartment minerals) event: a licensing
 * requirement on polysilicon exports effective 1 Jan 2023 — hypothetical, for the test. With it, March 2023
 * (two months after) becomes a collapse after a control for Japan and Taiwan. A second, more restricted event
 * (level 3, batteries) from 2021 concerns the same product but no longer covers March 2023: it must not mark the
 * alerts.
 */
const csv = path.join(sharedData, 'monthly/china-critical-minerals/country_monthly_stats.csv');
const secret: Marking = { level: 2, compartments: ['minerals'], releasableTo: null };

/** Independent reading of the CSV: partner name → month → value, polysilicon up to March 2023. */
function polysilicon(): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const line of fs.readFileSync(csv, 'utf8').trim().split('\n').slice(1)) {
    const f = line.split(',');
    if (f[5] !== 'Polysilicon' || f[0].slice(0, 7) > '2023-03') continue;
    if (!out.has(f[6])) out.set(f[6], new Map());
    out.get(f[6])!.set(f[0].slice(0, 7), Number(f[1]));
  }
  return out;
}
const months: string[] = [];
for (let y = 2017; y <= 2023; y++)
  for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
const march = months.indexOf('2023-03');
months.length = march + 1;

describe.each(stateBackends)('EWS alerts and marked events on %s', (backend) => {
  let state: StateDb;
  let app: App;
  let hook: Awaited<ReturnType<typeof webhookSink>>;
  let openHook: Awaited<ReturnType<typeof webhookSink>>;
  let report: TickReport;
  let now = new Date('2023-04-05T09:00:00Z');
  const sessions: Record<string, Record<string, string>> = {};
  const raw = polysilicon();
  const series = (name: string) => months.map((m) => raw.get(name)?.get(m) ?? 0);

  beforeAll(async () => {
    process.env.CHOKEPOINT_EWS_INTERVAL_SECONDS = '0'; // this test ticks the scheduler itself
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    const s = app.services;
    await publishChinaExports(s, {
      id: 'cn-polysilicon',
      title: 'China polysilicon exports to Mar 2023',
      until: '2023-03',
      groups: { Polysilicon: '280461' },
      only: true,
    });
    const list = await createList(state, { kind: 'user', name: { ja: '多結晶シリコン', en: 'polysilicon' } });
    await addItems(
      state,
      list,
      [{ reporter: 'CHN', hs: '280461', flow: 'export', grade: 'A', dataset: 'cn-polysilicon' }],
      now,
    );
    sessions.uncleared = (await testSession(app, { role: 'analyst', level: 0 })).headers;
    sessions.noCompartment = (await testSession(app, { role: 'analyst', level: 2 })).headers;
    sessions.cleared = (
      await testSession(app, { role: 'analyst', level: 2, compartments: ['minerals'] })
    ).headers;
    sessions.topSecret = (
      await testSession(app, { role: 'analyst', level: 3, compartments: ['batteries', 'minerals'] })
    ).headers;
    const recorded = await app.inject({
      method: 'POST',
      url: '/api/ews/events',
      headers: sessions.cleared,
      payload: {
        country: 'CHN',
        hs: ['280461'],
        announced: '2022-12-01',
        effective: '2023-01-01',
        title: { ja: '多結晶シリコン輸出許可制（仮定）', en: 'Polysilicon export licensing (hypothetical)' },
        source: 'test: confidential report (hypothetical)',
        marking: secret,
      },
    });
    expect(recorded.statusCode).toBe(200);
    // A more restricted event on the same product whose windows end long before March 2023 (announced Apr 2021,
    // in force Jun 2021, aftermath to Jun 2022): it concerns the series but cannot change a March 2023 alert, so
    // its marking must not pass to one.
    const older = await app.inject({
      method: 'POST',
      url: '/api/ews/events',
      headers: sessions.topSecret,
      payload: {
        country: 'CHN',
        hs: ['2804'],
        announced: '2021-04-01',
        effective: '2021-06-01',
        title: { ja: '過去の措置（仮定）', en: 'an earlier measure (hypothetical)' },
        source: 'test (hypothetical)',
        marking: { level: 3, compartments: ['batteries'], releasableTo: null },
      },
    });
    expect(older.statusCode).toBe(200);
    hook = await webhookSink();
    openHook = await webhookSink();
    await addTarget(state, { kind: 'webhook', address: hook.url, minLevel: 1, marking: secret });
    await addTarget(state, {
      kind: 'webhook',
      address: openHook.url,
      minLevel: 1,
      marking: { level: 0, compartments: [], releasableTo: null },
    });
    const scheduler = new EwsScheduler({ state, clock: () => now, scan: (item) => scanItem(s, item) });
    report = await scheduler.tick();
    // A week later the item is due again: nothing is stored twice.
    now = new Date('2023-04-12T09:00:00Z');
    const again = await scheduler.tick();
    expect(again.scanned.map((x) => x.alerts)).toEqual([0]);
  });
  afterAll(async () => {
    await hook.close();
    await openHook.close();
    await app.close();
    await state.close();
  });

  const stored = async () =>
    (
      await state.query<{ id: string }>(
        "SELECT id FROM ews_alerts WHERE hs = '280461' ORDER BY partner, event_basis",
      )
    ).map((r) => r.id);
  const byId = async (id: string, who: string) =>
    app.inject({ url: `/api/ews/alerts/${id}`, headers: sessions[who] });
  const inbox = async (who: string, query = '') => {
    const res = await app.inject({ url: `/api/ews/alerts?hs=280461${query}`, headers: sessions[who] });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: (AlertRecord & { levelName: { en: string } })[]; total: number };
  };

  it('independently of the code: Japan falls beyond −3 σ and took > 10 % of the flow, Taiwan falls only −1.5 … −3 σ', () => {
    const zJapan = independentZ(series('Japan'), march);
    const zTaiwan = independentZ(series('Taiwan'), march);
    expect(zJapan).toBeLessThan(-3); // value-collapse (1) on public data; severe collapse (4) after a control
    expect(zTaiwan).toBeGreaterThan(-3); // no value rule fires on public data …
    expect(zTaiwan).toBeLessThanOrEqual(-1.5); // … but a collapse after a control (3) does
    // Baseline share: the 12 months before the last quarter (Jan … Dec 2022 for March 2023).
    const sum = (name: string) =>
      series(name)
        .slice(march - 14, march - 2)
        .reduce((a, b) => a + b, 0);
    const total = [...raw.keys()].reduce((a, p) => a + sum(p), 0);
    expect(sum('Japan') / total).toBeGreaterThan(0.1);
    expect(sum('Taiwan') / total).toBeGreaterThan(0.02);
  });

  it('the scan stores the public alerts under the series’ marking and, beside them, the alerts the marked event changed, marked 秘/minerals', async () => {
    expect(report.scanned).toEqual([{ item: expect.any(String), alerts: 5, note: undefined }]);
    const rows = await state.query<{
      id: string;
      partner: string;
      level: number;
      event_basis: string;
      supersedes: string | null;
      marking: unknown;
      rules: { id: string }[];
      indicators: { name: string; value: number | null }[];
    }>("SELECT * FROM ews_alerts WHERE hs = '280461' ORDER BY partner, event_basis");
    const brief = rows.map((r) => [r.partner, r.event_basis, r.level, r.marking]);
    const open = { level: 0, compartments: [], releasableTo: null };
    expect(brief).toEqual([
      ['JPN', 'base', 1, open],
      ['JPN', 'marked', 4, secret],
      ['KOR', 'base', 2, open], // share drop and diversion: no event indicator, so no marked twin
      ['TWN', 'marked', 3, secret], // absent without the marked event
      ['WLD', 'base', 1, open], // the world total: more tonnes at a lower unit value (overcapacity rule)
    ]);
    const [jpnBase, jpnMarked, , twn, world] = rows;
    expect(world.rules.map((r) => r.id)).toEqual(['volume-surge-falling-unit-value']);
    expect(jpnBase.rules.map((r) => r.id)).toEqual(['value-collapse']);
    expect(jpnMarked.supersedes).toBe(jpnBase.id);
    expect(twn.supersedes).toBeNull();
    expect(jpnMarked.rules.map((r) => r.id)).toContain('collapse-after-control-severe');
    // Two months after the (hypothetical) control took effect on 1 Jan 2023.
    expect(jpnMarked.indicators.find((i) => i.name === 'eventAge')!.value).toBe(2);
    expect(twn.indicators.find((i) => i.name === 'eventAge')!.value).toBe(2);
    const z = independentZ(series('Japan'), march);
    expect(jpnBase.indicators.find((i) => i.name === 'valueZ')!.value).toBeCloseTo(z, 9);
  });

  it.each(['uncleared', 'noCompartment'])(
    'a reader not cleared for 秘/minerals (%s) sees only the public alerts, in lists, counts and reads',
    async (who) => {
      const all = await inbox(who);
      expect(all.items.map((a) => [a.partner, a.level, a.eventBasis])).toEqual([
        ['KOR', 2, 'base'],
        ['JPN', 1, 'base'],
        ['WLD', 1, 'base'],
      ]);
      expect(all.total).toBe(3);
      expect((await inbox(who, '&minLevel=3')).total).toBe(0);
      expect((await inbox(who, '&level=4')).total).toBe(0);
      expect((await inbox(who, '&partner=TWN')).total).toBe(0);
      const missing = await byId('no-such-alert', who);
      const ids = await stored();
      for (const id of [ids[1], ids[3]]) {
        const res = await byId(id, who);
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual(missing.json());
      }
      expect(JSON.stringify(all)).not.toContain('eventAge');
    },
  );

  it('a cleared reader sees the alerts that use the marked event, in place of the public alert they supersede', async () => {
    const all = await inbox('cleared');
    expect(all.items.map((a) => [a.partner, a.level, a.levelName.en, a.eventBasis])).toEqual([
      ['JPN', 4, 'severe', 'marked'],
      ['TWN', 3, 'alert', 'marked'],
      ['KOR', 2, 'caution', 'base'],
      ['WLD', 1, 'attention', 'base'],
    ]);
    expect(all.total).toBe(4);
    expect((await inbox('cleared', '&minLevel=3')).total).toBe(2);
    expect(all.items[0].marking).toEqual(secret);
    expect(all.items[0].explanation.en).toContain('months since a recorded measure took effect 2');
    // The superseded public alert is still there when asked for by id (its lifecycle is its own).
    const ids = await stored();
    expect((await byId(ids[0], 'cleared')).statusCode).toBe(200);
    expect((await byId(ids[1], 'cleared')).json().alert).toMatchObject({ level: 4, supersedes: ids[0] });
  });

  it('notifications: a public target gets the public alerts, a 秘/minerals target the marked ones instead of those they supersede', () => {
    const got = (h: typeof hook) =>
      h.bodies.flatMap((b) => b.alerts.map((a) => `${a.partner} ${a.level}`)).sort();
    expect(got(openHook)).toEqual(['JPN 1', 'KOR 2', 'WLD 1']);
    expect(got(hook)).toEqual(['JPN 4', 'KOR 2', 'TWN 3', 'WLD 1']);
  });

  it('feedback: the cleared analyst’s verdict on a marked alert counts in precision for readers cleared for it only', async () => {
    const ids = await stored();
    const resolve = async (id: string, who: string, feedback: string, reason?: string) =>
      app.inject({
        method: 'POST',
        url: `/api/ews/alerts/${id}/actions`,
        headers: sessions[who],
        payload: { action: 'resolve', feedback, ...(reason ? { reason } : {}) },
      });
    expect((await resolve(ids[1], 'uncleared', 'true_alarm')).statusCode).toBe(404);
    expect((await resolve(ids[1], 'cleared', 'true_alarm')).statusCode).toBe(200);
    // The uncleared analyst judges the public alert of the same month on what they can see.
    expect(
      (await resolve(ids[0], 'uncleared', 'false_alarm', 'seasonal low in the public series')).statusCode,
    ).toBe(200);
    const precision = async (who: string) =>
      Object.fromEntries(
        (
          (await app.inject({ url: '/api/ews/precision', headers: sessions[who] })).json() as {
            items: { rule: string; trueAlarms: number; falseAlarms: number }[];
          }
        ).items.map((r) => [r.rule, [r.trueAlarms, r.falseAlarms]]),
      );
    expect(await precision('uncleared')).toEqual({ 'value-collapse': [0, 1] });
    // The cleared reader sees the marked alert in place of the public one, so counts its verdict only.
    expect(await precision('cleared')).toEqual({
      'value-collapse': [1, 0],
      'collapse-after-control': [1, 0],
      'collapse-after-control-severe': [1, 0],
    });
    expect((await inbox('uncleared', '&status=resolved')).total).toBe(1);
    expect((await inbox('cleared', '&status=resolved')).total).toBe(1);
  });
});
