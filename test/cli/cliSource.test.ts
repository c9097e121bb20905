import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundleIsFresh, cliEntry } from '../../bin/cliSource.mjs';
import { packageRoot } from '../../src/packageRoot.ts';
import { tempDir } from '../helpers/tmp.ts';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');

// A package laid out like the repository, with times set by hand: sources an hour old, the bundle half an hour.
describe('bin/cliSource.mjs: which build of the CLI runs', () => {
  let root: string;
  const hourAgo = new Date(Date.now() - 3600_000);
  const halfHourAgo = new Date(Date.now() - 1800_000);
  const minuteAgo = new Date(Date.now() - 60_000);
  const write = (file: string, time: Date) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, '');
    fs.utimesSync(full, time, time);
  };
  const age = (file: string, time: Date) => fs.utimesSync(path.join(root, file), time, time);

  beforeEach(() => {
    root = tempDir();
    for (const file of ['package.json', 'scripts/buildCli.ts', 'src/cli/main.ts', 'src/data/ews/seed.csv'])
      write(file, hourAgo);
    for (const dir of ['src/cli', 'src/data/ews', 'src/data', 'src', 'scripts']) age(dir, hourAgo);
  });

  it('without a bundle: the TypeScript sources', () => {
    expect(bundleIsFresh(root)).toBe(false);
    expect(cliEntry(root, {})).toEqual({ source: 'ts', file: path.join(root, 'src', 'cli', 'main.ts') });
  });

  it('a bundle newer than everything it was built from runs', () => {
    write('dist/cli/main.js', halfHourAgo);
    expect(cliEntry(root, {})).toEqual({ source: 'dist', file: path.join(root, 'dist', 'cli', 'main.js') });
  });

  it.each([
    ['a source file edited after the build', 'src/data/ews/seed.csv'],
    ['package.json changed', 'package.json'],
    ['the build script changed', 'scripts/buildCli.ts'],
  ])('%s: back to the sources', (_what, file) => {
    write('dist/cli/main.js', halfHourAgo);
    age(file, minuteAgo);
    expect(cliEntry(root, {}).source).toBe('ts');
  });

  it('a source file deleted after the build (its folder changed): back to the sources', () => {
    write('dist/cli/main.js', halfHourAgo);
    fs.rmSync(path.join(root, 'src/data/ews/seed.csv'));
    expect(cliEntry(root, {}).source).toBe('ts');
  });

  it('a source saved at the very time of the build counts as newer', () => {
    write('dist/cli/main.js', halfHourAgo);
    age('src/cli/main.ts', halfHourAgo);
    expect(bundleIsFresh(root)).toBe(false);
  });

  it('CHOKEPOINT_CLI_SOURCE forces one build; a missing bundle or an unknown value is an error', () => {
    write('dist/cli/main.js', halfHourAgo);
    expect(cliEntry(root, { CHOKEPOINT_CLI_SOURCE: 'ts' }).source).toBe('ts');
    age('src/cli/main.ts', minuteAgo);
    expect(cliEntry(root, { CHOKEPOINT_CLI_SOURCE: 'dist' }).source).toBe('dist');
    fs.rmSync(path.join(root, 'dist'), { recursive: true });
    expect(() => cliEntry(root, { CHOKEPOINT_CLI_SOURCE: 'dist' })).toThrow(/dist\/cli\/main\.js is missing/);
    expect(() => cliEntry(root, { CHOKEPOINT_CLI_SOURCE: 'js' })).toThrow(/must be ts or dist/);
  });

  it('bin/chokepoint.mjs exits 2 naming the variable when its value is unknown', async () => {
    const failed = await run(process.execPath, [path.join(repo, 'bin', 'chokepoint.mjs'), '--help'], {
      env: { ...process.env, CHOKEPOINT_CLI_SOURCE: 'fast' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/CHOKEPOINT_CLI_SOURCE must be ts/),
    });
  });
});

describe('packageRoot()', () => {
  it("is the repository folder (the one with chokepoint's package.json)", () => {
    expect(packageRoot()).toBe(repo);
    expect(JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).name).toBe('chokepoint');
  });
});
