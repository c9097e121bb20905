import type { StateDb } from '../state/db.ts';
import { randomUUID } from 'node:crypto';
import { ChokepointError } from '../../errors.ts';
import { dominates, publicMarking, type Marking } from '../../analysis/marking.ts';
import { levelLabel } from '../../analysis/ews/levels.ts';
import type { AlertRecord } from './ewsState.ts';
import { sendMail, type SmtpOptions } from './smtp.ts';

/**
 * Notifications of new alerts: webhook (HTTP POST of JSON) and e-mail (SMTP). A target receives an alert only
 * when its level reaches the target's minimum and the target's marking dominates the alert's (an alert is never
 * sent where it could not be read).
 */
export interface NotificationTarget {
  id: string;
  kind: 'webhook' | 'email';
  address: string;
  minLevel: number;
  marking: Marking;
}

export interface NotifyOptions {
  smtp?: SmtpOptions & { from: string };
  fetchImpl?: typeof fetch;
}

export async function addTarget(db: StateDb, target: Omit<NotificationTarget, 'id'>): Promise<string> {
  if (target.kind === 'webhook' && !/^https?:\/\//.test(target.address))
    throw new ChokepointError('bad_input', 'a webhook address is an http(s) URL', { field: 'address' });
  if (target.kind === 'email' && !/^[^@\s]+@[^@\s]+$/.test(target.address))
    throw new ChokepointError('bad_input', 'an e-mail address looks like name@domain', { field: 'address' });
  const id = randomUUID();
  await db.query(
    'INSERT INTO ews_notification_targets (id, kind, address, min_level, marking) VALUES ($1, $2, $3, $4, $5)',
    [id, target.kind, target.address, target.minLevel, JSON.stringify(target.marking ?? publicMarking)],
  );
  return id;
}

export async function listTargets(db: StateDb): Promise<NotificationTarget[]> {
  const rows = await db.query<{
    id: string;
    kind: 'webhook' | 'email';
    address: string;
    min_level: number;
    marking: Marking;
  }>('SELECT * FROM ews_notification_targets ORDER BY created_at, id');
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    address: r.address,
    minLevel: r.min_level,
    marking: r.marking,
  }));
}

function mailText(alerts: AlertRecord[]): string {
  return alerts
    .map(
      (a) =>
        `[${levelLabel(a.level)}] ${a.period} ${a.reporter} ${a.flow} ${a.partner} HS ${a.hs}\n${a.explanation.ja}\n${a.explanation.en}`,
    )
    .join('\n\n');
}

export interface Delivery {
  target: string;
  kind: 'webhook' | 'email';
  alerts: number;
  ok: boolean;
  error?: string;
}

/** Sends each target the alerts it may receive; failures are reported per target, never thrown. */
export async function notify(
  targets: NotificationTarget[],
  alerts: AlertRecord[],
  options: NotifyOptions = {},
): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  for (const target of targets) {
    const due = alerts.filter((a) => a.level >= target.minLevel && dominates(target.marking, a.marking));
    // A base alert is not sent where the marked alert that supersedes it goes (the inbox shows one of them too).
    const replaced = new Set(due.map((a) => a.supersedes).filter((id) => id !== null));
    const mine = due.filter((a) => !replaced.has(a.id));
    if (mine.length === 0) continue;
    try {
      if (target.kind === 'webhook') {
        const response = await (options.fetchImpl ?? fetch)(target.address, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ source: 'chokepoint-ews', alerts: mine }),
          signal: AbortSignal.timeout(10_000),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
      } else {
        if (!options.smtp) throw new Error('no SMTP relay configured');
        const top = Math.max(...mine.map((a) => a.level)) as 1 | 2 | 3 | 4;
        await sendMail(options.smtp, {
          from: options.smtp.from,
          to: [target.address],
          subject: `[chokepoint EWS] ${mine.length} 件の警報 / alerts (最高 ${levelLabel(top)})`,
          text: mailText(mine),
        });
      }
      deliveries.push({ target: target.id, kind: target.kind, alerts: mine.length, ok: true });
    } catch (error) {
      deliveries.push({
        target: target.id,
        kind: target.kind,
        alerts: mine.length,
        ok: false,
        error: (error as Error).message,
      });
    }
  }
  return deliveries;
}
