import { describe, expect, it } from 'vitest';
import { cappedByMonth, contributionDue, fullContribution, lastDayOfMonth, monthlyTopUp, nextMonth, reversedPosted, roundHalfUp, type ContributionRule } from './contribution-of.js';

const rule = (over: Partial<ContributionRule> = {}): ContributionRule => ({ rateBp: 1000, floorCents: null, ceilingCents: null, period: 'invoice', ...over });

describe('roundHalfUp', () => {
  it('rounds half a cent up and below half down, exactly', () => {
    expect(roundHalfUp(5, 1000, 10_000)).toBe(1); // 0.5 → 1
    expect(roundHalfUp(4, 1000, 10_000)).toBe(0); // 0.4 → 0
    expect(roundHalfUp(1_005, 1150, 10_000)).toBe(116); // 115.575 → 116
    expect(roundHalfUp(-5, 1000, 10_000)).toBe(-1);
  });
  it('stays exact on amounts a float would not hold', () => {
    expect(roundHalfUp(9_007_199_254_740_991, 1, 2)).toBe(4_503_599_627_370_496);
  });
});

describe('fullContribution', () => {
  it('is the rate of the part excl. VAT, rounded half-up per activity', () => {
    expect(fullContribution(100_000, rule())).toBe(10_000);
    expect(fullContribution(12_345, rule())).toBe(1_235); // 1234.5 → 1235
    expect(fullContribution(12_344, rule())).toBe(1_234);
    expect(fullContribution(333, rule({ rateBp: 1150 }))).toBe(38); // 38.295
    expect(fullContribution(0, rule())).toBe(0);
    expect(fullContribution(-100, rule())).toBe(0);
  });
  it('a rate of 0 gives nothing, a rate of 100 % gives the whole part', () => {
    expect(fullContribution(12_345, rule({ rateBp: 0 }))).toBe(0);
    expect(fullContribution(12_345, rule({ rateBp: 10_000 }))).toBe(12_345);
  });
  it('a per-invoice floor raises a small invoice, never above its revenue', () => {
    expect(fullContribution(10_000, rule({ floorCents: 5_000 }))).toBe(5_000);
    expect(fullContribution(3_000, rule({ floorCents: 5_000 }))).toBe(3_000);
    expect(fullContribution(100_000, rule({ floorCents: 5_000 }))).toBe(10_000);
  });
  it('a per-invoice ceiling caps a large invoice', () => {
    expect(fullContribution(1_000_000, rule({ ceilingCents: 50_000 }))).toBe(50_000);
    expect(fullContribution(100_000, rule({ ceilingCents: 50_000 }))).toBe(10_000);
  });
  it('per-month bounds are not applied to the invoice', () => {
    expect(fullContribution(1_000_000, rule({ period: 'month', ceilingCents: 50_000, floorCents: 1_000 }))).toBe(100_000);
    expect(fullContribution(100, rule({ period: 'month', floorCents: 1_000 }))).toBe(10);
  });
});

describe('contributionDue', () => {
  const all = { num: 1, den: 1 };
  it('at validation, all of it, less what credit notes took back', () => {
    expect(contributionDue(1_000, 'validation', all, { num: 0, den: 1 })).toBe(1_000);
    expect(contributionDue(1_000, 'validation', { num: 1, den: 3 }, { num: 0, den: 1 })).toBe(333);
    expect(contributionDue(1_000, 'validation', { num: 0, den: 5 }, all)).toBe(0);
  });
  it('at payment, the paid fraction, cumulative: partial payments add up to the full contribution', () => {
    const full = 1_235;
    const first = contributionDue(full, 'payment', all, { num: 3_333, den: 12_000 });
    const second = contributionDue(full, 'payment', all, { num: 7_777, den: 12_000 }) - first;
    const third = contributionDue(full, 'payment', all, { num: 12_000, den: 12_000 }) - first - second;
    expect(first).toBe(343); // 343.02
    expect(first + second + third).toBe(full);
  });
  it('at payment, never more than what credit notes left', () => {
    expect(contributionDue(1_000, 'payment', { num: 1, den: 2 }, { num: 1, den: 4 })).toBe(250);
    expect(contributionDue(1_000, 'payment', { num: 1, den: 2 }, all)).toBe(500);
    expect(contributionDue(1_000, 'payment', all, { num: 2, den: 1 })).toBe(1_000);
  });
});

describe('per-month bounds', () => {
  it('the ceiling lets a posting through up to what is left of the month, then 0', () => {
    expect(cappedByMonth(3_000, 0, 5_000)).toBe(3_000);
    expect(cappedByMonth(3_000, 3_000, 5_000)).toBe(2_000);
    expect(cappedByMonth(3_000, 5_000, 5_000)).toBe(0);
    expect(cappedByMonth(3_000, 6_000, 5_000)).toBe(0);
    expect(cappedByMonth(3_000, 6_000, null)).toBe(3_000);
  });
  it('a reversal always passes the ceiling', () => {
    expect(cappedByMonth(-3_000, 5_000, 5_000)).toBe(-3_000);
  });
  it('the floor tops the month up to it, and never takes back', () => {
    expect(monthlyTopUp(1_200, 5_000)).toBe(3_800);
    expect(monthlyTopUp(0, 5_000)).toBe(5_000);
    expect(monthlyTopUp(6_000, 5_000)).toBe(0);
    expect(monthlyTopUp(0, null)).toBe(0);
  });
});

describe('reversedPosted', () => {
  it('a full reversal takes back exactly what was posted', () => {
    expect(reversedPosted(-1_000, 1_000, 700, 0)).toBe(-700);
  });
  it('a partial one takes back the same proportion of what the ceiling let through', () => {
    expect(reversedPosted(-500, 1_000, 700, 500)).toBe(-350);
    expect(reversedPosted(-333, 1_000, 1_000, 667)).toBe(-333);
  });
  it('nothing when the due did not fall', () => {
    expect(reversedPosted(10, 1_000, 1_000, 1_010)).toBe(0);
  });
});

describe('months', () => {
  it('knows month ends, leap years and the turn of the year', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
  });
});
