import type { Executor } from '../../platform/db/client.js';
import { noBalances, treasuryBalances } from './activity-treasury.js';
import type { TreasuryMonths } from './contract.js';
import { dayBefore, lastTwelveMonths, monthlySeries } from './domain/monthly-series.js';

/**
 * The last twelve months of an activity, the current one up to `today`: invoiced, collected
 * and charges per month, from the running balances at each month's end.
 */
export async function treasuryMonths(db: Executor, coopId: string, activityId: string, today: string): Promise<TreasuryMonths> {
  const months = lastTwelveMonths(today);
  const ends = [...months.map(dayBefore), today];
  const cumulative = await Promise.all(ends.map(async (to) => (await treasuryBalances(db, coopId, { to, activityIds: [activityId] })).get(activityId) ?? noBalances()));
  return { activityId, asOf: today, months: monthlySeries(months, cumulative) };
}
