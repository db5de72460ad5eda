import { describe, expect, it } from 'vitest';
import { addMonths, loanSchedule } from './loan-schedule.js';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('loan schedule', () => {
  it('an interest-free loan: equal installments, the last absorbing the rounding', () => {
    const s = loanSchedule({ principalCents: 100_000, rateBp: 0, installments: 3, startMonth: '2026-11' });
    expect(s.map((i) => i.principalCents)).toEqual([33_333, 33_333, 33_334]);
    expect(s.map((i) => i.interestCents)).toEqual([0, 0, 0]);
    expect(s.map((i) => i.month)).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('with interest: constant installments whose principal adds up to the loan exactly', () => {
    const s = loanSchedule({ principalCents: 1_000_000, rateBp: 300, installments: 12, startMonth: '2027-01' });
    expect(sum(s.map((i) => i.principalCents))).toBe(1_000_000);
    // 3 % a year on 10 000 €: 25 € of interest the first month.
    expect(s[0]!.interestCents).toBe(2_500);
    const totals = s.slice(0, -1).map((i) => i.principalCents + i.interestCents);
    expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(1);
    expect(s.every((i) => i.principalCents >= 0 && i.interestCents >= 0)).toBe(true);
  });

  it('one installment is the whole loan', () => {
    expect(loanSchedule({ principalCents: 12_345, rateBp: 0, installments: 1, startMonth: '2026-12' })).toEqual([{ seq: 1, month: '2026-12', principalCents: 12_345, interestCents: 0 }]);
  });

  it('counts months across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', 23)).toBe('2027-12');
  });
});
