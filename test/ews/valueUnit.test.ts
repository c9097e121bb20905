import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { testSession } from '../helpers/auth.ts';
import { CliContext } from '../../src/cli/context.ts';
import { registerEws } from '../../src/cli/commands/ews.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { importMonthlyCsv, parseColumnMap } from '../../src/data/importers/monthlyCsv.ts';
import { publishMonthly } from '../../src/data/ews/seriesStore.ts';
import type { MonthlyImport } from '../../src/data/ews/monthlyImport.ts';
import { parseValueUnit } from '../../src/data/ews/valueUnit.ts';
import { addItems, createList, listItems } from '../../src/data/ews/ewsState.ts';

/**
 * The unit of monthly trade values, recorded at import and returned by the item API: Japan Customs' summary in
 * billion yen, UN Comtrade+ in USD, a mapped CSV in what `--value-unit` says or 'unknown', and null for a dataset
 * imported before units were recorded. Real files from ../shared/data.
 */
const root = tempDir();
const japanFile = path.join(sharedData, 'monthly/japan-customs-summary/trade_monthly_2009-01_2019-05.csv.gz');
const minerals = path.join(sharedData, 'monthly/china-critical-minerals/country_monthly_stats.csv');
const comtradeSample = path.join(sharedData, 'comtrade-samples/gallium_trade_data.csv');
const mapped = [
  '--map',
  'period=period_dt,partner=partner_name,hs=broad_group,value=val,quantity=qty',
  '--reporter',
  'CHN',
  '--flow',
  'export',
  '--unit',
  'kg',
];

const contexts: CliContext[] = [];
async function run(...args: string[]): Promise<string> {
  const program = new Command('chokepoint').option('--data-dir <dir>').option('--json').option('-q, --quiet');
  program.exitOverride();
  registerEws(program, (cmd) => {
    const ctx = new CliContext(cmd.optsWithGlobals());
    contexts.push(ctx);
    return ctx;
  });
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'chokepoint', '--data-dir', root, '--quiet', '--json', ...args]);
  } finally {
    spy.mockRestore();
    for (const ctx of contexts.splice(0)) await ctx.close();
  }
  return out;
}
const importFile = async (file: string, dataset: string, ...options: string[]) =>
  JSON.parse(await run('ews', 'import', file, '--dataset', dataset, ...options)) as {
    extra: { valueUnit?: unknown };
  };

const billionYen = { currency: 'JPY', scale: 1e9, label: { en: 'billion yen', ja: '十億円' } };
const usd = { currency: 'USD', scale: 1, label: { en: 'USD', ja: '米ドル' } };

