import { createHash } from 'node:crypto';
import { captureReads, readerKey, replayReads, type ReadSource } from '../data/security/index.ts';

/**
 * A small in-process LRU cache of computed results (screens, dossiers). Keys hash everything the result depends
 * on — the resolved query input (dataset version, reporter, year, thresholds, groups, critical codes) — and the
 * cache adds what the reader can see (readerKey), so a result computed for one clearance is never served to
 * another. A value keeps the reads it was computed from (readContext.ts) and replays them into every request it
 * is served to, so a cached result is marked exactly like a computed one.
 */
export class ResultCache<T> {
  private readonly entries = new Map<string, Promise<{ value: T; reads: ReadSource[] }>>();

  constructor(private readonly capacity: number) {}

  static key(parts: unknown): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  /** The cached value, or compute it once (concurrent callers share the same computation). */
  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const fullKey = `${key}\u0000${readerKey()}`;
    let entry = this.entries.get(fullKey);
    if (entry) {
      this.entries.delete(fullKey);
      this.entries.set(fullKey, entry);
    } else {
      entry = captureReads(compute);
      this.entries.set(fullKey, entry);
      entry.catch(() => this.entries.delete(fullKey));
      while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    const { value, reads } = await entry;
    replayReads(reads);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
