import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber, type Currency } from '../../format/numbers.ts';
import type { Ranged } from './types.ts';

/** The currency the user picked for money figures (trade figures are thousand USD in the results). */
export interface MoneyChoice {
  currency: Currency;
  jpyPerUsd: number;
}

export const MoneyContext = createContext<MoneyChoice>({ currency: 'USD', jpyPerUsd: 150 });

/** Formats thousand-USD figures in the chosen currency and locale (億円/兆円 in Japanese when yen). */
export function useMoney(): (kusd: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const choice = useContext(MoneyContext);
  return (kusd) =>
    kusd === null || kusd === undefined || Number.isNaN(kusd)
      ? '—'
      : formatMoney(kusd * 1000, {
          lang: i18n.language,
          currency: choice.currency,
          jpyPerUsd: choice.jpyPerUsd,
        });
}

/**
 * A money figure with its Monte Carlo range; the exact thousand-USD value is kept in data-value (and shown in
 * the title) so that a reader or a test can check it against the export.
 */
export function MoneyRange({ value, testId }: { value: Ranged | null | undefined; testId?: string }) {
  const money = useMoney();
  const { i18n } = useTranslation();
  if (!value) return <span>—</span>;
  const exact = `${formatNumber(value.value, i18n.language, 3)} kUSD`;
  const hasRange = value.p5 !== value.p95;
  return (
    <span data-testid={testId} data-value={value.value} title={exact}>
      {money(value.value)}
      {hasRange && (
        <small className="range">
          {' '}
          [{money(value.p5)}–{money(value.p95)}]
        </small>
      )}
    </span>
  );
}

/** A sector figure (the IO table's unit) with its range. */
export function UnitRange({ value, digits = 1 }: { value: Ranged | null | undefined; digits?: number }) {
  const { i18n } = useTranslation();
  if (!value) return <span>—</span>;
  const f = (v: number) => formatNumber(v, i18n.language, digits);
  return (
    <span data-value={value.value}>
      {f(value.value)}
      {value.p5 !== value.p95 && (
        <small className="range">
          {' '}
          [{f(value.p5)}–{f(value.p95)}]
        </small>
      )}
    </span>
  );
}
