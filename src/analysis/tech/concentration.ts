import { hhi } from '../hhi.ts';
import { countriesTo } from '../countriesTo.ts';

/**
 * Concentration of a capability or of supply across countries (cf. ASPI Critical Technology Tracker, 2023:
 * the leading country's share, the lead over the runner-up, and how many countries hold most of the output).
 * Inputs are amounts per country (patents, exports); shares are amount / Σ amount over the countries given.
 */
export interface CountryAmount {
  country: string;
  amount: number;
}

export interface Concentration {
  total: number;
  /** Countries sorted by amount, largest first, with their shares (0–1). */
  ranked: { country: string; amount: number; share: number }[];
  topCountry: string | null;
  topShare: number | null;
  runnerUp: string | null;
  /** Leader's amount ÷ runner-up's (ASPI's "lead" measure); null when there is no runner-up with a positive amount. */
  leadRatio: number | null;
  /** Smallest number of countries whose shares add up to at least `reach` (default 75 %). */
  countriesToReach: number | null;
  /** Herfindahl–Hirschman index Σ s² (0–1). */
  hhi: number | null;
}

export function concentration(amounts: readonly CountryAmount[], reach = 0.75): Concentration {
  const positive = amounts.filter((a) => a.amount > 0);
  const total = positive.reduce((s, a) => s + a.amount, 0);
  if (total <= 0) {
    return {
      total: 0,
      ranked: [],
      topCountry: null,
      topShare: null,
      runnerUp: null,
      leadRatio: null,
      countriesToReach: null,
      hhi: null,
    };
  }
  const ranked = [...positive]
    .sort((a, b) => b.amount - a.amount || a.country.localeCompare(b.country))
    .map((a) => ({ country: a.country, amount: a.amount, share: a.amount / total }));
  const [first, second] = ranked;
  return {
    total,
    ranked,
    topCountry: first.country,
    topShare: first.share,
    runnerUp: second?.country ?? null,
    leadRatio: second ? first.amount / second.amount : null,
    countriesToReach: countriesTo(
      ranked.map((r) => r.share),
      reach,
    ),
    hhi: hhi(ranked.map((r) => r.share)),
  };
}

/** Share of `country` in the amounts (0 when absent); null when the total is zero. */
export function shareOf(amounts: readonly CountryAmount[], country: string): number | null {
  let total = 0;
  let own = 0;
  for (const a of amounts) {
    if (a.amount <= 0) continue;
    total += a.amount;
    if (a.country === country) own += a.amount;
  }
  return total > 0 ? own / total : null;
}
