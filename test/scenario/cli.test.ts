import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { main } from '../../src/cli/main.ts';

const table = path.join(sharedData, 'io', 'iotable_13sector_2011.csv');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'chokepoint', '--data-dir', tempDir(), ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
afterEach(() => vi.restoreAllMocks());

describe('chokepoint io multipliers', () => {
  it('prints {sectors: [codes], outputMultiplier: {closed, open}, sectorLabels} with --json', async () => {
    const r = await cli(['io', 'multipliers', '--table', table, '--json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(Object.keys(body)).toEqual(['sectors', 'outputMultiplier', 'sectorLabels']);
    expect(Object.keys(body.outputMultiplier)).toEqual(['closed', 'open']);
    // sectors: the table's sector codes as strings, in the order of the multipliers; labels beside them.
    expect(body.sectors).toHaveLength(13);
    expect(body.sectors.every((s: unknown) => typeof s === 'string')).toBe(true);
    expect(body.sectors[2]).toBe('03');
    expect(body.sectorLabels[2]).toEqual({ code: '03', en: 'Manufacturing', ja: '製造業' });
    expect(body.outputMultiplier.closed).toHaveLength(13);
    // Manufacturing, 2011: column sums of (I − A)⁻¹ ≈ 2.77 closed and 2.13 open (checked in io.test.ts by Gauss–Jordan).
    expect(body.outputMultiplier.closed[2]).toBeCloseTo(2.7689, 3);
    expect(body.outputMultiplier.open[2]).toBeCloseTo(2.1338, 3);
  });

  it('a missing table file is exit code 4 with the file named', async () => {
    const r = await cli(['io', 'multipliers', '--table', '/nonexistent/table.csv']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/\/nonexistent\/table.csv/);
  });
});

describe('chokepoint scenario run', () => {
  it('a bad scenario file exits 3 naming the field', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.yaml');
    (await import('node:fs')).writeFileSync(
      file,
      'name: x\nshocks:\n  - {type: export-cut, exporter: CHN, products: all, duration: -3}\n',
    );
    const r = await cli(['scenario', 'run', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/field shocks\[0\]\.duration: must not be negative/);
  });
});