describe('value units of monthly trade datasets', () => {
  const entries: Record<string, { extra: { valueUnit?: unknown } }> = {};
  let app: App;
  let headers: Record<string, string>;
  const items: Record<string, string> = {};

  beforeAll(async () => {
    entries.japan = await importFile(japanFile, 'jp-customs', '--publisher', 'Japan Customs');
    entries.csvUnknown = await importFile(minerals, 'cn-unknown', ...mapped);
    entries.csvUsd = await importFile(minerals, 'cn-usd', ...mapped, '--value-unit', 'USD');
    // A UN Comtrade+ API response: the real sample's records re-dated as monthly ones (schema and values the API's).
    const lines = fs.readFileSync(comtradeSample, 'utf8').trim().split('\n');
    const header = lines[0].split(',');
    const data = lines.slice(1, 7).map((line, i) => {
      const f = line.split(',');
      const row: Record<string, unknown> = Object.fromEntries(header.map((h, j) => [h, f[j]]));
      return {
        ...row,
        freqCode: 'M',
        period: `2023${String(i + 1).padStart(2, '0')}`,
        primaryValue: Number(row.primaryValue),
      };
    });
    const json = path.join(tempDir(), 'comtrade.json');
    fs.writeFileSync(json, JSON.stringify({ count: data.length, data }));
    entries.comtrade = await importFile(json, 'comtrade-ga');

    app = await buildApp({ dataDir: root, webDir: false });
    const s = app.services;
    // A dataset stored before units were recorded: its catalog entry has no extra.valueUnit.
    const old = importMonthlyCsv(minerals, {
      map: parseColumnMap('period=period_dt,partner=partner_name,hs=broad_group,value=val,quantity=qty'),
      reporter: 'CHN',
      flow: 'export',
      unit: 'kg',
    });
    const legacy = { ...old, valueUnit: undefined } as unknown as MonthlyImport;
    await publishMonthly(s.dataDir, s.catalog, s.analytics, legacy, {
      id: 'cn-old',
      title: 'old',
      publisher: 'x',
    });

    const list = await createList(s.state, { kind: 'user', name: { ja: '単位', en: 'units' } });
    // One item per product and partner in a list: the three China items watch different partners.
    const china = (dataset: string, partner: string) => ({
      reporter: 'CHN',
      partner,
      hs: 'Graphite',
      flow: 'export' as const,
      grade: 'A' as const,
      dataset,
    });
    await addItems(
      s.state,
      list,
      [
        {
          reporter: 'JPN',
          partner: 'WLD',
          hs: 'Grand Total',
          flow: 'export',
          grade: 'A',
          dataset: 'jp-customs',
        },
        china('cn-unknown', 'KOR'),
        china('cn-usd', 'JPN'),
        china('cn-old', 'USA'),
      ],
      new Date(),
    );
    for (const item of await listItems(s.state, { listId: list })) items[item.dataset!] = item.id;
    headers = (await testSession(app, { role: 'analyst' })).headers;
  }, 240_000);
  afterAll(async () => {
    await app?.close();
  });

  it('each import records its unit in the catalog entry: billion yen, USD, what --value-unit says, or unknown', () => {
    expect(entries.japan.extra.valueUnit).toEqual(billionYen);
    expect(entries.comtrade.extra.valueUnit).toEqual(usd);
    expect(entries.csvUsd.extra.valueUnit).toEqual(usd);
    expect(entries.csvUnknown.extra.valueUnit).toBe('unknown');
  });

  it('the item API returns the unit of the series values (null for a dataset imported before units)', async () => {
    const get = async (dataset: string) =>
      (await app.inject({ url: `/api/ews/items/${items[dataset]}`, headers })).json() as {
        valueUnit: unknown;
        series: { periods: string[]; value: (number | null)[] };
      };
    const japan = await get('jp-customs');
    expect(japan.valueUnit).toEqual(billionYen);
    // The value is as Customs published it, in billion yen: January 2009 exports to the world, read from the file
    // here (3,477.8 billion yen = ¥3.48 trillion, the official figure for that month).
    const raw = zlib
      .gunzipSync(fs.readFileSync(japanFile))
      .toString('utf8')
      .split('\n')
      .find((l) => l.startsWith('"1","Grand Total",2009-01-01,"Grand Total",'))!;
    const jan = japan.series.value[japan.series.periods.indexOf('2009-01')];
    expect(jan).toBe(Number(raw.split(',')[4]));
    expect(jan).toBeCloseTo(3477.8, 1);
    expect((await get('cn-usd')).valueUnit).toEqual(usd);
    expect((await get('cn-unknown')).valueUnit).toBe('unknown');
    expect((await get('cn-old')).valueUnit).toBeNull();
  });

  it('importing the same file again records the unit of a dataset stored before units, keeping its stored series', async () => {
    const catalog = app.services.catalog;
    const before = catalog.get('cn-old');
    expect(before.extra?.valueUnit).toBeUndefined();
    const again = await importFile(minerals, 'cn-old', ...mapped, '--value-unit', 'USD');
    expect(again.extra.valueUnit).toEqual(usd);
    const after = catalog.get('cn-old');
    expect(after.path).toBe(before.path); // the same content: the stored files are kept, not written again
    expect(after.version).toBe(before.version);
    const item = (await app.inject({ url: `/api/ews/items/${items['cn-old']}`, headers })).json() as {
      valueUnit: unknown;
    };
    expect(item.valueUnit).toEqual(usd);
  });

  it('--value-unit takes a currency code with a scale word; anything else, or a file that carries its unit, is refused', async () => {
    expect(parseValueUnit('thousand USD')).toEqual({
      currency: 'USD',
      scale: 1e3,
      label: { en: 'thousand USD', ja: '千米ドル' },
    });
    expect(parseValueUnit('jpy million').label).toEqual({ en: 'million yen', ja: '百万円' });
    expect(() => parseValueUnit('dollars')).toThrow(/currency code with an optional scale/);
    await expect(importFile(minerals, 'cn-bad', ...mapped, '--value-unit', 'lots of USD')).rejects.toThrow(
      /value unit "lots of USD"/,
    );
    await expect(importFile(japanFile, 'jp-usd', '--value-unit', 'USD')).rejects.toThrow(
      /--value-unit is for a CSV read with --map/,
    );
  });
});
