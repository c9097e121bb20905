import type { TradePoint } from './surge.ts';
import { ChokepointError } from '../../errors.ts';

/**
 * Monthly series as trailing twelve-month sums (month m: the sum of months m−11 … m), so that comparing month m
 * with month m−12 compares two whole years and seasonality cancels (as customs offices report "rolling year"
 * figures). Months must be consecutive YYYY-MM; a gap throws, naming it, since a sum over a gap would be short.
 * The first eleven months have no full year and are left out. A quantity missing in any month of the window makes
 * the window's quantity null.
 */
export function trailingYear(months: readonly TradePoint[]): TradePoint[] {
  for (let i = 1; i < months.length; i++) {
    const [y, m] = months[i - 1].period.split('-').map(Number);
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    if (months[i].period !== next) {
      throw new ChokepointError(
        'no_data',
        `month ${next} is missing before ${months[i].period}: no twelve-month sum over a gap`,
        {
          field: 'period',
        },
      );
    }
  }
  const out: TradePoint[] = [];
  for (let i = 11; i < months.length; i++) {
    let value = 0;
    let quantity: number | null = 0;
    for (let j = i - 11; j <= i; j++) {
      value += months[j].value;
      const q = months[j].quantity;
      quantity = quantity === null || q === null ? null : quantity + q;
    }
    out.push({ period: months[i].period, value, quantity });
  }
  return out;
}
