import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi, afterAll } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { CliContext } from '../../src/cli/context.ts';
import { registerEws } from '../../src/cli/commands/ews.ts';

/** `chokepoint ews …` run in process (only the ews commands registered), output captured. */
const dataDir = tempDir();
const contexts: CliContext[] = [];
async function run(...args: string[]): Promise<string> {
  const program = new Command('chokepoint')
    .option('--data-dir <dir>')
    .option('--json')
    .option('-q, --quiet')
    .exitOverride();
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
    await program.parseAsync(['node', 'chokepoint', '--data-dir', dataDir, '--quiet', ...args]);
  } finally {
    spy.mockRestore();
    for (const ctx of contexts.splice(0)) await ctx.close();
  }
  return out;
}

const minerals = path.join(sharedData, 'monthly/china-critical-minerals');
const mapped = [
  '--map',
  'period=period_dt,partner=partner_name,hs=hs6,value=val,quantity=qty',
  '--reporter',
  'CHN',
  '--flow',
  'export',
  '--unit',
  'kg',
];

describe('chokepoint ews CLI', () => {
  afterAll(async () => {
    for (const ctx of contexts) await ctx.close();
  });

  it('scan --json: alerts with period, reporter, partner (ISO3), hs, level, levelName and indicators', async () => {
    const file = path.join(minerals, 'deep_dive_hs6_monthly.csv');
    const alerts = JSON.parse(
      await run('--json', 'ews', 'scan', file, ...mapped, '--from', '2023-11', '--to', '2024-01'),
    );
    expect(alerts.length).toBeGreaterThan(0);
    for (const a of alerts) {
      expect(a.period).toMatch(/^2023-1[12]$|^2024-01$/);
      expect(a.reporter).toBe('CHN');
      expect(a.partner).toMatch(/^[A-Z]{3}$/);
      expect([1, 2, 3, 4]).toContain(a.level);
      expect(['attention', 'caution', 'alert', 'severe'][a.level - 1]).toBe(a.levelName);
      for (const i of a.indicators)
        expect(Object.keys(i)).toEqual(expect.arrayContaining(['name', 'value', 'threshold']));
    }
    // The graphite control (Dec 2023) is in the seed events: graphite collapse alerts reach level 3 or 4.
    const graphite = alerts.filter(
      (a: { hs: string; period: string }) => a.hs.startsWith('2504') && a.period === '2023-12',
    );
    expect(graphite.length).toBeGreaterThan(0);
    expect(Math.max(...graphite.map((a: { level: number }) => a.level))).toBeGreaterThanOrEqual(3);
  });

  it('--no-seed-events leaves only statistical alerts; a bad --map names the column', async () => {
    const file = path.join(minerals, 'deep_dive_hs6_monthly.csv');
    const plain = JSON.parse(
      await run(
        '--json',
        'ews',
        'scan',
        file,
        ...mapped,
        '--from',
        '2023-11',
        '--to',
        '2024-01',
        '--no-seed-events',
      ),
    );
    expect(
      plain.every((a: { rules: { id: string }[] }) =>
        a.rules.every((r) => !r.id.includes('control') && !r.id.includes('front-loading')),
      ),
    ).toBe(true);
    await expect(
      run(
        'ews',
        'scan',
        file,
        '--map',
        'period=month,partner=partner_name,hs=hs6,value=val',
        '--reporter',
        'CHN',
        '--flow',
        'export',
      ),
    ).rejects.toThrow(/column "month" \(for period\) is not in the header/);
  });

  it('backtest --json reports per rule and the quiet period', async () => {
    const file = path.join(minerals, 'deep_dive_hs6_monthly.csv');
    const report = JSON.parse(
      await run(
        '--json',
        'ews',
        'backtest',
        file,
        ...mapped,
        '--quiet-from',
        '2020-01',
        '--quiet-to',
        '2022-12',
      ),
    );
    expect(report.rules.length).toBeGreaterThan(5);
    expect(report.alerts).toBe(report.byLevel[1] + report.byLevel[2] + report.byLevel[3] + report.byLevel[4]);
    expect(report.quiet.from).toBe('2020-01');
    const front = report.rules.find((r: { rule: string }) => r.rule === 'front-loading');
    expect(front.score.withEvents.precision).toBe(1);
    expect(front.score.statisticsOnly.alerts).toBe(0);
  });

  it('backtest --hs keeps those products; the text names precision and recall in both modes', async () => {
    const file = path.join(minerals, 'deep_dive_hs6_monthly.csv');
    const json = JSON.parse(await run('--json', 'ews', 'backtest', file, ...mapped, '--hs', '811292'));
    // 811292 is in the Ga/Ge control only: its episodes are that control's (and the US-targeted one of Dec 2024).
    expect(json.score.events).toEqual(['cn-2023-gallium-germanium', 'cn-2024-dual-use-usa']);
    expect(json.rules.every((r: { when: { hs: string }[] }) => r.when.every((w) => w.hs === '811292'))).toBe(
      true,
    );
    const text = await run('ews', 'backtest', file, ...mapped, '--hs', '811292,250410');
    expect(text).toMatch(/P events +R events +P statistics +R statistics/);
    expect(text).toMatch(/^any rule +\d+ +\d\.\d{3} +\d\.\d{3} +\d\.\d{3} +\d\.\d{3}/m);
    await expect(run('ews', 'backtest', file, ...mapped, '--hs', '2504')).rejects.toThrow(
      /--hs 2504: not in the file \(products: 250410, 380110, 811292\)/,
    );
  });

  it('import, then items: critical goods by default and a generated list', { timeout: 180_000 }, async () => {
    const file = path.join(minerals, 'deep_dive_hs6_monthly.csv');
    const entry = JSON.parse(
      await run(
        '--json',
        'ews',
        'import',
        file,
        ...mapped,
        '--dataset',
        'cn-hs6',
        '--title',
        'China exports HS6',
        '--publisher',
        'UN Comtrade (derived)',
      ),
    );
    expect(entry).toMatchObject({ id: 'cn-hs6', kind: 'trade-monthly' });
    const seeded = JSON.parse(await run('--json', 'ews', 'items', 'critical-goods'));
    expect(seeded.items).toBeGreaterThan(12);
    const generated = JSON.parse(
      await run(
        '--json',
        'ews',
        'items',
        'generate',
        '--dataset',
        'cn-hs6',
        '--flow',
        'export',
        '--threshold',
        '0.5',
      ),
    );
    expect(generated.items.every((i: { share: number }) => i.share > 0.5)).toBe(true);
    const items = JSON.parse(await run('--json', 'ews', 'items', 'list'));
    expect(items.length).toBe(seeded.items + generated.items.length);
    // Generating again refreshes that list rather than making a twin (issue 27).
    const generateAgain = ['--json', 'ews', 'items', 'generate', '--dataset', 'cn-hs6', '--flow', 'export'];
    const again = JSON.parse(await run(...generateAgain));
    expect(again).toMatchObject({ list: generated.list, added: 0, removed: 0, kept: generated.items.length });
    expect(JSON.parse(await run('--json', 'ews', 'items', 'list')).length).toBe(items.length);
    // An item on a dataset that does not exist, or is not monthly trade, is refused by name and not added.
    const add = (dataset: string) =>
      run(
        'ews',
        'items',
        'add',
        '--list',
        'watch',
        '--reporter',
        'JPN',
        '--hs',
        '2504',
        '--dataset',
        dataset,
      );
    await expect(add('cn-hs7')).rejects.toThrow(/no dataset "cn-hs7"/);
    await expect(add('cn-hs6')).resolves.toContain('1 item added');
    expect(JSON.parse(await run('--json', 'ews', 'items', 'list')).length).toBe(items.length + 1);
  });

  it('events: record one and list it after the seed list', { timeout: 120_000 }, async () => {
    const added = JSON.parse(
      await run(
        '--json',
        'ews',
        'events',
        'add',
        '--country',
        'China',
        '--hs',
        '2846,280530',
        '--announced',
        '2025-04-04',
        '--effective',
        '2025-04-04',
        '--title',
        'rare earths (test entry)',
        '--source',
        'test',
      ),
    );
    expect(added).toMatchObject({ country: 'CHN', hs: ['2846', '280530'], targets: [] });
    const list = JSON.parse(await run('--json', 'ews', 'events', 'list'));
    expect(list[0].id).toBe('cn-2023-gallium-germanium');
    expect(list.at(-1)).toMatchObject({ id: added.id, announced: '2025-04-04', effective: '2025-04-04' });
    // Events are listed with the marking scans use to mark the alerts they change (docs/ews.md).
    for (const e of [list[0], list.at(-1)])
      expect(e.marking).toEqual({ level: 0, compartments: [], releasableTo: null });
    expect(await run('ews', 'events', 'list')).toMatch(/marking[\s\S]*0 public/);
    await expect(
      run(
        'ews',
        'events',
        'add',
        '--country',
        'CHN',
        '--hs',
        '2846',
        '--announced',
        '2025-04-04',
        '--effective',
        '2025-01-01',
        '--title',
        'x',
        '--source',
        'x',
      ),
    ).rejects.toThrow(/before --announced/);
  });
});
