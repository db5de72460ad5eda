import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.js';
import { accountLabels } from './accounts-service.js';
import type { ActivityBalance, BalanceRow, BalanceTotals, TrialBalance } from './contract.js';
import { accountClass } from './domain/chart-of-accounts.js';
import { balanceOf, splitBalance, sumMovements } from './domain/entry-lines.js';
import { splitPeriod } from './domain/period-months.js';
import { dailyTotals as daily, journalEntryLines as l, monthlyTotals as monthly } from './schema.js';

export interface BalanceFilter {
  from?: string;
  to?: string;
  activityId?: string;
}

/** The same columns from the totals and from the lines, so they can be added up. */
const movementsFrom = <T extends typeof monthly | typeof l>(db: Executor, t: T, where: SQL[]) =>
  db
    .select({
      account: sql<string>`${t.accountNumber}`.as('account'),
      debit: sql<number>`${t.debitCents}`.as('debit'),
      credit: sql<number>`${t.creditCents}`.as('credit'),
    })
    .from(t as typeof monthly)
    .where(and(...where));

/**
 * Debits, credits and balance of each account with movements, from the stored totals (kept
 * in the transactions that post the lines, from the same immutable lines). The whole coop:
 * daily totals, exact for any period. One activity: its monthly totals for the whole months,
 * and its lines (index on coop, activity, account, date) for the days at the edges.
 */
export async function accountBalances(db: Executor, coopId: string, filter: BalanceFilter = {}): Promise<BalanceRow[]> {
  const sums = filter.activityId ? await activitySums(db, coopId, filter.activityId, filter) : await coopSums(db, coopId, filter);
  const labels = await accountLabels(db, coopId);
  return sums
    .filter((s) => s.debitCents !== 0 || s.creditCents !== 0)
    .map((s) => {
      const balanceCents = balanceOf(s);
      return { ...s, label: labels.get(s.account) ?? '', accountClass: accountClass(s.account), balanceCents, ...splitBalance(balanceCents) };
    });
}

interface AccountSums {
  account: string;
  debitCents: number;
  creditCents: number;
}

async function coopSums(db: Executor, coopId: string, period: { from?: string; to?: string }): Promise<AccountSums[]> {
  const where: SQL[] = [eq(daily.coopId, coopId)];
  if (period.from) where.push(gte(daily.day, period.from));
  if (period.to) where.push(lte(daily.day, period.to));
  return db
    .select({
      account: daily.accountNumber,
      debitCents: sql<number>`coalesce(sum(${daily.debitCents}), 0)`.mapWith(Number),
      creditCents: sql<number>`coalesce(sum(${daily.creditCents}), 0)`.mapWith(Number),
    })
    .from(daily)
    .where(and(...where))
    .groupBy(daily.accountNumber)
    .orderBy(asc(daily.accountNumber));
}

async function activitySums(db: Executor, coopId: string, activityId: string, period: { from?: string; to?: string }): Promise<AccountSums[]> {
  const split = splitPeriod(period.from, period.to);
  // Both kinds of query select the same aliased columns; the cast only tells the ORM so.
  type Movements = ReturnType<typeof movementsFrom<typeof monthly>>;
  const parts: Movements[] = [];
  if (split.months) {
    const where: SQL[] = [eq(monthly.coopId, coopId), eq(monthly.activityId, activityId)];
    if (split.months.from) where.push(gte(monthly.month, split.months.from));
    if (split.months.to) where.push(lte(monthly.month, split.months.to));
    parts.push(movementsFrom(db, monthly, where));
  }
  for (const days of split.days) {
    const where: SQL[] = [eq(l.coopId, coopId), eq(l.activityId, activityId)];
    if (days.from) where.push(gte(l.entryDate, days.from));
    if (days.to) where.push(lte(l.entryDate, days.to));
    parts.push(movementsFrom(db, l, where) as unknown as Movements);
  }
  const [first, second, ...rest] = parts;
  if (!first) return [];
  const movements = (second ? unionAll(first, second, ...rest) : first).as('movements');
  return db
    .select({
      account: movements.account,
      debitCents: sql<number>`coalesce(sum(${movements.debit}), 0)`.mapWith(Number),
      creditCents: sql<number>`coalesce(sum(${movements.credit}), 0)`.mapWith(Number),
    })
    .from(movements)
    .groupBy(movements.account)
    .orderBy(asc(movements.account));
}

function totalsOf(rows: readonly BalanceRow[]): BalanceTotals {
  const movements = sumMovements(rows);
  return {
    ...movements,
    debitBalanceCents: rows.reduce((n, r) => n + r.debitBalanceCents, 0),
    creditBalanceCents: rows.reduce((n, r) => n + r.creditBalanceCents, 0),
  };
}

/** The trial balance (balance générale) of a period, for the whole coop or one activity. */
export async function trialBalance(db: Executor, coopId: string, q: { from: string; to: string; activityId?: string }): Promise<TrialBalance> {
  const rows = await accountBalances(db, coopId, q);
  return { from: q.from, to: q.to, activityId: q.activityId ?? null, rows, totals: totalsOf(rows) };
}

/**
 * Where an activity stands, from the first entry up to `to`: its balance on each account,
 * its revenue (class 7), its expenses (class 6) and the result between them. The caller
 * checks that the person may see the activity.
 */
export async function activityBalance(db: Executor, coopId: string, activityId: string, q: { to?: string } = {}): Promise<ActivityBalance> {
  const rows = await accountBalances(db, coopId, { activityId, to: q.to });
  const revenueCents = rows.filter((r) => r.accountClass === 7).reduce((n, r) => n - r.balanceCents, 0);
  const expenseCents = rows.filter((r) => r.accountClass === 6).reduce((n, r) => n + r.balanceCents, 0);
  return { activityId, to: q.to ?? null, accounts: rows, totals: totalsOf(rows), revenueCents, expenseCents, resultCents: revenueCents - expenseCents };
}
