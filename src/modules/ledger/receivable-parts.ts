import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { ACCOUNTS } from './domain/posting-rules.js';
import type { ReceivablePart } from './domain/receivable-parts.js';
import { journalEntryLines as l } from './schema.js';

/**
 * What each activity still holds open on 411 for one invoice: its sales entry, its credit
 * notes and its payments share the invoice's id as lettering key (index on coop and key).
 * Activity order is fixed (nulls last) so a payment's split never depends on the plan.
 */
export async function openReceivableParts(db: Executor, coopId: string, letteringKey: string): Promise<ReceivablePart[]> {
  const rows = await db
    .select({ activityId: l.activityId, openCents: sql<string>`sum(${l.debitCents} - ${l.creditCents})` })
    .from(l)
    .where(and(eq(l.coopId, coopId), eq(l.letteringKey, letteringKey), eq(l.accountNumber, ACCOUNTS.clientReceivables)))
    .groupBy(l.activityId)
    .orderBy(sql`${l.activityId} nulls last`);
  return rows.map((r) => ({ activityId: r.activityId, openCents: Number(r.openCents) }));
}
