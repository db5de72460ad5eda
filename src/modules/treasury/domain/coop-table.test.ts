import { describe, expect, it } from 'vitest';
import { groupBalances, treasuryFigures } from './activity-treasury.js';
import { sortTreasuryRows, sumFigures } from './coop-table.js';
import { guaranteeFundPosition } from './guarantee-fund.js';

const row = (activityId: string, collected: number, salaries: number) => ({
  activityId,
  ...treasuryFigures(groupBalances([{ account: '706', debitCents: 0, creditCents: collected }, { account: '641', debitCents: salaries, creditCents: 0 }])),
});

describe('the coop-wide table', () => {
  it('ranks by a figure and keeps one order between equal figures', () => {
    const rows = [row('b', 0, 0), row('c', 0, 500), row('a', 0, 0)];
    expect(sortTreasuryRows(rows, 'available', 'desc').map((r) => r.activityId)).toEqual(['a', 'b', 'c']);
    expect(sortTreasuryRows(rows, 'salaries', 'desc').map((r) => r.activityId)).toEqual(['c', 'a', 'b']);
  });

  it('adds every figure up in the totals row', () => {
    const total = sumFigures([row('a', 0, 100), row('b', 0, 300)]);
    expect(total.salariesCents).toBe(400);
    expect(total.availableCents).toBe(-400);
  });
});

describe("the guarantee fund's position", () => {
  it('is its endowment and income, less write-offs and the advances it has out', () => {
    expect(guaranteeFundPosition({ endowment: -1_000_000, fundIncome: -5_000, writeOffs: 20_000, advancesOutstanding: -300_000 })).toEqual({
      endowmentCents: 1_000_000,
      incomeCents: 5_000,
      writeOffsCents: 20_000,
      advancesOutstandingCents: 300_000,
      availableCents: 685_000,
    });
  });
});
