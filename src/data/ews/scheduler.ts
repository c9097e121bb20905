import { dueItems, markScanned, type AlertRecord, type ItemRecord } from './ewsState.ts';
import { listTargets, notify, type Delivery, type NotifyOptions } from './notify.ts';
import { syncCriticalGoodsLists } from './criticalGoodsList.ts';
import type { StateDb } from '../state/db.ts';

/**
 * Runs scans at each monitored item's cadence, in process. `tick()` scans every item that is due (next scan time
 * ≤ the clock), stores new alerts, moves the item's next scan on by its cadence and notifies the targets. Each tick
 * first brings the critical-goods lists in line with the registry (criticalGoodsList.ts), whatever changed it.
 * The clock is injected so tests can move time; `start()` ticks on a timer in the server.
 */
export interface SchedulerOptions {
  state: StateDb;
  scan: (item: ItemRecord) => Promise<{ stored: AlertRecord[]; note?: string }>;
  clock?: () => Date;
  notify?: NotifyOptions;
  onError?: (item: ItemRecord, error: unknown) => void;
}

export interface TickReport {
  at: string;
  scanned: { item: string; alerts: number; note?: string; error?: string }[];
  deliveries: Delivery[];
}

export class EwsScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<TickReport>;

  constructor(private readonly options: SchedulerOptions) {}

  now(): Date {
    return this.options.clock ? this.options.clock() : new Date();
  }

  async tick(): Promise<TickReport> {
    // One tick at a time: a slow scan never overlaps the next.
    if (this.running) return this.running;
    this.running = this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<TickReport> {
    const now = this.now();
    const report: TickReport = { at: now.toISOString(), scanned: [], deliveries: [] };
    const fresh: AlertRecord[] = [];
    await syncCriticalGoodsLists(this.options.state, now);
    for (const item of await dueItems(this.options.state, now)) {
      try {
        const { stored, note } = await this.options.scan(item);
        fresh.push(...stored);
        report.scanned.push({ item: item.id, alerts: stored.length, note });
      } catch (error) {
        this.options.onError?.(item, error);
        report.scanned.push({ item: item.id, alerts: 0, error: (error as Error).message });
      }
      // A failed scan waits for the next cadence too, so one broken item cannot spin.
      await markScanned(this.options.state, item, now);
    }
    if (fresh.length)
      report.deliveries = await notify(await listTargets(this.options.state), fresh, this.options.notify);
    return report;
  }

  start(intervalMs = 60_000): void {
    this.stop();
    this.timer = setInterval(() => void this.tick().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
