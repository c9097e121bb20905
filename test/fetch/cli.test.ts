import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCliInProcess } from '../helpers/cliInProcess.ts';
import { sharedData, tempDir } from '../helpers/tmp.ts';

const run = runCliInProcess;

describe('chokepoint data fetch', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.CHOKEPOINT_MIRROR;
  });

  it('fetches from the mirror given by CHOKEPOINT_MIRROR and reports JSON', async () => {
    process.env.CHOKEPOINT_MIRROR = sharedData;
    const dir = tempDir();
    const { code, stdout } = await run([
      '--data-dir',
      dir,
      '--json',
      '--quiet',
      'data',
      'fetch',
      'countries',
    ]);
    expect(code).toBe(0);
    const [entry] = JSON.parse(stdout);
    expect(entry).toMatchObject({ id: 'countries', kind: 'countries', source: 'mirror', rows: 238 + 235 });
    const list = JSON.parse((await run(['--data-dir', dir, '--json', 'data', 'list'])).stdout);
    expect(list.map((e: { id: string }) => e.id)).toEqual(['countries']);
  });

  it('exits 4 on an unknown dataset, naming the known ones', async () => {
    const { code, stderr } = await run(['--data-dir', tempDir(), 'data', 'fetch', 'baci-full']);
    expect(code).toBe(4);
    expect(stderr).toMatch(/unknown dataset "baci-full" \(known: baci-critical-minerals, [^)]*\)/);
    const known = /\(known: ([^)]*)\)/.exec(stderr)![1]!.split(', ');
    expect(known).toEqual(expect.arrayContaining(['comtrade-samples', 'opensanctions-ftm-sample', 'cisa-kev']));
  });
});

describe('chokepoint groups', () => {
  it('sets and shows a group; an unknown member exits 3', async () => {
    const dir = tempDir();
    const set = await run([
      '--data-dir',
      dir,
      '--json',
      'groups',
      'set',
      'my_suppliers',
      '--members',
      'Australia,CHL,Viet Nam',
    ]);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout).members).toEqual(['AUS', 'CHL', 'VNM']);
    const bad = await run(['--data-dir', dir, 'groups', 'set', 'X', '--members', 'JPN,Atlantis']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('field members[1]: "Atlantis" is not a known country');
  }, 120_000);
});
