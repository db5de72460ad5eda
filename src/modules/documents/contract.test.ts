import { describe, expect, it } from 'vitest';
import { documentLineInput, LINE_BOUNDS } from './contract.js';

const line = { description: 'Journée de conseil', quantityMilli: 1000, unitPriceCents: 50_000, vatRateBp: 2000 };
const refusedPaths = (value: Record<string, unknown>) => {
  const parsed = documentLineInput.safeParse({ ...line, ...value });
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('the bounds of a document line, the same for invoices and quotes', () => {
  it('accepts a quantity of 1,000,000 with three decimals and a unit price of 10,000,000.00 €', () => {
    expect(refusedPaths({ quantityMilli: LINE_BOUNDS.maxQuantityMilli, unitPriceCents: LINE_BOUNDS.maxUnitPriceCents })).toEqual([]);
    expect(refusedPaths({ quantityMilli: -LINE_BOUNDS.maxQuantityMilli })).toEqual([]);
    expect((LINE_BOUNDS.maxQuantityMilli / 1000) * LINE_BOUNDS.maxUnitPriceCents).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a quantity, a unit price or a discount above its bound, on that field', () => {
    expect(refusedPaths({ quantityMilli: LINE_BOUNDS.maxQuantityMilli + 1 })).toEqual(['quantityMilli']);
    expect(refusedPaths({ quantityMilli: -LINE_BOUNDS.maxQuantityMilli - 1 })).toEqual(['quantityMilli']);
    expect(refusedPaths({ unitPriceCents: LINE_BOUNDS.maxUnitPriceCents + 1 })).toEqual(['unitPriceCents']);
    expect(refusedPaths({ discountCents: LINE_BOUNDS.maxDiscountCents + 1 })).toEqual(['discountCents']);
    expect(refusedPaths({ discountBp: 10_001 })).toEqual(['discountBp']);
    expect(new Set(refusedPaths({ unitPriceCents: 2 ** 60 }))).toEqual(new Set(['unitPriceCents']));
  });
});
