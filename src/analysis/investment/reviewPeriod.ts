import { addDays } from './feftaAssessment.ts';

/**
 * The end of the FEFTA review period (外為法 27条): 30 days from the acceptance of the prior notification
 * (27条2項); the ministers may shorten it (27条2項 ただし書: in practice to 5 business days or 2 weeks) or extend
 * it to 4 months, and to 5 months when a recommendation is being considered (27条3項・6項). Dates are calendar
 * days in UTC (YYYY-MM-DD).
 */
export const reviewDays = 30;
export const maxExtendedMonths = 5;

export type ReviewChange = { kind: 'shortened'; days: number } | { kind: 'extended'; until: string };

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/** The day the review ends, or the reason the change is not allowed. */
export function reviewEnds(acceptedOn: string, change?: ReviewChange): { ends: string } | { error: string } {
  const standard = addDays(acceptedOn, reviewDays);
  if (!change) return { ends: standard };
  if (change.kind === 'shortened') {
    if (!(Number.isInteger(change.days) && change.days >= 1 && change.days < reviewDays))
      return { error: `a shortened review lasts 1–${reviewDays - 1} days, not ${change.days}` };
    return { ends: addDays(acceptedOn, change.days) };
  }
  const limit = addMonths(acceptedOn, maxExtendedMonths);
  if (!(change.until > standard))
    return { error: `an extension ends after ${standard} (30 days from acceptance)` };
  if (change.until > limit)
    return {
      error: `the review may be extended to ${limit} at most (${maxExtendedMonths} months from acceptance)`,
    };
  return { ends: change.until };
}

/** Whole days from `today` to `deadline` (negative once it has passed). */
export function daysLeft(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
