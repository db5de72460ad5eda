import { describe, expect, it } from 'vitest';
import { amountsAfterDeposits, deductedForLedger, splitStillHolds } from './deducted-deposits.js';

const deposit = { netCents: 180_000, vatCents: 33_000, grossCents: 213_000, vatByRate: [{ vatCategory: 'S', vatRateBp: 2000, basisCents: 150_000, vatCents: 30_000 }, { vatCategory: 'S', vatRateBp: 1000, basisCents: 30_000, vatCents: 3_000 }] };

describe('a final invoice after deposits', () => {
  it('leaves to pay the whole service minus the deposits it deducts', () => {
    expect(amountsAfterDeposits({ taxBasisCents: 600_000, vatTotalCents: 110_000, grandTotalCents: 710_000 }, [deposit])).toEqual({ netCents: 420_000, vatCents: 77_000, grossCents: 497_000 });
  });

  it('clears from 4191 the deposits net of VAT, with their VAT per rate', () => {
    expect(deductedForLedger([deposit, { ...deposit, vatByRate: [deposit.vatByRate[0]!] }])).toEqual({
      netCents: 360_000,
      vatByRate: [{ rateBp: 2000, vatCents: 30_000 }, { rateBp: 1000, vatCents: 3_000 }, { rateBp: 2000, vatCents: 30_000 }],
    });
  });
});

describe('the explanation of a deposit split across rates', () => {
  const split = { percentBp: 5000, netCents: 10_005, groups: [{ vatCategory: 'S' as const, vatRateBp: 2000, proportionalCents: 5_003, basisCents: 5_003 }, { vatCategory: 'S' as const, vatRateBp: 1000, proportionalCents: 5_003, basisCents: 5_002 }] };

  it('holds while the deposit keeps the lines the quote gave it', () => {
    expect(splitStillHolds(split, [{ vatCategory: 'S', vatRateBp: 2000, basisCents: 5_003 }, { vatCategory: 'S', vatRateBp: 1000, basisCents: 5_002 }])).toBe(true);
  });

  it('is dropped once the member changed the amounts', () => {
    expect(splitStillHolds(split, [{ vatCategory: 'S', vatRateBp: 2000, basisCents: 5_003 }, { vatCategory: 'S', vatRateBp: 1000, basisCents: 5_000 }])).toBe(false);
    expect(splitStillHolds(split, [{ vatCategory: 'S', vatRateBp: 2000, basisCents: 10_005 }])).toBe(false);
  });
});
