import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCliInProcess } from '../helpers/cliInProcess.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';

/** `chokepoint tech rta` on the NCSES patents of the shared mirror, imported into a fresh data directory. */
describe('tech rta CLI: the world of the RTA', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    const file = path.join(sharedData, 'patents', 'patents_by_country_field_year.csv');
    expect((await runCliInProcess(['--data-dir', dir, '-q', 'data', 'import', 'patents', file])).code).toBe(
      0,
    );
  });
  afterEach(() => vi.restoreAllMocks());

  const run = (...args: string[]) => runCliInProcess(['--data-dir', dir, '-q', ...args]);
  const japan = (out: string) =>
    (JSON.parse(out) as { items: { country: string; rta: number }[] }).items.find((i) => i.country === 'JPN')!
      .rta;

  it('uses the World row by default (Japan, PCT mechanical engineering 2022: 1.192) and the sum with --world sum (1.292)', async () => {
    const field = ['tech', 'rta', '--field', 'pct/mechanical-engineering', '--reporter', 'JPN'];
    // (9,381 / 48,222) / (43,227 / 264,901), the SINV-15 and SINV-11 rows of Japan and of the World.
    const published = await run('--json', ...field);
    expect(published.code).toBe(0);
    expect(japan(published.stdout)).toBeCloseTo(9381 / 48222 / (43227 / 264901), 10);
    expect(JSON.parse(published.stdout).world.used).toBe('published');
    const summed = await run('--json', ...field, '--world', 'sum');
    expect(japan(summed.stdout)).toBeCloseTo(1.292, 3);
    const text = await run(...field);
    expect(text.stdout).toContain(
      'RTA world: the published World row (published World row 43227 of 264901; sum over the listed countries',
    );
    const bad = await run(...field, '--world', 'all');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--world must be published or sum, not "all"');
  });
});
