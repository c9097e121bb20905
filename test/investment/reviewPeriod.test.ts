import { describe, expect, it } from 'vitest';
import { addMonths, daysLeft, reviewEnds } from '../../src/analysis/investment/reviewPeriod.ts';

describe('FEFTA review period (外為法 27条)', () => {
  it('ends 30 days after acceptance', () => {
    expect(reviewEnds('2026-12-01')).toEqual({ ends: '2026-12-31' });
    expect(reviewEnds('2027-02-10')).toEqual({ ends: '2027-03-12' }); // 18 days of February + 12 of March
  });

  it('may be shortened to 1–29 days, and extended to five months at most', () => {
    expect(reviewEnds('2026-12-01', { kind: 'shortened', days: 5 })).toEqual({ ends: '2026-12-06' });
    expect(reviewEnds('2026-12-01', { kind: 'shortened', days: 30 })).toEqual({
      error: 'a shortened review lasts 1–29 days, not 30',
    });
    expect(reviewEnds('2026-12-01', { kind: 'extended', until: '2027-05-01' })).toEqual({
      ends: '2027-05-01',
    });
    expect(reviewEnds('2026-12-01', { kind: 'extended', until: '2027-05-02' })).toEqual({
      error: 'the review may be extended to 2027-05-01 at most (5 months from acceptance)',
    });
    expect(reviewEnds('2026-12-01', { kind: 'extended', until: '2026-12-20' })).toMatchObject({
      error: expect.stringContaining('after 2026-12-31'),
    });
  });

  it('adds months to the same day, or the month’s last day', () => {
    expect(addMonths('2026-09-30', 5)).toBe('2027-02-28');
    expect(addMonths('2027-10-31', 4)).toBe('2028-02-29');
    expect(daysLeft('2027-04-01', '2027-03-30')).toBe(2);
    expect(daysLeft('2027-04-01', '2027-04-03')).toBe(-2);
  });
});
