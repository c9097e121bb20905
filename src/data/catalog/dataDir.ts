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

  /**
   * A fresh scratch folder under tmp/, tmp/<prefix>-<owner>-<uuid> where owner names this process (scratchOwner);
   * the caller renames it into the store or removes it.
   */
  scratch(prefix: string): string {
    this.ensure();
    const dir = path.join(this.tmpDir, `${prefix}-${scratchOwner}-${randomUUID()}`);
    makeDirectory(dir);
    return dir;
  }

  /**
   * Removes the scratch folders of processes that are gone (killed, crashed: their `finally` never ran), garbage by
   * the rules above; run when the CLI and the server start. A folder whose process still runs is left alone, and so
   * is anything scratch() did not make (tmp/duckdb, tmp/downloads) or whose owner is not recorded. Best effort: a
   * folder that cannot be removed now is tried again next time. Returns the names removed.
   */
  removeAbandonedScratch(): string[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.tmpDir);
    } catch {
      return []; // no tmp/ yet
    }
    const removed: string[] = [];
    for (const name of names) {
      const dir = path.join(this.tmpDir, name);
      if (!isAbandoned(name, dir)) continue;
      try {
        fs.rmSync(dir, { recursive: true, force: true });
        removed.push(name);
      } catch {
        // in use or not ours to remove: left for the next start
      }
    }
    return removed;
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

/**
 * This process as scratch folder names record it: pid and start time (ms since the epoch, base 36). The start time
 * tells a later process that got the same pid (a container's pid 1 after a restart) from this one.
 */
const scratchOwner = `p${process.pid}-${Math.round(performance.timeOrigin).toString(36)}`;

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ownedScratch = new RegExp(`-(p(\\d+)-[0-9a-z]+)-${uuid}$`);
/** Scratch folders of earlier versions: no owner in the name; BACI imports wrote their pid into a file `pid`. */
const unownedScratch = new RegExp(`-${uuid}$`);

function isAbandoned(name: string, dir: string): boolean {
  const owned = ownedScratch.exec(name);
  if (owned) return owned[1] !== scratchOwner && !otherProcessRuns(Number(owned[2]));
  if (!unownedScratch.test(name)) return false;
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8'));
  } catch {
    return false; // whose it is cannot be told: left alone
  }
  return Number.isInteger(pid) && pid > 0 && !otherProcessRuns(pid);
}

/**
 * Whether a process other than this one runs with `pid`. This one's own pid counts as not: a folder recorded with it
 * but not with this process's start time (or in an old pid file, which this version never writes) is from an
 * earlier process that had the same pid.
 */
function otherProcessRuns(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // runs, as another user
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
