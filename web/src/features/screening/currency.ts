import { useState } from 'react';
import { formatMoney, type Currency } from '../../format/numbers.ts';

/**
 * The user's currency for import values. Trade data are in USD and the datasets carry no exchange rate, so yen
 * (億円/兆円) is shown only with a rate the user states; the provenance footer repeats that rate.
 */
export interface CurrencyChoice {
  currency: Currency;
  /** JPY per USD, stated by the user; null when none was given. */
  jpyPerUsd: number | null;
}

const storageKey = 'chokepoint.screening.currency';

export function readCurrencyChoice(raw: string | null): CurrencyChoice {
  try {
    const parsed = JSON.parse(raw ?? '') as Partial<CurrencyChoice>;
    const rate = typeof parsed.jpyPerUsd === 'number' && parsed.jpyPerUsd > 0 ? parsed.jpyPerUsd : null;
    return { currency: parsed.currency === 'JPY' ? 'JPY' : 'USD', jpyPerUsd: rate };
  } catch {
    return { currency: 'USD', jpyPerUsd: null };
  }
}

/** The currency actually used: yen only when a positive rate is given, USD otherwise. */
export function effectiveCurrency(choice: CurrencyChoice): Currency {
  return choice.currency === 'JPY' && choice.jpyPerUsd !== null && choice.jpyPerUsd > 0 ? 'JPY' : 'USD';
}

export function moneyText(usd: number, lang: string, choice: CurrencyChoice): string {
  const currency = effectiveCurrency(choice);
  return formatMoney(usd, { lang, currency, jpyPerUsd: currency === 'JPY' ? choice.jpyPerUsd! : undefined });
}

/** The choice, remembered in this browser. */
export function useCurrencyChoice(): [CurrencyChoice, (choice: CurrencyChoice) => void] {
  const [choice, setChoice] = useState<CurrencyChoice>(() =>
    readCurrencyChoice(localStorage.getItem(storageKey)),
  );
  return [
    choice,
    (next) => {
      localStorage.setItem(storageKey, JSON.stringify(next));
      setChoice(next);
    },
  ];
}
