import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from '../../components/Chart.tsx';
import { useCurrency } from '../../format/currency.tsx';
import { formatNumber } from '../../format/numbers.ts';
import type { Ranged } from './types.ts';

/**
 * Formats thousand-USD figures (the unit of scenario results) in the reader's currency, the app-wide preference
 * set in the header (億円/兆円 in Japanese when yen).
 */
export function useMoney(): (kusd: number | null | undefined) => string {
  const { money } = useCurrency();
  return useCallback(
    (kusd: number | null | undefined) =>
      kusd === null || kusd === undefined || Number.isNaN(kusd) ? '—' : money(kusd * 1000),
    [money],
  );
}

/**
 * A chart of thousand-USD values (shaping.ts: y axis "kUSD") shown in the reader's currency: axis labels and
 * tooltip values through `money`, the axis name dropped since each label carries its unit.
 */
export function inReaderCurrency(option: ChartOption, money: (kusd: number) => string): ChartOption {
  const tooltip = (option.tooltip ?? {}) as Record<string, unknown>;
  const yAxis = (option.yAxis ?? {}) as Record<string, unknown>;
  return {
    ...option,
    tooltip: {
      ...tooltip,
      valueFormatter: (v: unknown) => (typeof v === 'number' ? money(v) : String(v ?? '—')),
    },
    yAxis: { ...yAxis, name: '', axisLabel: { formatter: (v: number) => money(v) } },
  };
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
