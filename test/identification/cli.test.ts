import { beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cliInProcess.ts';
import { tempDir } from '../helpers/tmp.ts';
import { baciCriticalMineralsCsv } from '../helpers/sharedTrade.ts';
import { baciCriticalMineralsRows, sumBy } from '../helpers/baciRows.ts';

/** `chokepoint registry add` and `chokepoint identify …` on the real BACI extract, in a fresh data directory. */
describe('identification CLI', () => {
  let dir: string;
  const run = (...args: string[]) => runCliInProcess(['--data-dir', dir, '-q', ...args]);
  beforeAll(async () => {
    dir = tempDir();
    const imported = await run('data', 'import', 'baci', baciCriticalMineralsCsv, '--hs', 'HS17', '--version', 'V202601');
    expect(imported.code, imported.stderr).toBe(0);
  }, 120_000);

  it('a good added from the CLI is in force and its code reaches the coercion analysis of critical goods', async () => {
    const added = await run('--json', 'registry', 'add', 'test-magnesium', '--kind', 'good', '--ja', 'マグネシウム', '--en', 'Magnesium', '--hs', '810411:exact:unwrought magnesium');
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout).entry).toMatchObject({ id: 'test-magnesium', status: 'active', version: 1 });
    const out = await run('--json', 'identify', 'coercion', '--reporter', 'JPN', '--coercer', 'CHN', '--year', '2024', '--direction', 'imports', '--critical');
    expect(out.code, out.stderr).toBe(0);
    const mg = JSON.parse(out.stdout).items.find((i: { hs6: string }) => i.hs6 === '810411');
    expect(mg.critical).toContain('test-magnesium');
    const rows = baciCriticalMineralsRows();
    const japan = sumBy(rows, (r) => r.t === 2024 && r.j === 392 && r.k === '810411', (r) => (r.i === 156 ? 'CHN' : 'other'));
    expect(mg.coercerShare).toBeCloseTo(japan.get('CHN')! / (japan.get('CHN')! + japan.get('other')!), 10);
    const history = JSON.parse((await run('--json', 'registry', 'history', 'test-magnesium')).stdout);
    expect(history.items ?? history).toHaveLength(1);
  }, 180_000);

  it('records a judgement in the risk register and shows it in the register and its history', async () => {
    const assess = await run('--json', 'identify', 'risks', 'assess', '--reporter', 'JPN', '--entry', 'test-magnesium', '--risk', 'supply-disruption', '--level', 'critical', '--judgement', 'Almost all imports come from one country.', '--evidence', '/api/identification/coercion?reporter=JPN&direction=imports');
    expect(assess.code, assess.stderr).toBe(0);
    const list = JSON.parse((await run('--json', 'identify', 'risks', 'list', '--reporter', 'JPN', '--entry', 'test-magnesium')).stdout);
    expect(list.items[0].risks[0].assessment).toMatchObject({ level: 'critical', createdBy: expect.any(String) });
    const bad = await run('identify', 'risks', 'assess', '--reporter', 'JPN', '--entry', 'test-magnesium', '--risk', 'theft', '--level', 'low', '--judgement', 'a judgement here');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--risk must be one of supply-disruption');
  });
});
