import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { testSession } from '../helpers/auth.ts';
import { tempDir } from '../helpers/tmp.ts';
import { addItems, createList, listItems, recordAlerts } from '../../src/data/ews/ewsState.ts';
import { scanItem } from '../../src/data/ews/itemScan.ts';
import type { Alert } from '../../src/analysis/ews/rules.ts';
import { publishChinaExports } from '../helpers/chinaExports.ts';

/** The early-warning API on China's Ga/Ge exports up to Aug 2023 (the month the control took effect). */
describe('EWS API', () => {
  let app: App;
  let analyst: Record<string, string>;
  let viewer: Record<string, string>;
  let cleared: Record<string, string>;
  let itemId: string;
  let hiddenId: string;

  beforeAll(async () => {
    const root = tempDir();
    app = await buildApp({ dataDir: root, webDir: false });
    const s = app.services;
    await publishChinaExports(s, {
      id: 'cn-minerals',
      title: 'China critical-mineral exports',
      until: '2023-08',
      groups: { 'Gallium/Germanium': '811292' },
    });
    const list = await createList(s.state, { kind: 'user', name: { ja: '監視', en: 'watch' } });
    await addItems(
      s.state,
      list,
      [{ reporter: 'CHN', partner: 'JPN', hs: '811292', flow: 'export', grade: 'A', dataset: 'cn-minerals' }],
      new Date(),
    );
    const item = (await listItems(s.state, { listId: list }))[0];
    itemId = item.id;
    const { stored } = await scanItem(s, item);
    expect(stored.length).toBe(1);
    const secret: Alert = {
      ...({} as Alert),
      period: '2023-08',
      reporter: 'CHN',
      partner: 'KOR',
      hs: '811292',
      flow: 'export',
      level: 2,
      levelName: 'caution',
      levelNameJa: '注意',
      rules: [{ id: 'value-collapse', level: 1, label: { ja: 'x', en: 'x' } }],
      indicators: [],
      value: 0,
      expected: 0,
      events: [],
      explanation: { ja: '秘', en: 'secret' },
    };
    hiddenId = (
      await recordAlerts(s.state, [secret], {
        ruleSet: 'default',
        marking: { level: 2, compartments: [], releasableTo: null },
      })
    )[0].id;
    analyst = (await testSession(app, { role: 'analyst' })).headers;
    viewer = (await testSession(app, { role: 'viewer' })).headers;
    cleared = (await testSession(app, { role: 'analyst', level: 2 })).headers;
  });
  afterAll(async () => app.close());

  it('needs a session', async () => {
    expect((await app.inject({ url: '/api/ews/alerts' })).statusCode).toBe(401);
  });

  it('the inbox lists and counts only the alerts the reader may see; a hidden alert is not found', async () => {
    const mine = (await app.inject({ url: '/api/ews/alerts?hs=811292', headers: analyst })).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({
      partner: 'JPN',
      period: '2023-08',
      level: 3,
      levelName: { ja: '警戒', en: 'alert' },
    });
    expect((await app.inject({ url: '/api/ews/alerts?hs=811292', headers: cleared })).json().total).toBe(2);
    expect((await app.inject({ url: `/api/ews/alerts/${hiddenId}`, headers: analyst })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/ews/alerts/${hiddenId}`, headers: cleared })).statusCode).toBe(200);
    const act = await app.inject({
      method: 'POST',
      url: `/api/ews/alerts/${hiddenId}/actions`,
      headers: analyst,
      payload: { action: 'acknowledge' },
    });
    expect(act.statusCode).toBe(404);
  });

  it('lifecycle actions: viewers may not act; analysts acknowledge, assign and resolve with feedback', async () => {
    const id = (await app.inject({ url: '/api/ews/alerts?partner=JPN', headers: analyst })).json().items[0]
      .id;
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/ews/alerts/${id}/actions`,
          headers: viewer,
          payload: { action: 'acknowledge' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/ews/alerts/${id}/actions`,
          headers: analyst,
          payload: { action: 'acknowledge' },
        })
      ).json().status,
    ).toBe('acknowledged');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/ews/alerts/${id}/actions`,
          headers: analyst,
          payload: { action: 'assign', assignee: 'minerals desk' },
        })
      ).json(),
    ).toMatchObject({ status: 'assigned', assignee: 'minerals desk' });
    const bad = await app.inject({
      method: 'POST',
      url: `/api/ews/alerts/${id}/actions`,
      headers: analyst,
      payload: { action: 'resolve', feedback: 'false_alarm' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.place.field).toBe('reason');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/ews/alerts/${id}/actions`,
          headers: analyst,
          payload: { action: 'resolve', feedback: 'true_alarm' },
        })
      ).json().status,
    ).toBe('resolved');
    const history = (await app.inject({ url: `/api/ews/alerts/${id}`, headers: analyst }))
      .json()
      .history.map((h: { action: string }) => h.action);
    expect(history).toEqual(['raised', 'acknowledge', 'assign', 'resolve']);
    const precision = (await app.inject({ url: '/api/ews/precision', headers: analyst })).json().items;
    expect(precision.find((p: { rule: string }) => p.rule === 'collapse-after-control')).toMatchObject({
      trueAlarms: 1,
      falseAlarms: 0,
      precision: 1,
    });
  });

  it('an item page gives the series, its seasonal baseline and the thresholds, consistent with the alert', async () => {
    const page = (await app.inject({ url: `/api/ews/items/${itemId}`, headers: analyst })).json();
    const { periods, value, thresholds, valueZ } = page.series;
    expect(periods[0]).toBe('2017-01');
    expect(periods.at(-1)).toBe('2023-08');
    expect(page.provenance.dataset).toBe('cn-minerals');
    const t = periods.indexOf('2023-08');
    const collapse = thresholds.find(
      (x: { rule: string; z: number }) => x.rule === 'value-collapse' && x.z === -3,
    );
    // The alert fired on z ≤ −3, so the value sits under the −3 line and z agrees.
    expect(valueZ[t]).toBeLessThan(-3);
    expect(value[t]).toBeLessThan(collapse.values[t]);
    expect(value.length).toBe(periods.length);
  });

  it('rule sets are validated with the field named; a backtest reports per rule', async () => {
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/ews/rule-sets/mine',
      headers: analyst,
      payload: {
        body: { rules: [{ id: 'x', level: 5, when: [{ indicator: 'valueZ', op: '<=', threshold: -3 }] }] },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.place.field).toBe('rules[0].level');
    const ok = await app.inject({
      method: 'PUT',
      url: '/api/ews/rule-sets/mine',
      headers: analyst,
      payload: {
        body: { rules: [{ id: 'x', level: 2, when: [{ indicator: 'valueZ', op: '<=', threshold: -2 }] }] },
      },
    });
    expect(ok.statusCode).toBe(200);
    const sets = (await app.inject({ url: '/api/ews/rule-sets', headers: viewer })).json();
    expect(sets.items.map((r: { id: string }) => r.id)).toEqual(['default', 'mine']);
    // The validated form is stored and sent: the parameters the body left out carry their defaults.
    const mine = sets.items[1].body;
    expect(mine.parameters.minPartnerShare).toBe(0.02);
    expect(mine.rules[0]).toMatchObject({
      id: 'x',
      level: 2,
      when: [{ indicator: 'valueZ', threshold: -2 }],
    });
    // A body stored before a parameter existed is sent validated again, with the parameter's default.
    await app.services.state.query(
      `UPDATE ews_rule_sets SET body = body #- '{parameters,minPartnerShare}' WHERE id = 'mine'`,
    );
    const older = (await app.inject({ url: '/api/ews/rule-sets', headers: viewer })).json();
    expect(older.items[1].body.parameters.minPartnerShare).toBe(0.02);
    const bt = (
      await app.inject({
        method: 'POST',
        url: '/api/ews/backtest',
        headers: analyst,
        payload: { dataset: 'cn-minerals', hs: '811292' },
      })
    ).json();
    const rule = bt.report.rules.find((r: { rule: string }) => r.rule === 'collapse-after-control');
    expect(rule.alerts).toBeGreaterThan(0);
    expect(rule.when[0].period).toBe('2023-08');
    expect(bt.provenance.dataset).toBe('cn-minerals');
    // Scored against the recorded controls of Ga/Ge: the event rule is precise with the events, silent without.
    expect(rule.score.withEvents).toMatchObject({ alerts: rule.alerts, precision: 1 });
    expect(rule.score.statisticsOnly).toMatchObject({ alerts: 0, precision: null, recall: 0 });
    expect(bt.report.score.events).toContain('cn-2023-gallium-germanium');
    expect(bt.report.score.withEvents.alerts).toBe(bt.report.alerts);
    // The events only add alerts: what the statistics detect stays detected.
    expect(bt.report.score.withEvents.detected).toBeGreaterThanOrEqual(
      bt.report.score.statisticsOnly.detected,
    );
    // A quiet period before the data has no series-year: the rate is null (not NaN, which JSON cannot carry).
    const early = await app.inject({
      method: 'POST',
      url: '/api/ews/backtest',
      headers: analyst,
      payload: { dataset: 'cn-minerals', hs: '811292', quietFrom: '1990-01', quietTo: '1990-12' },
    });
    expect(early.statusCode).toBe(200);
    expect(early.json().report.quiet).toMatchObject({ seriesYears: 0, alerts: 0, alertsPerSeriesYear: null });
  });
});
