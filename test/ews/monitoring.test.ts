import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { webhookSink } from './webhookSink.ts';
import { openTestState, stateBackends } from '../helpers/stateDbs.ts';
import type { StateDb } from '../../src/data/state/db.ts';
import { DataDir } from '../../src/data/catalog/dataDir.ts';
import { Catalog } from '../../src/data/catalog/catalog.ts';
import { openDuckDb, type DuckDbStore } from '../../src/data/analytics/duckdb.ts';
import { importMonthlyCsv, parseColumnMap } from '../../src/data/importers/monthlyCsv.ts';
import {
  addItems,
  createList,
  generatedList,
  getAlert,
  listAlerts,
  listItems,
  recordAlerts,
  rulePrecision,
  transitionAlert,
  alertHistory,
} from '../../src/data/ews/ewsState.ts';
import { addTarget } from '../../src/data/ews/notify.ts';
import { ensureCriticalGoodsList } from '../../src/data/ews/criticalGoodsList.ts';
import { scanItem } from '../../src/data/ews/itemScan.ts';
import { EwsScheduler } from '../../src/data/ews/scheduler.ts';
import { criticalGoodsDefaults } from '../../src/data/reference/criticalGoods.ts';
import { buildPanel } from '../../src/analysis/ews/panel.ts';
import { majoritySuppliers } from '../../src/analysis/ews/majoritySupplier.ts';
import type { Alert } from '../../src/analysis/ews/rules.ts';
import { publishChinaExports } from '../helpers/chinaExports.ts';

