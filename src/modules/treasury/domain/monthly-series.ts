import { treasuryFigures, type TreasuryFigures, type TreasuryGroup } from './activity-treasury.js';

export interface TreasuryMonth {
  /** First day of the month. */
  month: string;
  invoicedCents: number;
  collectedCents: number;
  /** Contribution, commissions paid, expenses, salaries and advance fees of the month. */
  chargesCents: number;
}

const charges = (f: TreasuryFigures) => f.contributionCents + f.commissionsOutCents + f.expensesCents + f.salariesCents + f.advanceFeesCents;

/**
 * Month by month, the change of the running figures: what was collected in a month is the
 * collected figure at its end less the one at the start, so the months add up to the
 * treasury's own figure (collected is a share of the running totals, not a sum of lines).
 * `cumulative[0]` holds the balances before the first month, then one per month end.
 */
export function monthlySeries(months: readonly string[], cumulative: readonly Record<TreasuryGroup, number>[]): TreasuryMonth[] {
  if (cumulative.length !== months.length + 1) throw new RangeError('one running balance before the first month and one per month end');
  const figures = cumulative.map((b) => treasuryFigures(b));
  return months.map((month, i) => ({
    month,
    invoicedCents: figures[i + 1]!.invoicedCents - figures[i]!.invoicedCents,
    collectedCents: figures[i + 1]!.collectedCents - figures[i]!.collectedCents,
    chargesCents: charges(figures[i + 1]!) - charges(figures[i]!),
  }));
}

/** The first days of the twelve months ending with the month of `today` (YYYY-MM-DD), oldest first. */
export function lastTwelveMonths(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return Array.from({ length: 12 }, (_, i) => {
    const m = year * 12 + (month - 1) - 11 + i;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  });
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
