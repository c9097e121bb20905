import { createHash } from 'node:crypto';

/**
 * A small in-process LRU cache of computed results (screens, dossiers). Keys hash everything the result depends
 * on — the resolved query input (dataset version, reporter, year, thresholds, groups, critical codes) and the
 * marking — so an edit of a group or a threshold is a different key, never a stale hit.
 */
export class ResultCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly capacity: number) {}

  static key(parts: unknown): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  /** The cached value, or compute it once (concurrent callers share the same computation). */
  get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
