import type { Marking } from '../../analysis/marking.ts';
import type { AuditInput } from '../../data/security/index.ts';

/**
 * The audit of marked reads at volume (docs/security.md § Audit of reads). Every read of marked content is on
 * record, but not as one entry per request: at 50 connections a single analyst paging a screen made 63,000
 * entries in two minutes, which buried the changes and exports an auditor looks for. Instead:
 * - the first read of an object by a user in an hour is appended at once (before the response leaves), with
 *   the marking read — so who saw what, and when first, survives a crash;
 * - further reads of that object by that user in that hour are counted in memory and appended as one
 *   `read.repeat` entry with the count when the hour ends, at every flush (each `flushMs`) and when the
 *   server closes. A crash loses at most one flush interval of repeat counts, never a first read.
 */
export interface Actor {
  actorId: string | null;
  actor: string;
}

export interface ReadKey {
  objectType: string;
  objectId: string;
  marking: Marking;
}

interface Counted {
  input: AuditInput;
  hour: string;
  repeats: number;
}

type Append = (input: AuditInput) => Promise<unknown>;

export class ReadAudit {
  private readonly seen = new Map<string, Counted>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly append: Append,
    private readonly flushMs = 5 * 60_000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.flush().catch(() => undefined), this.flushMs);
    this.timer.unref();
  }

  /** Records a read by `actor`; resolves once it is on record (at once for the first read in the hour). */
  async read(actor: Actor, key: ReadKey): Promise<void> {
    const hour = this.now().toISOString().slice(0, 13);
    const id = JSON.stringify([actor.actorId, actor.actor, key.objectType, key.objectId, key.marking, hour]);
    const known = this.seen.get(id);
    if (known) {
      known.repeats++;
      return;
    }
    const input: AuditInput = {
      ...actor,
      action: 'read',
      objectType: key.objectType,
      objectId: key.objectId,
      marking: key.marking,
      details: { hour: `${hour}:00Z` },
    };
    this.seen.set(id, { input, hour, repeats: 0 });
    try {
      await this.append(input);
    } catch (error) {
      this.seen.delete(id); // not on record: the next read tries again
      throw error;
    }
  }

  /** Appends the repeat counts gathered so far and forgets the hours that have ended. */
  async flush(): Promise<void> {
    const hour = this.now().toISOString().slice(0, 13);
    for (const [id, counted] of [...this.seen]) {
      if (counted.repeats > 0) {
        const repeats = counted.repeats;
        counted.repeats = 0;
        await this.append({
          ...counted.input,
          action: 'read.repeat',
          details: { hour: `${counted.hour}:00Z`, count: repeats },
        });
      }
      if (counted.hour !== hour) this.seen.delete(id);
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
