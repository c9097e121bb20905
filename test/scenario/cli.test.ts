import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharedData, tempDir } from '../helpers/tmp.ts';
import { runCliInProcess } from '../helpers/cliInProcess.ts';

const table = path.join(sharedData, 'io', 'iotable_13sector_2011.csv');

function cli(args: string[], dataDir = tempDir()): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCliInProcess(['--data-dir', dataDir, ...args]);
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

// The CLI's application state is PGlite in the data directory (DATABASE_URL would select PostgreSQL; the
// store's SQL is exercised on both back ends in api.test.ts).
describe('chokepoint scenario save / list', () => {
  it('saves a file, then a new version with a higher marking, lists them and audits each save', async () => {
    const dir = tempDir();
    const fs = await import('node:fs');
    const file = path.join(dir, 'cut.yaml');
    const text = (months: number) =>
      `name: China cuts 811292 for ${months} months\nnameJa: 中国が811292を${months}か月停止\nshocks:\n  - {type: export-cut, exporter: CHN, products: ["811292"], duration: ${months}}\n`;
    fs.writeFileSync(file, text(6));
    const first = await cli(['scenario', 'save', file, '--json'], dir);
    expect(first.code).toBe(0);
    const saved = JSON.parse(first.stdout);
    expect(saved).toMatchObject({
      version: 1,
      name: 'China cuts 811292 for 6 months',
      marking: { level: 0 },
    });

    fs.writeFileSync(file, text(3));
    const second = await cli(['scenario', 'save', file, '--id', saved.id, '--level', '2', '--json'], dir);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ id: saved.id, version: 2, marking: { level: 2 } });

    // Lowering the marking needs a reason.
    const lower = await cli(['scenario', 'save', file, '--id', saved.id, '--level', '0'], dir);
    expect(lower.code).toBe(3);
    expect(lower.stderr).toMatch(/reason/);

    const list = await cli(['scenario', 'list', '--json'], dir);
    expect(JSON.parse(list.stdout)).toMatchObject({
      total: 1,
      items: [
        {
          id: saved.id,
          version: 2,
          name: 'China cuts 811292 for 3 months',
          nameJa: '中国が811292を3か月停止',
        },
      ],
    });
    const audit = await cli(['audit', 'list', '--json'], dir);
    expect(audit.code).toBe(0);
    const entries = JSON.parse(audit.stdout).items as {
      action: string;
      objectType: string;
      objectId: string;
    }[];
    expect(
      entries
        .filter((e) => e.objectType === 'scenario' && e.objectId === saved.id)
        .map((e) => e.action)
        .sort(),
    ).toEqual(['create', 'update']);
  });

  it('refuses a bad file without saving anything', async () => {
    const dir = tempDir();
    const fs = await import('node:fs');
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, 'name: x\nshocks:\n  - {type: export-cut, exporter: Atlantis, duration: 1}\n');
    const r = await cli(['scenario', 'save', file], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/shocks\[0\]\.exporter/);
    expect(JSON.parse((await cli(['scenario', 'list', '--json'], dir)).stdout).total).toBe(0);
  });
});
