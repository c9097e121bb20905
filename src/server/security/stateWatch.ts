import { type StateDb, stateChangeChannel } from '../../data/state/index.ts';

/**
 * Knows when application state that requests read every time (sessions with their users and organisations,
 * dataset markings, country groups, critical goods) may have changed, so that those reads can be kept in memory
 * (docs/benchmarks.md, Screening API: each state query costs ~1 ms of PGlite's one thread, or a pooled round trip
 * on PostgreSQL, which at 50 concurrent requests alone exceeds a 50 ms p95).
 *
 * Every committed change is announced by NOTIFY (migration 102, notifyStateChange), which StateDb.listen delivers
 * before the writing call returns when the change was made through this server's StateDb, on both back ends: a
 * disabled user, an ended session or a raised marking is seen by the very next request. On PostgreSQL a change
 * committed by another process (a second server, the CLI, psql) is seen as soon as its notification arrives on
 * the LISTEN connection, normally within a millisecond of the commit.
 *
 * Security first: while notifications are not reliable (PostgreSQL: the LISTEN connection dropped and is being
 * reopened with backoff) `reliable` is false and the caches neither serve nor keep anything, so every request
 * reads the state; losing or regaining reliability bumps the generation, which drops everything cached before.
 */
export class StateWatch {
  /** Bumped on every announced change and reliability change; a cached value is valid only in its generation. */
  generation = 0;
  private closed = false;
  private unlisten: () => Promise<void> = async () => {};

  private constructor(private readonly db: StateDb) {}

  /** Cached values may be served and kept only while this is true. */
  get reliable(): boolean {
    return !this.closed && this.db.notificationsReliable;
  }

  static async open(db: StateDb): Promise<StateWatch> {
    const watch = new StateWatch(db);
    const bump = () => void watch.generation++;
    watch.unlisten = await db.listen(stateChangeChannel, bump, bump);
    return watch;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.generation++;
    try {
      await this.unlisten();
    } catch {
      // The database may be closed already (the app closes it on shutdown).
    }
  }
}

/**
 * A bounded in-memory cache of state reads, valid while the StateWatch generation is unchanged and at most
 * `maxAgeMs` (and never past a value's own `validUntil`, e.g. a session's expiry). Misses, and every read while
 * the watch is not reliable, simply load. Nothing is cached for a null load (unknown session), nor when the state changed during the load.
 */
export class StateReadCache<T> {
  private readonly entries = new Map<string, { value: T; generation: number; until: number }>();

  constructor(
    private readonly watch: StateWatch,
    private readonly capacity: number,
    private readonly maxAgeMs: number,
  ) {}

  async get(key: string, load: () => Promise<{ value: T; validUntil?: number } | null>): Promise<T | null> {
    const now = Date.now();
    const reliable = this.watch.reliable;
    const hit = this.entries.get(key);
    if (hit && reliable && hit.generation === this.watch.generation && hit.until > now) return hit.value;
    if (hit) this.entries.delete(key);
    const generation = this.watch.generation;
    const loaded = await load();
    if (!loaded) return null;
    // Reliable at the start and the same generation at the end: reliable throughout (a drop bumps the generation).
    if (reliable && generation === this.watch.generation) {
      const until = Math.min(now + this.maxAgeMs, loaded.validUntil ?? Infinity);
      this.entries.set(key, { value: loaded.value, generation, until });
      while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    return loaded.value;
  }
}
