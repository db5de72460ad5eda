import { describe, expect, it } from 'vitest';
import { baseDeduction } from './base-deduction.js';

describe('a cost in the contribution base', () => {
  it('gives back rate × the cost excl. VAT, half-up to the cent', () => {
    expect(baseDeduction(100_000, 1000, 50_000)).toBe(10_000);
    expect(baseDeduction(12_345, 1000, 50_000)).toBe(1_235);
  });
  it("never more than the month's contribution of the activity: the month never goes below zero", () => {
    expect(baseDeduction(100_000, 1000, 4_000)).toBe(4_000);
    expect(baseDeduction(100_000, 1000, 0)).toBe(0);
    expect(baseDeduction(100_000, 1000, -300)).toBe(0);
  });
  it('gives nothing at a zero rate or on no cost', () => {
    expect(baseDeduction(100_000, 0, 50_000)).toBe(0);
    expect(baseDeduction(0, 1000, 50_000)).toBe(0);
  });
});
