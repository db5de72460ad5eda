import { describe, expect, it } from 'vitest';
import { feeAmounts, feeNumber, monthlyFeeOf, monthPeriod } from './fee-amounts.js';

describe('member fee amounts', () => {
  it('adds the VAT of the rate, rounded to the cent', () => {
    expect(feeAmounts(9000, 2000)).toEqual({ netCents: 9000, vatRateBp: 2000, vatCents: 1800, grossCents: 10800 });
    expect(feeAmounts(3333, 550)).toMatchObject({ vatCents: 183, grossCents: 3516 });
  });
  it('refuses a fee of nothing', () => {
    expect(() => feeAmounts(0, 2000)).toThrow(RangeError);
  });
  it('numbers fees in their own yearly series', () => {
    expect(feeNumber('2026', 1)).toBe('COT-2026-0001');
    expect(feeNumber('2027', 12345)).toBe('COT-2027-12345');
  });
  it('covers the whole month, February included', () => {
    expect(monthPeriod('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(monthPeriod('2026-11')).toEqual({ start: '2026-11-01', end: '2026-11-30' });
  });
  it("bills the coop's fee to the billed types, a member's own amount first, 0 exempting", () => {
    const coop = { feeCents: 9000, billedTypes: ['independent', 'coworker'] };
    expect(monthlyFeeOf({ membershipType: 'independent', overrideCents: null }, coop)).toBe(9000);
    expect(monthlyFeeOf({ membershipType: 'entrepreneur_salarie', overrideCents: null }, coop)).toBe(0);
    expect(monthlyFeeOf({ membershipType: 'independent', overrideCents: 0 }, coop)).toBe(0);
    expect(monthlyFeeOf({ membershipType: 'entrepreneur_salarie', overrideCents: 4500 }, coop)).toBe(4500);
  });
});
