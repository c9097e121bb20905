import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import {
  effectiveCurrency,
  formatMoneyFor,
  formatNumber,
  isJpyRateInRange,
  jpyRateRange,
  parseJpyRate,
  usdPreference,
  type CurrencyPreference,
} from './numbers.ts';

/**
 * The app-wide currency preference: US dollars (as the trade data are published) or yen at a rate the user
 * states. One preference for every view, remembered in this browser like the language (localStorage), set in
 * the header (CurrencyControl) and read with useCurrency(). Exports are never converted: they keep the data's USD.
 */
const storageKey = 'chokepoint.currency';
/** Where the screening page kept its own choice before the preference became app-wide; read once if no new one. */
const screeningKey = 'chokepoint.screening.currency';

/** A stored preference, checked: anything unreadable or out of range falls back to USD / no rate. */
export function readCurrencyPreference(raw: string | null): CurrencyPreference {
  try {
    const parsed = JSON.parse(raw ?? '') as Partial<CurrencyPreference>;
    const rate = parsed.jpyPerUsd;
    const valid = typeof rate === 'number' && isJpyRateInRange(rate);
    return { currency: parsed.currency === 'JPY' ? 'JPY' : 'USD', jpyPerUsd: valid ? rate : null };
  } catch {
    return usdPreference;
  }
}

function load(): CurrencyPreference {
  if (typeof localStorage === 'undefined') return usdPreference;
  return readCurrencyPreference(localStorage.getItem(storageKey) ?? localStorage.getItem(screeningKey));
}

let current = load();
const listeners = new Set<() => void>();

export function setCurrencyPreference(next: CurrencyPreference): void {
  current = next;
  localStorage.setItem(storageKey, JSON.stringify(next));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changed it: follow, so two open views never show different currencies for long.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== storageKey) return;
    current = load();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export interface CurrencyView {
  preference: CurrencyPreference;
  /** True when figures are shown in yen (yen chosen and a valid rate stated). */
  yen: boolean;
  /** A USD amount in the reader's currency and language ("—" for no figure). */
  money: (usd: number | null | undefined) => string;
}

export function useCurrency(): CurrencyView {
  const preference = useSyncExternalStore(subscribe, () => current);
  const { i18n } = useTranslation();
  const lang = i18n.language;
  // Stable while the language and the preference are unchanged, so charts memoised on `money` are not redrawn.
  return useMemo(
    () => ({
      preference,
      yen: effectiveCurrency(preference) === 'JPY',
      money: (usd: number | null | undefined) => formatMoneyFor(usd, lang, preference),
    }),
    [preference, lang],
  );
}

/** The header control: currency, and for yen the rate the user states, checked as typed. */
export function CurrencyControl() {
  const { t, i18n } = useTranslation();
  const { preference } = useCurrency();
  const id = useId();
  const [text, setText] = useState(preference.jpyPerUsd === null ? '' : String(preference.jpyPerUsd));
  const check = parseJpyRate(text);
  const invalid = preference.currency === 'JPY' && !check.ok;
  return (
    <div className="currency-control" role="group" aria-label={t('currency.group')}>
      <span>
        <label htmlFor={`${id}-currency`}>{t('currency.label')}</label>{' '}
        <select
          id={`${id}-currency`}
          value={preference.currency}
          onChange={(e) =>
            setCurrencyPreference({
              currency: e.target.value === 'JPY' ? 'JPY' : 'USD',
              jpyPerUsd: check.ok ? check.rate : null,
            })
          }
        >
          <option value="USD">{t('currency.usd')}</option>
          <option value="JPY">{t('currency.jpy')}</option>
        </select>
      </span>
      {preference.currency === 'JPY' && (
        <span className="rate">
          <label htmlFor={`${id}-rate`}>{t('currency.rateLabel')}</label>{' '}
          <input
            id={`${id}-rate`}
            type="text"
            inputMode="decimal"
            size={6}
            value={text}
            aria-invalid={invalid}
            aria-describedby={invalid ? `${id}-error` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              const next = parseJpyRate(e.target.value);
              setCurrencyPreference({ currency: 'JPY', jpyPerUsd: next.ok ? next.rate : null });
            }}
          />{' '}
          <span>{t('currency.rateUnit')}</span>
          {!check.ok && (
            <span id={`${id}-error`} className="rate-error" role="alert">
              {' '}
              {t(`currency.error.${check.reason}`, {
                min: jpyRateRange.min,
                max: formatNumber(jpyRateRange.max, i18n.language, 0),
              })}
            </span>
          )}
        </span>
      )}
    </div>
  );
}
