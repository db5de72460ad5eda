import { describe, expect, it } from 'vitest';
import { groupBalances } from './activity-treasury.js';
import { dayBefore, lastTwelveMonths, monthlySeries } from './monthly-series.js';

describe('the twelve months of the chart', () => {
  it('end with the month of today and cross the new year', () => {
    const months = lastTwelveMonths('2026-03-15');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-04-01');
    expect(months[11]).toBe('2026-03-01');
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });

  it('show what each month added, so that the months add up to the running figure', () => {
    const d = (account: string, cents: number) => ({ account, debitCents: cents, creditCents: 0 });
    const c = (account: string, cents: number) => ({ account, debitCents: 0, creditCents: cents });
    const start = groupBalances([]);
    const january = groupBalances([d('411', 12_000), c('706', 10_000), c('44571', 2_000)]);
    const february = groupBalances([d('411', 12_000), c('706', 10_000), c('44571', 2_000), c('411', 12_000), d('6581', 1_000)]);
    expect(monthlySeries(['2026-01-01', '2026-02-01'], [start, january, february])).toEqual([
      { month: '2026-01-01', invoicedCents: 10_000, collectedCents: 0, chargesCents: 0 },
      { month: '2026-02-01', invoicedCents: 0, collectedCents: 10_000, chargesCents: 1_000 },
    ]);
  });
});
