import { describe, expect, it } from 'vitest';
import { negativeAvailable } from './negative-available';
import type { ActivityTreasuryData } from './use-treasury';

const base: ActivityTreasuryData = {
  activityId: 'a',
  asOf: '2026-12-02',
  invoicedCents: 0,
  collectedCents: 0,
  owedCents: 0,
  receivableCents: 0,
  contributionCents: 0,
  commissionsInCents: 0,
  commissionsOutCents: 0,
  expensesCents: 0,
  salariesCents: 0,
  advanceFeesCents: 0,
  advancesOutstandingCents: 0,
  loansOutstandingCents: 0,
  reservedCents: 0,
  availableCents: 0,
};

describe('a negative available amount explained', () => {
  it('says nothing when the activity is at zero or above', () => {
    expect(negativeAvailable(base)).toBeNull();
    expect(negativeAvailable({ ...base, collectedCents: 100, availableCents: 100 })).toBeNull();
  });

  it('names the outflows above what came in, largest first, and whether the owed revenue covers the gap', () => {
    // Salary paid and contribution taken at validation while the client has paid only part.
    const data = { ...base, invoicedCents: 300_000, collectedCents: 100_000, owedCents: 200_000, salariesCents: 98_864, contributionCents: 30_000, reservedCents: 0, availableCents: -28_864 };
    // The figures add up as the card does: 100 000 − 98 864 − 30 000.
    const why = negativeAvailable(data);
    expect(why).toEqual({
      shortfallCents: 28_864,
      inCents: 100_000,
      outflows: [
        { key: 'salaries', cents: 98_864 },
        { key: 'contribution', cents: 30_000 },
      ],
      owedCents: 200_000,
      coveredByOwed: true,
    });
  });

  it('counts advances and commissions received as what came in, and says when even the owed revenue is not enough', () => {
    const data = { ...base, commissionsInCents: 500, advancesOutstandingCents: 1_000, advanceFeesCents: 300, salariesCents: 5_000, owedCents: 1_000, availableCents: -3_800 };
    const why = negativeAvailable(data)!;
    expect(why.inCents).toBe(1_500);
    expect(why.outflows.map((o) => o.key)).toEqual(['salaries', 'advanceFees']);
    expect(why.coveredByOwed).toBe(false);
  });
});
