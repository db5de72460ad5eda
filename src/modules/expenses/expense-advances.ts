import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { expenseAdvances, expenseReports } from './schema.js';

/**
 * What a member's expense advances on an activity still hold: every advance paid, minus what
 * validated reports settled (a cancelled report gives its settlement back).
 */
export async function advanceOutstandingOf(db: Executor, coopId: string, memberId: string, activityId: string): Promise<number> {
  const [granted] = await db
    .select({ total: sql<string>`coalesce(sum(${expenseAdvances.amountCents}), 0)` })
    .from(expenseAdvances)
    .where(and(eq(expenseAdvances.coopId, coopId), eq(expenseAdvances.memberId, memberId), eq(expenseAdvances.activityId, activityId)));
  const [settled] = await db
    .select({ total: sql<string>`coalesce(sum(${expenseReports.advanceSettledCents}), 0)` })
    .from(expenseReports)
    .where(and(eq(expenseReports.coopId, coopId), eq(expenseReports.memberId, memberId), eq(expenseReports.activityId, activityId), inArray(expenseReports.status, ['validated', 'paid'])));
  return Number(granted?.total ?? 0) - Number(settled?.total ?? 0);
}

/**
 * Serialises what moves one member's advances on an activity (a grant, a validation settling
 * it), so two validations at once cannot both settle the same outstanding amount: a
 * transaction-level advisory lock, released at commit.
 */
export async function lockMemberAdvances(tx: Executor, coopId: string, memberId: string, activityId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`expense_advance:${coopId}:${memberId}:${activityId}`}, 0))`);
}
