import { describe, expect, it } from 'vitest';
import { mayMove, memberInvoiceAmounts, memberInvoiceNumber } from './member-invoice-amounts.js';

describe('the amounts of a member invoice', () => {
  it('adds VAT at the member rate, rounded half up to the cent', () => {
    expect(memberInvoiceAmounts(100_000, 'standard', 2000)).toEqual({ netCents: 100_000, vatCents: 20_000, grossCents: 120_000, vatRateBp: 2000 });
    expect(memberInvoiceAmounts(1_005, 'standard', 550)).toEqual({ netCents: 1_005, vatCents: 55, grossCents: 1_060, vatRateBp: 550 });
  });
  it('charges no VAT under the franchise, whatever rate was sent', () => {
    expect(memberInvoiceAmounts(50_000, 'franchise', 2000)).toEqual({ netCents: 50_000, vatCents: 0, grossCents: 50_000, vatRateBp: 0 });
  });
  it('refuses amounts out of bounds and rates that are not French', () => {
    expect(() => memberInvoiceAmounts(0, 'standard', 2000)).toThrow(RangeError);
    expect(() => memberInvoiceAmounts(100_000_001, 'standard', 2000)).toThrow(RangeError);
    expect(() => memberInvoiceAmounts(12.5, 'standard', 2000)).toThrow(RangeError);
    expect(() => memberInvoiceAmounts(100, 'standard', 1900)).toThrow(RangeError);
  });
});

describe('the number of a generated invoice', () => {
  it('is the member series of the year, zero-padded', () => {
    expect(memberInvoiceNumber('2026-03-04', 1)).toBe('FM-2026-0001');
    expect(memberInvoiceNumber('2027-01-01', 12345)).toBe('FM-2027-12345');
    expect(() => memberInvoiceNumber('2026-03-04', 0)).toThrow(RangeError);
  });
});

describe('the moves of a member invoice', () => {
  it('go received → validated → paid only', () => {
    expect(mayMove('received', 'validated')).toBe(true);
    expect(mayMove('validated', 'paid')).toBe(true);
    expect(mayMove('received', 'paid')).toBe(false);
    expect(mayMove('paid', 'validated')).toBe(false);
    expect(mayMove('validated', 'validated')).toBe(false);
  });
});
