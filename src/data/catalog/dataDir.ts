import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { makeDirectory } from './makeDirectory.ts';
import { currentReadContext, recordDatasetRead } from '../security/readContext.ts';

/**
 * Layout of a data directory:
 *   catalog/<dataset>.json      one entry per dataset: manifest, provenance, counts, where its files are
 *   store/<dataset>/<version>/  the dataset's files (Parquet, JSON), never changed once written
 *   state/                      the embedded application database (PGlite) when DATABASE_URL is unset
 *   state.lock                  who has state/ open (one process at a time: state/stateLock.ts)
 *   cache/                      copies kept to save time (e.g. the partner groups last screened with);
 *                               deleting them is always safe
 *   tmp/                        work in progress; anything here after a crash is garbage
 */
export class DataDir {
  constructor(readonly root: string) {}

  get catalogDir(): string {
    return path.join(this.root, 'catalog');
  }
  get storeDir(): string {
    return path.join(this.root, 'store');
  }
  get stateDir(): string {
    return path.join(this.root, 'state');
  }
  get cacheDir(): string {
    return path.join(this.root, 'cache');
  }
  get tmpDir(): string {
    return path.join(this.root, 'tmp');
  }

  ensure(): this {
    for (const dir of [this.catalogDir, this.storeDir, this.tmpDir]) makeDirectory(dir);
    return this;
  }

  /** A fresh scratch folder under tmp/; the caller renames it into the store or removes it. */
  scratch(prefix: string): string {
    this.ensure();
    const dir = path.join(this.tmpDir, `${prefix}-${randomUUID()}`);
    makeDirectory(dir);
    return dir;
  }

  /** Removes leftovers of interrupted work. Safe because nothing outside tmp/ points into it. */
  clearScratch(): void {
    fs.rmSync(this.tmpDir, { recursive: true, force: true });
    makeDirectory(this.tmpDir);
  }

  /**
   * The folder of a dataset's stored files, for reading them: records the read in the current read context, so
   * whatever is computed from the files is marked with the dataset's marking (readContext.ts). Every reader of
   * stored dataset files goes through here.
   */
  datasetDir(entry: { id: string; path: string }): string {
    recordDatasetRead(entry.id);
    return this.absolute(entry.path);
  }

  /** " in /the/data/dir" for the operator (CLI) in messages; nothing for an API reader: no server paths. */
  get whereForMessages(): string {
    return currentReadContext() ? '' : ` in ${this.root}`;
  }

  absolute(relative: string): string {
    return path.join(this.root, relative);
  }
}

/** Write a file so that readers see either the old or the new content, never a half-written one. */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  makeDirectory(path.dirname(file));
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
