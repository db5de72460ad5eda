import type { Executor } from '../../platform/db/client.js';
import { activityMonthlyGroupMovements } from '../ledger/index.js';
import { LEDGER_GROUPS, noBalances, treasuryBalances } from './activity-treasury.js';
import type { TreasuryMonths } from './contract.js';
import type { TreasuryGroup } from './domain/activity-treasury.js';
import { lastTwelveMonths, monthlySeries } from './domain/monthly-series.js';

type Balances = Record<TreasuryGroup, number>;
const plus = (a: Balances, b: Partial<Balances>): Balances => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + (b[k as TreasuryGroup] ?? 0)])) as Balances;

/**
 * The last twelve months of an activity, the current one up to `today`: invoiced, collected
 * and charges per month, from the running balances at each month's end. Two reads whatever the
 * number of months or lines: the monthly totals of the activity up to the last whole month
 * (their sum before the first month, then each month's movements), and today's balance (the
 * current month is today's balance less the end of the previous month, so lines dated later
 * this month do not count).
 */
export async function treasuryMonths(db: Executor, coopId: string, activityId: string, today: string): Promise<TreasuryMonths> {
  const months = lastTwelveMonths(today);
  const whole = months.slice(0, -1);
  const [now, movements] = await Promise.all([
    treasuryBalances(db, coopId, { to: today, activityIds: [activityId] }).then((b) => b.get(activityId) ?? noBalances()),
    activityMonthlyGroupMovements(db, coopId, activityId, LEDGER_GROUPS, { from: whole[0]!, to: whole[whole.length - 1]! }),
  ]);
  const byMonth = new Map(movements.months.map((m) => [m.month, m.balances as Partial<Balances>]));
  const cumulative: Balances[] = [plus(noBalances(), movements.before as Partial<Balances>)];
  for (const month of whole) cumulative.push(plus(cumulative[cumulative.length - 1]!, byMonth.get(month) ?? {}));
  cumulative.push(now);
  return { activityId, asOf: today, months: monthlySeries(months, cumulative) };
}
