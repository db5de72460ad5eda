import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { accountLabels } from './accounts-service.js';
import type { ActivityBalance, BalanceRow, BalanceTotals, TrialBalance } from './contract.js';
import { accountClass } from './domain/chart-of-accounts.js';
import { balanceOf, splitBalance, sumMovements } from './domain/entry-lines.js';
import { journalEntryLines as l } from './schema.js';

export interface BalanceFilter {
  from?: string;
  to?: string;
  activityId?: string;
}

/**
 * Debits, credits and balance of each account with movements, summed from the lines
 * (balances are derived, never stored). One grouped scan of the covering indexes on
 * (coop, activity, account, date) or (coop, account, date).
 */
export async function accountBalances(db: Executor, coopId: string, filter: BalanceFilter = {}): Promise<BalanceRow[]> {
  const where: SQL[] = [eq(l.coopId, coopId)];
  if (filter.activityId) where.push(eq(l.activityId, filter.activityId));
  if (filter.from) where.push(gte(l.entryDate, filter.from));
  if (filter.to) where.push(lte(l.entryDate, filter.to));
  const sums = await db
    .select({
      account: l.accountNumber,
      debitCents: sql<number>`coalesce(sum(${l.debitCents}), 0)`.mapWith(Number),
      creditCents: sql<number>`coalesce(sum(${l.creditCents}), 0)`.mapWith(Number),
    })
    .from(l)
    .where(and(...where))
    .groupBy(l.accountNumber)
    .orderBy(asc(l.accountNumber));
  const labels = await accountLabels(db, coopId);
  return sums.map((s) => {
    const balanceCents = balanceOf(s);
    return { ...s, label: labels.get(s.account) ?? '', accountClass: accountClass(s.account), balanceCents, ...splitBalance(balanceCents) };
  });
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
