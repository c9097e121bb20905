import type { StateDb } from '../../data/state/db.ts';
import { stateChangeChannel } from '../../data/state/stateChanges.ts';

/**
 * Knows when application state that requests read every time (sessions with their users and organisations,
 * dataset markings, country groups, critical goods) may have changed, so that those reads can be kept in memory
 * (docs/benchmarks.md, Screening: on embedded PGlite each state query costs ~1 ms of the one thread, which at 50
 * concurrent requests alone exceeds a 50 ms p95).
 *
 * Enabled only where the state database announces every committed change synchronously: embedded PGlite, which
 * delivers NOTIFY (migration 102, notifyStateChange) at commit before the writing call returns, and whose only
 * writer is this process. A disabled user, an ended session or a raised marking is therefore seen by the very
 * next request. On PostgreSQL other processes write too and notifications arrive later on another connection,
 * so nothing is cached there and every request reads the state as before.
 */
export class StateWatch {
  /** Bumped on every announced change; a cached value is valid only for the generation it was read in. */
  generation = 0;

  private constructor(
    readonly enabled: boolean,
    private readonly unlisten: () => Promise<void>,
  ) {}

  static async open(db: StateDb): Promise<StateWatch> {
    if (!db.listenSync) return new StateWatch(false, async () => {});
    let watch: StateWatch | undefined;
    const unlisten = await db.listenSync(stateChangeChannel, () => {
      if (watch) watch.generation++;
    });
    watch = new StateWatch(true, unlisten);
    return watch;
  }

  async close(): Promise<void> {
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
 * `maxAgeMs` (and never past a value's own `validUntil`, e.g. a session's expiry). Misses and a disabled watch
 * simply load. Nothing is cached for a null load (unknown session), nor when the state changed during the load.
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
    const hit = this.entries.get(key);
    if (hit && hit.generation === this.watch.generation && hit.until > now) return hit.value;
    if (hit) this.entries.delete(key);
    const generation = this.watch.generation;
    const loaded = await load();
    if (!loaded) return null;
    if (this.watch.enabled && generation === this.watch.generation) {
      const until = Math.min(now + this.maxAgeMs, loaded.validUntil ?? Infinity);
      this.entries.set(key, { value: loaded.value, generation, until });
      while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    return loaded.value;
  }
}
