import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirectory } from '../../src/data/catalog/makeDirectory.ts';
import { ChokepointError } from '../../src/errors.ts';
import { tempDir } from '../helpers/tmp.ts';

describe('makeDirectory', () => {
  it('creates the missing folders of a path, and accepts one that exists', () => {
    const root = tempDir();
    const deep = path.join(root, 'a', 'b', 'c');
    makeDirectory(deep);
    expect(fs.statSync(deep).isDirectory()).toBe(true);
    makeDirectory(deep);
    makeDirectory(root);
    expect(fs.readdirSync(path.join(root, 'a'))).toEqual(['b']);
  });

  it('names the place when a file is in the way, at the end of the path or above it', () => {
    const root = tempDir();
    const file = path.join(root, 'file');
    fs.writeFileSync(file, 'x');
    for (const target of [file, path.join(file, 'below')]) {
      const error = (() => {
        try {
          makeDirectory(target);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ChokepointError);
      expect((error as ChokepointError).message).toBe('cannot create this folder: a file is in the way');
      expect((error as ChokepointError).place?.file).toBe(target === file ? file : path.join(file, 'below'));
    }
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  // fs.mkdirSync(…, { recursive: true }) never returns here on Node 20 (procfs answers ENOENT for the new folder).
  it.runIf(fs.existsSync('/proc/self'))('fails at once under /proc instead of hanging', () => {
    expect(() => makeDirectory('/proc/chokepoint-test/data')).toThrow(
      expect.objectContaining({
        message: 'cannot create this folder: this file system does not allow folders here',
        place: { file: '/proc/chokepoint-test' },
      }),
    );
  });
});
