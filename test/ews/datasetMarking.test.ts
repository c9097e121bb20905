import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.ts';
import { testSession } from '../helpers/auth.ts';
import { tempDir } from '../helpers/tmp.ts';
import { addItems, createList, listItems } from '../../src/data/ews/ewsState.ts';
import { scanItem } from '../../src/data/ews/itemScan.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { publishChinaGraphite } from '../helpers/chinaExports.ts';

/**
 * Issue 18, item 5: EWS items and alerts kept marking 0 after their monthly dataset was marked (the item page
 * 404ed while the inbox showed the values). Items and alerts follow their dataset's current marking: a reader who
 * may not read the dataset sees neither, in lists, counts or pages; one who may sees them marked with it.
 * Real data: China's graphite exports to Dec 2023, whose scan raises alerts (test/ews/apiPages.test.ts).
 */
describe.each(stateBackends)('EWS items and alerts follow their dataset marking on %s', (backend) => {
  let app: App;
  let state: StateDb;
  let low: Record<string, string>;
  let cleared: Record<string, string>;
  let graphite: string;
  let alertsBefore: number;

  beforeAll(async () => {
    state = await openTestState(backend);
    app = await buildApp({ dataDir: tempDir(), webDir: false, state });
    const s = app.services;
    await publishChinaGraphite(s);
    const list = await createList(s.state, { kind: 'user', name: { ja: '監視', en: 'watch' } });
    await addItems(
      s.state,
      list,
      [{ reporter: 'CHN', hs: '2504', flow: 'export', grade: 'A', dataset: 'cn-graphite' }],
      new Date(),
    );
    const [item] = await listItems(s.state, { listId: list });
    graphite = item!.id;
    await scanItem(s, item!);
    low = (await testSession(app, { role: 'analyst', level: 1 })).headers;
    cleared = (await testSession(app, { role: 'analyst', level: 2 })).headers;
    alertsBefore = (await app.inject({ url: '/api/ews/alerts?pageSize=500', headers: low })).json().total;
    const admin = (await testSession(app, { role: 'administrator', level: 3 })).headers;
    const marked = await app.inject({
      method: 'PUT',
      url: '/api/datasets/cn-graphite/marking',
      headers: admin,
      payload: { marking: { level: 2, compartments: [], releasableTo: null } },
    });
    expect(marked.statusCode).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await state?.close();
  });

  it('the scan raised alerts that a level-1 reader saw while the dataset was public', () => {
    expect(alertsBefore).toBeGreaterThan(0);
  });

  it('a level-1 reader no longer sees the item or its alerts, in lists, counts and pages', async () => {
    const items = (await app.inject({ url: '/api/ews/items', headers: low })).json();
    expect(JSON.stringify(items)).not.toContain(graphite);
    const alerts = (await app.inject({ url: '/api/ews/alerts?pageSize=500', headers: low })).json();
    expect(alerts.total).toBe(0);
    expect(alerts.items).toEqual([]);
    const page = await app.inject({ url: `/api/ews/items/${graphite}`, headers: low });
    const missing = await app.inject({
      url: '/api/ews/items/00000000-0000-0000-0000-000000000000',
      headers: low,
    });
    expect(page.statusCode).toBe(404);
    expect(page.body).toBe(missing.body);
  });

  it('a level-2 reader sees the same alerts as before, each marked with the dataset', async () => {
    const alerts = (await app.inject({ url: '/api/ews/alerts?pageSize=500', headers: cleared })).json();
    expect(alerts.total).toBe(alertsBefore);
    for (const a of alerts.items) expect(a.marking.level).toBeGreaterThanOrEqual(2);
    const page = await app.inject({ url: `/api/ews/alerts/${alerts.items[0].id}`, headers: low });
    expect(page.statusCode).toBe(404);
    const items = (await app.inject({ url: '/api/ews/items', headers: cleared })).json();
    expect(JSON.stringify(items)).toContain(graphite);
  });
});
