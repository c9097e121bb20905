import type { InboxFilters } from './shape.ts';
import { inboxFilterKeys } from './inbox.ts';

/**
 * What an empty inbox tells the user to do next (issue 27): alerts come from scans of monitored items over a
 * stored monthly dataset; each missing step links to the Data and items tab (#/ews/setup) that does it, with the
 * command that does the same (README, "Early warning").
 */
export type InboxStepId = 'data' | 'items' | 'scan';

export interface InboxStep {
  id: InboxStepId;
  /** Already there: the count of monthly datasets or monitored items; null for the scan, which leaves no trace. */
  done: number | null;
  /** The command that does the step. */
  command: string;
}

export const inboxStepCommands: Record<InboxStepId, string> = {
  data: 'chokepoint ews import MONTHLY.csv --dataset cn-hs6 --reporter CHN --flow export --unit kg --map …',
  items: 'chokepoint ews items critical-goods --reporter JPN',
  scan: 'chokepoint ews items scan-due',
};

/** True when the inbox shows every alert (no filter set), so that its emptiness says there are no alerts at all. */
export function unfiltered(filters: InboxFilters): boolean {
  return inboxFilterKeys.every((k) => !filters[k]?.trim());
}

/** The three steps to a first alert, each marked done when what it makes is there. */
export function inboxSteps(monthlyDatasets: number, items: number): InboxStep[] {
  return [
    { id: 'data', done: monthlyDatasets > 0 ? monthlyDatasets : null, command: inboxStepCommands.data },
    { id: 'items', done: items > 0 ? items : null, command: inboxStepCommands.items },
    { id: 'scan', done: null, command: inboxStepCommands.scan },
  ];
}
