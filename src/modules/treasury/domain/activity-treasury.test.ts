import { describe, expect, it } from 'vitest';
import { groupBalances, paidShare, treasuryFigures, treasuryGroupOf } from './activity-treasury.js';

const d = (account: string, cents: number) => ({ account, debitCents: cents, creditCents: 0 });
const c = (account: string, cents: number) => ({ account, debitCents: 0, creditCents: cents });

describe('the accounts behind each figure', () => {
  it('counts commissions received apart from sales, though 7082 is a 708 account', () => {
    expect(treasuryGroupOf('706')).toBe('revenue');
    expect(treasuryGroupOf('7088')).toBe('revenue');
    expect(treasuryGroupOf('7082')).toBe('commissionsIn');
  });

  it('leaves to expenses the class 6 accounts no named charge takes, sub-accounts included', () => {
    expect(treasuryGroupOf('6064')).toBe('expenses');
    expect(treasuryGroupOf('6411')).toBe('salaries');
    expect(treasuryGroupOf('6581')).toBe('contribution');
    expect(treasuryGroupOf('658')).toBe('expenses');
    expect(treasuryGroupOf('512')).toBeNull();
    expect(treasuryGroupOf('4676')).toBeNull();
  });
});

describe('the share of the invoiced revenue the clients paid', () => {
  it('is what is no longer owed on what was asked, between nothing and all of it', () => {
    expect(paidShare(12_000, 12_000)).toBe(0);
    expect(paidShare(12_000, 3_000)).toBe(0.75);
    expect(paidShare(12_000, -500)).toBe(1);
    expect(paidShare(0, 1_000)).toBe(0);
  });
});

describe('an activity treasury', () => {
  it('makes available what the clients paid, less what left the activity, plus what it was lent', () => {
    const balances = groupBalances([
      // Two invoices of 1,000 € + 20 % VAT; the client paid one and a half.
      d('411', 240_000),
      c('706', 200_000),
      c('44571', 40_000),
      c('411', 180_000),
      d('6581', 20_000),
      c('7082', 5_000),
      d('6222', 1_000),
      d('6064', 3_000),
      d('641', 50_000),
      d('645', 20_000),
      d('6278', 500),
      d('4675', 10_000),
      d('4677', 7_000),
      c('4677', 2_000),
    ]);
    const t = treasuryFigures(balances, 4_000);
    expect(t).toMatchObject({
      invoicedCents: 200_000,
      collectedCents: 150_000,
      owedCents: 50_000,
      receivableCents: 60_000,
      contributionCents: 20_000,
      commissionsInCents: 5_000,
      commissionsOutCents: 1_000,
      expensesCents: 3_000,
      salariesCents: 70_000,
      advanceFeesCents: 500,
      advancesOutstandingCents: 10_000,
      loansOutstandingCents: 5_000,
      reservedCents: 4_000,
    });
    expect(t.availableCents).toBe(150_000 + 5_000 - 1_000 - 20_000 - 3_000 - 70_000 - 500 + 10_000 + 5_000 - 4_000);
  });

  it('takes a credit note off what was invoiced and off what is owed', () => {
    const t = treasuryFigures(groupBalances([d('411', 12_000), c('706', 10_000), c('44571', 2_000), c('411', 6_000), d('706', 5_000), d('44571', 1_000)]));
    expect(t).toMatchObject({ invoicedCents: 5_000, collectedCents: 0, owedCents: 5_000, availableCents: 0 });
  });

  it('counts a deposit invoice in what the client was asked for until the final invoice absorbs it', () => {
    // Deposit of 300 € + VAT paid, final invoice of 1,000 € + VAT issued, nothing more paid.
    const deposit = [d('411', 36_000), c('4191', 30_000), c('44571', 6_000), c('411', 36_000)];
    const final = [d('411', 84_000), d('4191', 30_000), c('706', 100_000), c('44571', 14_000)];
    const t = treasuryFigures(groupBalances([...deposit, ...final]));
    expect(t).toMatchObject({ invoicedCents: 100_000, receivableCents: 84_000, collectedCents: 30_000, owedCents: 70_000 });
  });
});
