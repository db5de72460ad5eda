import { describe, expect, it } from 'vitest';
import { movedShares } from '../../documents/index.js';
import { depositVatSplit } from './deposit-vat-split.js';
import { planNextInvoice } from './invoicing-plan.js';

describe('the split of a deposit across VAT rates, as the invoice explains it', () => {
  it('a 50 % deposit on two rates of 100,05 € each gives the odd cent to one rate, and the split says which', () => {
    const quote = {
      vatBreakdown: [
        { vatCategory: 'S' as const, vatRateBp: 2000, basisCents: 10_005, vatCents: 2_001 },
        { vatCategory: 'S' as const, vatRateBp: 1000, basisCents: 10_005, vatCents: 1_001 },
      ],
    };
    const plan = planNextInvoice(quote, [], { kind: 'deposit', percentBp: 5000 });
    if (!plan.ok) throw new Error('plan refused');
    const split = depositVatSplit(quote.vatBreakdown.map((g) => ({ ...g, weightCents: g.basisCents })), plan.groups, 5000)!;
    expect(split.netCents).toBe(10_005);
    expect(split.groups.map((g) => g.basisCents).reduce((a, b) => a + b)).toBe(10_005);
    // Each rate alone would round 50,025 € up to 50,03 €: 100,06 € in all, a cent too many.
    expect(split.groups.map((g) => g.proportionalCents)).toEqual([5_003, 5_003]);
    expect(movedShares(split)).toHaveLength(1);
  });

  it('says nothing for a quote with a single rate', () => {
    expect(depositVatSplit([{ vatCategory: 'S', vatRateBp: 2000, weightCents: 10_001 }], [{ vatCategory: 'S', vatRateBp: 2000, basisCents: 3_000 }], 3000)).toBeNull();
  });

  it('moves nothing when every rate’s share falls on a cent', () => {
    const split = depositVatSplit(
      [{ vatCategory: 'S', vatRateBp: 2000, weightCents: 100_000 }, { vatCategory: 'S', vatRateBp: 1000, weightCents: 50_000 }],
      [{ vatCategory: 'S', vatRateBp: 2000, basisCents: 30_000 }, { vatCategory: 'S', vatRateBp: 1000, basisCents: 15_000 }],
      3000,
    )!;
    expect(movedShares(split)).toEqual([]);
  });
});
