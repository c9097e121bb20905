import { describe, expect, it } from 'vitest';
import { formatMoney, formatShare, formatUsd, formatYen } from '../../web/src/format/numbers.ts';

describe('money formatting', () => {
  it('writes yen with 億 and 兆 in Japanese', () => {
    expect(formatYen(123_000_000_000, 'ja')).toBe('1,230億円');
    expect(formatYen(2_500_000_000_000, 'ja')).toBe('2.5兆円');
    expect(formatYen(56_700, 'ja')).toBe('5.67万円');
    expect(formatYen(999, 'ja')).toBe('999円');
  });

  it('writes dollars in words in English and with 億ドル in Japanese', () => {
    expect(formatUsd(1_234_000_000, 'en')).toBe('$1.23 billion');
    expect(formatUsd(1_234_000_000, 'ja')).toBe('12.3億ドル');
  });

  it('converts USD to yen at the stated rate, and refuses without one', () => {
    // 1 billion USD at 150 JPY/USD = 150 billion yen = 1,500億円
    expect(formatMoney(1e9, { lang: 'ja', currency: 'JPY', jpyPerUsd: 150 })).toBe('1,500億円');
    expect(() => formatMoney(1e9, { lang: 'ja', currency: 'JPY' })).toThrow(/rate/);
  });

  it('formats shares as percentages', () => {
    expect(formatShare(0.4567, 'en')).toBe('45.7%');
    expect(formatShare(null, 'en')).toBe('—');
  });
});

describe('job stages in the reader’s language', () => {
  it('translates the verb and keeps the file name; English and unknown stages stay as written', async () => {
    const { jobStageText } = await import('../../web/src/format/jobStage.ts');
    expect(jobStageText('copying BACI_HS17.csv', 'ja')).toBe('コピー中 BACI_HS17.csv');
    expect(jobStageText('screening every reporter (one DuckDB pass)', 'ja')).toBe(
      '全報告国をスクリーニング中（DuckDB で1回の走査）',
    );
    expect(jobStageText('copying BACI_HS17.csv', 'en')).toBe('copying BACI_HS17.csv');
    expect(jobStageText('copyingX', 'ja')).toBe('copyingX');
    expect(jobStageText(null, 'ja')).toBe('');
  });
});

describe('the app-wide currency preference', () => {
  it('converts USD at the rate the user stated, in 億円/兆円 (ja) and "¥… billion" (en)', async () => {
    const { formatMoneyFor } = await import('../../web/src/format/numbers.ts');
    const yen150 = { currency: 'JPY' as const, jpyPerUsd: 150 };
    // By hand: 1.23e9 USD × 150 = 1.845e11 yen = 1,845 × 1e8 → "1,845億円"; in English 184.5 billion yen.
    expect(formatMoneyFor(1.23e9, 'ja', yen150)).toBe('1,845億円');
    expect(formatMoneyFor(1.23e9, 'en', yen150)).toBe('¥184.5 billion');
    // 8.2e9 USD × 150 = 1.23e12 yen → 1.23兆円 / ¥1.23 trillion.
    expect(formatMoneyFor(8.2e9, 'ja', yen150)).toBe('1.23兆円');
    expect(formatMoneyFor(8.2e9, 'en', yen150)).toBe('¥1.23 trillion');
    // Another rate changes the figure proportionally: 1e9 × 149.5 = 1.495e11 → 1,495億円.
    expect(formatMoneyFor(1e9, 'ja', { currency: 'JPY', jpyPerUsd: 149.5 })).toBe('1,495億円');
    // Yen chosen without a rate, or USD chosen with one: dollars.
    expect(formatMoneyFor(1.23e9, 'ja', { currency: 'JPY', jpyPerUsd: null })).toBe('12.3億ドル');
    expect(formatMoneyFor(1.23e9, 'en', { currency: 'USD', jpyPerUsd: 150 })).toBe('$1.23 billion');
    expect(formatMoneyFor(null, 'en', yen150)).toBe('—');
  });

  it('checks a typed rate: plain numbers (also full-width) in 1–10,000; commas and text refused', async () => {
    const { parseJpyRate } = await import('../../web/src/format/numbers.ts');
    expect(parseJpyRate(' 150 ')).toEqual({ ok: true, rate: 150 });
    expect(parseJpyRate('149.5')).toEqual({ ok: true, rate: 149.5 });
    expect(parseJpyRate('１５０')).toEqual({ ok: true, rate: 150 });
    expect(parseJpyRate('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseJpyRate('1,500')).toEqual({ ok: false, reason: 'notNumber' });
    expect(parseJpyRate('150円')).toEqual({ ok: false, reason: 'notNumber' });
    expect(parseJpyRate('-150')).toEqual({ ok: false, reason: 'notNumber' });
    expect(parseJpyRate('0.15')).toEqual({ ok: false, reason: 'outOfRange' });
    expect(parseJpyRate('15000')).toEqual({ ok: false, reason: 'outOfRange' });
  });

  it('reads a stored preference defensively (bad JSON, bad rate → USD / no rate)', async () => {
    const { readCurrencyPreference } = await import('../../web/src/format/currency.tsx');
    expect(readCurrencyPreference(null)).toEqual({ currency: 'USD', jpyPerUsd: null });
    expect(readCurrencyPreference('not json')).toEqual({ currency: 'USD', jpyPerUsd: null });
    expect(readCurrencyPreference('{"currency":"JPY","jpyPerUsd":150}')).toEqual({
      currency: 'JPY',
      jpyPerUsd: 150,
    });
    expect(readCurrencyPreference('{"currency":"JPY","jpyPerUsd":-3}')).toEqual({
      currency: 'JPY',
      jpyPerUsd: null,
    });
    expect(readCurrencyPreference('{"currency":"EUR","jpyPerUsd":"150"}')).toEqual({
      currency: 'USD',
      jpyPerUsd: null,
    });
  });
});

describe('scenario charts in the reader’s currency', () => {
  it('labels the kUSD axis and tooltip values in yen at the stated rate, keeping the rest of the chart', async () => {
    const { inReaderCurrency } = await import('../../web/src/features/scenarios/money.tsx');
    const { formatMoneyFor } = await import('../../web/src/format/numbers.ts');
    const money = (kusd: number) => formatMoneyFor(kusd * 1000, 'ja', { currency: 'JPY', jpyPerUsd: 150 });
    const chart = inReaderCurrency(
      {
        tooltip: { trigger: 'axis' },
        yAxis: { type: 'value', name: 'kUSD' },
        series: [{ type: 'bar', data: [1] }],
      },
      money,
    ) as {
      tooltip: { trigger: string; valueFormatter: (v: unknown) => string };
      yAxis: { type: string; name: string; axisLabel: { formatter: (v: number) => string } };
      series: unknown[];
    };
    // 1,000,000 kUSD = 1e9 USD; × 150 = 1.5e11 yen = 1,500億円.
    expect(chart.yAxis.axisLabel.formatter(1_000_000)).toBe('1,500億円');
    expect(chart.tooltip.valueFormatter(1_000_000)).toBe('1,500億円');
    expect(chart.yAxis).toMatchObject({ type: 'value', name: '' });
    expect(chart.tooltip.trigger).toBe('axis');
    expect(chart.series).toHaveLength(1);
  });
});
