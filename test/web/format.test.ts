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
