import { describe, expect, it } from 'vitest';
import { recentVatPeriods, vatPeriodKeyOf, vatPeriodOf } from './vat-periods.js';

describe('VAT return periods', () => {
  it('reads a month and a quarter, leap years included', () => {
    expect(vatPeriodOf('2028-02')).toEqual({ key: '2028-02', start: '2028-02-01', end: '2028-02-29', periodicity: 'monthly' });
    expect(vatPeriodOf('2026-Q4')).toEqual({ key: '2026-Q4', start: '2026-10-01', end: '2026-12-31', periodicity: 'quarterly' });
  });
  it('refuses what is not a period', () => {
    for (const key of ['2026-13', '2026-Q5', '2026', '2026-Q1 ', 'x']) expect(vatPeriodOf(key)).toBeNull();
  });
  it('finds the period of a day and the recent ones across a year end', () => {
    expect(vatPeriodKeyOf('2026-08-15', 'quarterly')).toBe('2026-Q3');
    expect(recentVatPeriods('2026-02-10', 'quarterly', 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(recentVatPeriods('2026-02-10', 'monthly', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });
});