/** A local SMTP sink: accepts one conversation at a time and keeps each message's DATA. */
function smtpSink(): Promise<{ port: number; messages: string[]; close: () => Promise<void> }> {
  const messages: string[] = [];
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    let inData = false;
    let data = '';
    let buffer = '';
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push(data);
            data = '';
            socket.write('250 queued\r\n');
          } else data += `${line}\r\n`;
        } else if (/^EHLO/i.test(line)) socket.write('250-sink\r\n250 8BITMIME\r\n');
        else if (/^(MAIL|RCPT)/i.test(line)) socket.write('250 ok\r\n');
        else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('500 what\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        messages,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

const minerals = path.join(sharedData, 'monthly/china-critical-minerals/country_monthly_stats.csv');

describe.each(stateBackends)('EWS monitoring on %s', (backend) => {
  let db: StateDb;
  let analytics: DuckDbStore;
  let dataDir: DataDir;
  let catalog: Catalog;
  let smtp: Awaited<ReturnType<typeof smtpSink>>;
  let hook: Awaited<ReturnType<typeof webhookSink>>;

  beforeAll(async () => {
    db = await openTestState(backend);
    analytics = await openDuckDb();
    dataDir = new DataDir(tempDir()).ensure();
    catalog = new Catalog(dataDir);
    smtp = await smtpSink();
    hook = await webhookSink();
    // The data as it stood at the end of August 2023: China's exports by partner up to that month.
    await publishChinaExports(
      { dataDir, catalog, analytics },
      {
        id: 'cn-minerals',
        title: 'China critical-mineral exports to Aug 2023',
        until: '2023-08',
        groups: { 'Gallium/Germanium': '811292' },
      },
    );
  });

  afterAll(async () => {
    await smtp.close();
    await hook.close();
    await analytics.close();
    await db.close();
  });

  it('the default list holds every HS code of the 12 specified critical goods once, graded by the best fit', async () => {
    const id = await ensureCriticalGoodsList(db, new Date('2023-09-01T00:00:00Z'));
    const items = await listItems(db, { listId: id });
    // One item per code: 282200 is an input of batteries and an approximate code of critical minerals (grade B).
    const codes = criticalGoodsDefaults.flatMap((g) => g.hs.map((h) => h.hs6));
    expect(items.length).toBe(new Set(codes).size);
    expect(items.filter((i) => i.hs === '282200').map((i) => i.grade)).toEqual(['B']);
    const exact = criticalGoodsDefaults.flatMap((g) =>
      g.hs.filter((h) => h.match === 'exact').map((h) => h.hs6),
    );
    expect(
      items
        .filter((i) => i.grade === 'A')
        .map((i) => i.hs)
        .sort(),
    ).toEqual([...new Set(exact)].sort());
    expect(items.find((i) => i.grade === 'A')!.cadence).toBe('weekly');
    expect(await ensureCriticalGoodsList(db, new Date())).toBe(id);
  });

  it('a generated list: every product with one supplier above 50 % (hand-checked on the data)', async () => {
    const imported = importMonthlyCsv(minerals, {
      map: parseColumnMap('period=period_dt,partner=partner_name,hs=broad_group,value=val,quantity=qty'),
      reporter: 'CHN',
      flow: 'export',
      unit: 'kg',
    });
    const panel = buildPanel(imported.rows);
    const found = majoritySuppliers(panel, 0.5);
    // By hand from the CSV: South Korea takes most of China's Ga/Ge-group exports in 2024.
    const lines = fs
      .readFileSync(minerals, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const in2024 = lines.filter((f) => f[0].startsWith('2024') && f[5] === 'Gallium/Germanium');
    const kor = in2024.filter((f) => f[6] === 'South Korea').reduce((a, f) => a + Number(f[1]), 0);
    const all = in2024.reduce((a, f) => a + Number(f[1]), 0);
    const gage = found.find((f) => f.hs === 'Gallium/Germanium')!;
    expect(gage.partner).toBe('KOR');
    expect(gage.share).toBeCloseTo(kor / all, 12);
    const name = { ja: '単一国依存50%超', en: 'One supplier above 50 %' };
    const first = await generatedList(db, name, found, 'cn-minerals', new Date());
    expect(first).toMatchObject({ added: found.length, removed: 0, kept: 0 });
    const items = await listItems(db, { listId: first.id });
    expect(items.length).toBe(found.length);
    // Generating again refreshes the same list (no twin): a product no longer above the share is dropped, the
    // others keep their items (and scan schedule).
    const lists = async () =>
      (await db.query<{ n: string }>("SELECT count(*) AS n FROM ews_lists WHERE kind = 'generated'"))[0].n;
    const before = await lists();
    const again = await generatedList(db, name, found.slice(1), 'cn-minerals', new Date());
    expect(again).toEqual({ id: first.id, added: 0, removed: 1, kept: found.length - 1 });
    expect(await lists()).toBe(before);
    const after = await listItems(db, { listId: first.id });
    expect(after.map((i) => i.id).sort()).toEqual(
      items
        .filter((i) => i.hs !== found[0].hs)
        .map((i) => i.id)
        .sort(),
    );
  });

  it('the scheduler scans due items at their cadence, stores alerts once and notifies by webhook and e-mail', async () => {
    let now = new Date('2023-09-05T09:00:00Z');
    const list = await createList(db, { kind: 'user', name: { ja: '監視', en: 'watch' } });
    await addItems(
      db,
      list,
      [{ reporter: 'CHN', partner: 'JPN', hs: '811292', flow: 'export', grade: 'A', dataset: 'cn-minerals' }],
      now,
    );
    await addTarget(db, {
      kind: 'webhook',
      address: hook.url,
      minLevel: 2,
      marking: { level: 0, compartments: [], releasableTo: null },
    });
    await addTarget(db, {
      kind: 'email',
      address: 'analyst@example.org',
      minLevel: 3,
      marking: { level: 0, compartments: [], releasableTo: null },
    });
    const services = { dataDir, catalog, analytics, state: db };
    const scheduler = new EwsScheduler({
      state: db,
      clock: () => now,
      scan: async (item) => (item.dataset ? scanItem(services, item) : { stored: [] }),
      notify: { smtp: { host: '127.0.0.1', port: smtp.port, from: 'ews@chokepoint.local' } },
    });
    const first = await scheduler.tick();
    const mine = first.scanned.find((s) => s.alerts > 0)!;
    expect(mine.alerts).toBe(1);
    const { items } = await listAlerts(db, { partner: 'JPN', hs: '811292' });
    expect(items.length).toBe(1);
    // The collapse after the control, as in criticalMinerals.test.ts: 3 警戒.
    expect(items[0]).toMatchObject({ period: '2023-08', reporter: 'CHN', level: 3, status: 'new' });
    expect(first.deliveries.map((d) => [d.kind, d.ok, d.alerts])).toEqual([
      ['webhook', true, 1],
      ['email', true, 1],
    ]);
    expect(hook.bodies[0].alerts[0]).toMatchObject({ period: '2023-08', partner: 'JPN', level: 3 });
    const message = smtp.messages[0];
    expect(message).toContain('Subject: =?UTF-8?B?');
    const body = Buffer.from(message.split('\r\n\r\n')[1].replaceAll('\r\n', ''), 'base64').toString('utf8');
    expect(body).toContain('3 警戒 alert');
    expect(body).toContain('CHN export JPN HS 811292');

    // Weekly cadence: nothing is due a day later; eight days later it is scanned again, with no duplicate.
    now = new Date('2023-09-06T09:00:00Z');
    expect((await scheduler.tick()).scanned).toEqual([]);
    now = new Date('2023-09-13T09:00:00Z');
    const again = await scheduler.tick();
    const watched = (await listItems(db, { listId: list }))[0];
    expect(again.scanned.find((s) => s.item === watched.id)).toMatchObject({ alerts: 0 });
    expect(watched.lastScanAt).toBe('2023-09-13T09:00:00.000Z');
    expect(watched.nextScanAt).toBe('2023-09-20T09:00:00.000Z');
    expect((await listAlerts(db, { partner: 'JPN', hs: '811292' })).total).toBe(1);
    expect(smtp.messages.length).toBe(1);
  });

  it('a marked event that changes nothing (it repeats the public seed control) leaves the alert public', async () => {
    const services = { dataDir, catalog, analytics, state: db };
    const [watched] = (await listItems(db, {})).filter((i) => i.hs === '811292' && i.partner === 'JPN');
    await db.query('DELETE FROM ews_alert_history');
    await db.query('DELETE FROM ews_alerts');
    const restricted = { level: 2, compartments: ['minerals'], releasableTo: null };
    // Same dates as the seed list's Ga/Ge control (effective 1 Aug 2023): eventAge is 0 with or without it.
    await db.query(
      `INSERT INTO ews_events (id, country, hs, announced, effective, title, source, marking)
       VALUES ('marked-ga', 'CHN', '["8112"]'::jsonb, '2023-07-03', '2023-08-01', '{"ja":"管理","en":"control"}'::jsonb, 'test', $1::jsonb)`,
      [JSON.stringify(restricted)],
    );
    const { stored } = await scanItem(services, watched);
    expect(stored.map((a) => [a.period, a.partner, a.level, a.eventBasis, a.marking.level])).toEqual([
      ['2023-08', 'JPN', 3, 'base', 0],
    ]);
    await db.query("DELETE FROM ews_events WHERE id = 'marked-ga'");
  });

  it('lifecycle new → acknowledged → assigned → resolved, false alarms need a reason, precision per rule', async () => {
    const alert = (period: string, rules: string[]): Alert => ({
      period,
      reporter: 'JPN',
      partner: 'CHN',
      hs: '250410',
      flow: 'import',
      level: 2,
      levelName: 'caution',
      levelNameJa: '注意',
      rules: rules.map((id) => ({ id, level: 2, label: { ja: id, en: id } })),
      indicators: [{ rule: rules[0], name: 'valueZ', value: -4, op: '<=', threshold: -3 }],
      value: 1,
      expected: 2,
      events: [],
      explanation: { ja: 'x', en: 'x' },
    });
    const stored = await recordAlerts(
      db,
      [
        alert('2020-01', ['value-collapse']),
        alert('2020-02', ['value-collapse', 'diversion']),
        alert('2020-03', ['diversion']),
      ],
      { ruleSet: 'lifecycle-test' },
    );
    expect(stored.length).toBe(3);
    const [a, b, c] = stored;
    expect((await transitionAlert(db, a.id, { action: 'acknowledge' }, 'u1')).status).toBe('acknowledged');
    await expect(transitionAlert(db, a.id, { action: 'acknowledge' }, 'u1')).rejects.toThrow(
      /cannot acknowledge an alert that is acknowledged/,
    );
    expect((await transitionAlert(db, a.id, { action: 'assign', assignee: 'u2' }, 'u1')).assignee).toBe('u2');
    await expect(
      transitionAlert(db, a.id, { action: 'resolve', feedback: 'false_alarm' }, 'u2'),
    ).rejects.toThrow(/needs a reason/);
    const resolved = await transitionAlert(
      db,
      a.id,
      { action: 'resolve', feedback: 'false_alarm', reason: 'customs reclassification' },
      'u2',
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      feedback: 'false_alarm',
      feedbackReason: 'customs reclassification',
    });
    await transitionAlert(db, b.id, { action: 'resolve', feedback: 'true_alarm' }, 'u2');
    await transitionAlert(db, c.id, { action: 'resolve', feedback: 'true_alarm' }, 'u2');
    expect((await alertHistory(db, a.id)).map((h) => h.action)).toEqual([
      'raised',
      'acknowledge',
      'assign',
      'resolve',
    ]);
    const precision = await rulePrecision(db);
    // value-collapse: 1 true (b) of 2 reviewed; diversion: 2 true (b, c) of 2.
    expect(precision.find((p) => p.rule === 'value-collapse')).toMatchObject({
      trueAlarms: 1,
      falseAlarms: 1,
      precision: 0.5,
    });
    expect(precision.find((p) => p.rule === 'diversion')).toMatchObject({
      trueAlarms: 2,
      falseAlarms: 0,
      precision: 1,
    });
    expect((await getAlert(db, b.id))!.status).toBe('resolved');
  });

  it('counts respect markings: a marked alert is neither listed nor counted for an uncleared reader', async () => {
    const marked = { level: 2 as const, compartments: [], releasableTo: null };
    const base: Alert = {
      period: '2021-05',
      reporter: 'KOR',
      partner: 'CHN',
      hs: '280530',
      flow: 'import',
      level: 1,
      levelName: 'attention',
      levelNameJa: '関心',
      rules: [{ id: 'value-surge', level: 1, label: { ja: 'x', en: 'x' } }],
      indicators: [],
      value: 1,
      expected: 1,
      events: [],
      explanation: { ja: 'x', en: 'x' },
    };
    await recordAlerts(db, [base], { ruleSet: 'marking-test', marking: marked });
    await recordAlerts(db, [{ ...base, period: '2021-06' }], { ruleSet: 'marking-test' });
    const cleared = (level: 0 | 2) => ({ clearance: { level, compartments: [], organisationId: 'any' } });
    expect((await listAlerts(db, { hs: '280530', reader: cleared(0) })).total).toBe(1);
    expect((await listAlerts(db, { hs: '280530', reader: cleared(2) })).total).toBe(2);
    expect((await listAlerts(db, { hs: '280530', reader: { anonymous: true } })).total).toBe(1);
  });
});
