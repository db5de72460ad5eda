import { describe, expect, it } from 'vitest';
import { LINE_BOUNDS, lineProblems } from './line-problems.js';

const line = { quantityMilli: 2000, unitPriceCents: 10_000, vatCategory: 'S' as const, vatRateBp: 2000 };

describe('lineProblems', () => {
  it('accepts lines at the French rates and exempt lines at 0', () => {
    expect(lineProblems([line, { ...line, vatRateBp: 550 }, { ...line, vatCategory: 'E', vatRateBp: 0 }])).toEqual([]);
  });

  it('refuses a standard rate that is not a French one', () => {
    expect(lineProblems([line, { ...line, vatRateBp: 1900 }]).map((p) => p.path)).toEqual(['lines.1.vatRateBp']);
  });

  it('refuses a rate on an exempt line', () => {
    expect(lineProblems([{ ...line, vatCategory: 'E', vatRateBp: 2000 }]).map((p) => p.path)).toEqual(['lines.0.vatRateBp']);
  });

  it('refuses a discount on a negative quantity', () => {
    expect(lineProblems([{ ...line, quantityMilli: -1000, discountBp: 1000 }]).map((p) => p.path)).toEqual(['lines.0.discountBp']);
  });

  it('refuses a discount above the line amount', () => {
    expect(lineProblems([{ ...line, discountCents: 30_000 }]).map((p) => p.path)).toEqual(['lines.0.discountCents']);
  });

  it('refuses a discount given both as a rate and an amount', () => {
    expect(lineProblems([{ ...line, discountBp: 10, discountCents: 10 }]).map((p) => p.path)).toEqual(['lines.0.discountCents']);
  });

  it('refuses a document whose total, VAT included, goes above its bound, on the lines', () => {
    const biggest = { ...line, quantityMilli: LINE_BOUNDS.maxQuantityMilli, unitPriceCents: LINE_BOUNDS.maxUnitPriceCents };
    // Ten lines at the bounds: 10^16 cents excl. VAT, over 2^53, where the totals used to throw a RangeError.
    expect(lineProblems(Array.from({ length: 10 }, () => biggest))).toEqual([{ path: 'lines', message: expect.objectContaining({ en: expect.stringMatching(/total/) }) }]);
    const justUnder = { ...line, vatRateBp: 2000, quantityMilli: 1000, unitPriceCents: Math.floor(LINE_BOUNDS.maxDocumentTotalCents / 1.2) };
    expect(lineProblems([{ ...justUnder, unitPriceCents: LINE_BOUNDS.maxUnitPriceCents }])).toEqual([]);
    expect(lineProblems(Array.from({ length: 1000 }, () => ({ ...justUnder, quantityMilli: 1_000_000, unitPriceCents: 8_300_000 })))).toEqual([]);
  });
});
