import { ChokepointError, type Place } from '../../errors.ts';

/** Months as integers (year·12 + month − 1) so that month arithmetic is subtraction. */
export function periodIndex(period: string, place: Place = {}): number {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) {
    throw new ChokepointError('bad_input', `period "${period}" is not a month YYYY-MM`, place);
  }
  return Number(m[1]) * 12 + month - 1;
}

export function periodString(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

/** Accepts 2023-07, 2023-07-01, 202307, 2023/7 and 2023M07; returns YYYY-MM or undefined. */
export function normalisePeriod(raw: string): string | undefined {
  const s = raw.trim();
  let m = /^(\d{4})[-/.]?M?(\d{1,2})(?:[-/.]\d{1,2})?(?:[T ].*)?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})$/.exec(s);
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return `${m[1]}-${month < 10 ? '0' : ''}${month}`;
}
