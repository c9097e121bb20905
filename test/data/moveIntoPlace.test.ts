import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveIntoPlace } from '../../src/data/catalog/moveIntoPlace.ts';

describe('moveIntoPlace', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chokepoint-move-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string) => {
    fs.writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };

  it('puts the file in place where there was none', async () => {
    const finished = write('out.csv.partial', 'new');
    await moveIntoPlace(finished, path.join(dir, 'out.csv'));
    expect(fs.readdirSync(dir)).toEqual(['out.csv']);
    expect(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8')).toBe('new');
  });

  it('replaces an existing file and leaves nothing of the old one behind', async () => {
    const target = write('out.csv', 'old');
    const finished = write('out.csv.partial', 'new');
    await moveIntoPlace(finished, target);
    expect(fs.readdirSync(dir)).toEqual(['out.csv']);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
  });

  it('puts the old file back when the new one cannot be moved', async () => {
    const target = write('out.csv', 'old');
    await expect(moveIntoPlace(path.join(dir, 'missing.partial'), target)).rejects.toThrow(/ENOENT/);
    expect(fs.readdirSync(dir)).toEqual(['out.csv']);
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
  });

  it('fails on a directory in the way and leaves the directory as it was', async () => {
    const target = path.join(dir, 'out.csv');
    fs.mkdirSync(target);
    write('out.csv/keep.txt', 'kept');
    const finished = write('out.csv.partial', 'new');
    await expect(moveIntoPlace(finished, target)).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(fs.readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('kept');
    expect(fs.readdirSync(dir).sort()).toEqual(['out.csv', 'out.csv.partial']);
  });
});
