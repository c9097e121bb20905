import type pg from 'pg';

export type NotifyHandler = (payload: string) => void;
export type ReliabilityHandler = (reliable: boolean) => void;

export interface ListenBackoff {
  /** Wait before the first reconnection attempt after the LISTEN connection dropped (doubled each failure). */
  firstMs: number;
  maxMs: number;
}

interface Subscriber {
  onNotify: NotifyHandler;
  onReliability?: ReliabilityHandler;
}

const channelPattern = /^[a-z_][a-z0-9_]*$/;
/** A silently dead connection (no TCP reset) is noticed by a heartbeat query that does not answer in time. */
const heartbeatMs = 5_000;

/**
 * NOTIFY delivery on a PostgreSQL server (StateDb.listen, src/data/state/db.ts), with a flag saying whether it
 * can be relied on.
 *
 * - One dedicated connection LISTENs for changes committed by other processes (another server, the CLI, psql).
 *   They arrive asynchronously, normally within a millisecond of the commit on a local server.
 * - Every pooled connection LISTENs too, from the moment it is acquired after the first subscription: PostgreSQL
 *   sends a session its own notifications before it reports the statement (or COMMIT) complete, so a change
 *   committed through this StateDb reaches the handlers before the writing call returns, as on PGlite.
 *   A notification may therefore reach a handler more than once: handlers must be idempotent.
 * - `reliable` is true only while the dedicated connection is up and listening. When it drops (server restart,
 *   pg_terminate_backend, network), notifications committed meanwhile are lost: subscribers hear
 *   onReliability(false) at once, and onReliability(true) after it has reconnected (with backoff) and LISTENs
 *   again — so anything cached before or during the gap must be dropped then.
 */
export class PgNotifications {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly pooled = new WeakMap<pg.Client, Set<string>>();
  private listener: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;
  reliable = false;

  constructor(
    private readonly newClient: () => pg.Client,
    pool: pg.Pool,
    private readonly backoff: ListenBackoff,
  ) {
    // Synchronous before the acquirer's first query: the LISTEN is queued ahead of it on the same connection.
    pool.on('acquire', (client) => this.listenPooled(client));
  }

  async subscribe(
    channel: string,
    onNotify: NotifyHandler,
    onReliability?: ReliabilityHandler,
  ): Promise<() => Promise<void>> {
    if (!channelPattern.test(channel)) throw new Error(`invalid channel name ${channel}`);
    if (this.closed) throw new Error('the state database is closed');
    const subscriber: Subscriber = { onNotify, onReliability };
    let set = this.subscribers.get(channel);
    const newChannel = !set;
    if (!set) this.subscribers.set(channel, (set = new Set()));
    set.add(subscriber);
    if (this.listener && newChannel) {
      try {
        await this.listener.query(`LISTEN ${channel}`);
      } catch {
        this.dropped(this.listener);
      }
    } else if (!this.listener) {
      await this.connect();
    }
    return async () => {
      set.delete(subscriber);
      if (set.size) return;
      this.subscribers.delete(channel);
      if (!this.subscribers.size) await this.stop();
      else await this.listener?.query(`UNLISTEN ${channel}`).catch(() => {});
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private dispatch(channel: string, payload: string): void {
    for (const s of this.subscribers.get(channel) ?? []) s.onNotify(payload);
  }

  private setReliable(reliable: boolean): void {
    if (this.reliable === reliable) return;
    this.reliable = reliable;
    for (const set of this.subscribers.values()) for (const s of set) s.onReliability?.(reliable);
  }

  private listenPooled(client: pg.Client): void {
    if (!this.subscribers.size) return;
    let listening = this.pooled.get(client);
    if (!listening) {
      this.pooled.set(client, (listening = new Set()));
      client.on('notification', (m) => this.dispatch(m.channel, m.payload ?? ''));
    }
    for (const channel of this.subscribers.keys()) {
      if (listening.has(channel)) continue;
      listening.add(channel);
      // A failed LISTEN means a broken connection, whose own query fails too; try again on the next acquire.
      client.query(`LISTEN ${channel}`).catch(() => listening.delete(channel));
    }
  }

  /** One attempt to open the dedicated connection; on failure the next is scheduled with backoff. */
  private connect(): Promise<void> {
    if (this.connecting) return this.connecting;
    this.connecting = (async () => {
      const client = this.newClient();
      client.on('error', () => this.dropped(client));
      client.on('end', () => this.dropped(client));
      client.on('notification', (m) => this.dispatch(m.channel, m.payload ?? ''));
      try {
        await client.connect();
        // Until every channel is listened to, including ones subscribed while this was connecting.
        const listening = new Set<string>();
        for (let missing = [...this.subscribers.keys()]; missing.length;) {
          for (const channel of missing) await client.query(`LISTEN ${channel}`);
          missing.forEach((c) => listening.add(c));
          missing = [...this.subscribers.keys()].filter((c) => !listening.has(c));
        }
      } catch {
        client.end().catch(() => {});
        this.scheduleRetry();
        return;
      } finally {
        this.connecting = null;
      }
      if (this.closed || !this.subscribers.size) {
        await client.end().catch(() => {});
        return;
      }
      this.listener = client;
      this.failures = 0;
      this.heartbeat = setInterval(() => this.beat(client), heartbeatMs).unref();
      this.setReliable(true);
    })();
    return this.connecting;
  }

  private beat(client: pg.Client): void {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('heartbeat timeout')), heartbeatMs).unref();
    });
    Promise.race([client.query('SELECT 1'), late])
      .catch(() => this.dropped(client))
      .finally(() => clearTimeout(timer));
  }

  private dropped(client: pg.Client): void {
    if (client !== this.listener) return;
    this.listener = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.setReliable(false);
    client.end().catch(() => {});
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer || !this.subscribers.size) return;
    const delay = Math.min(this.backoff.maxMs, this.backoff.firstMs * 2 ** this.failures);
    this.failures++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay).unref();
  }

  private async stop(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.listener;
    this.listener = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.setReliable(false);
    if (client) await client.end().catch(() => {});
  }
}
