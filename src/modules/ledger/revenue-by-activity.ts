import { and, eq, isNotNull, like, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { journalEntries as e, journalEntryLines as l } from './schema.js';

/**
 * The revenue excl. VAT each activity holds in the entries of some documents: credits minus
 * debits on the sales accounts 706 (services), 707 (goods) and 708 (related income) and their
 * sub-accounts, lines with an activity only (the structure's own margin, 7061 without activity,
 * is nobody's part). Read from the ledger so that however a document's revenue was split
 * between activities, whoever reads it sees the split as it was posted.
 */
export async function revenueByActivity(db: Executor, coopId: string, sources: readonly { type: string; id: string }[]): Promise<Map<string, number>> {
  if (sources.length === 0) return new Map();
  const rows = await db
    .select({ activityId: l.activityId, cents: sql<string>`sum(${l.creditCents} - ${l.debitCents})` })
    .from(l)
    .innerJoin(e, and(eq(e.coopId, l.coopId), eq(e.id, l.entryId)))
    .where(
      and(
        eq(l.coopId, coopId),
        isNotNull(l.activityId),
        or(like(l.accountNumber, '706%'), like(l.accountNumber, '707%'), like(l.accountNumber, '708%')),
        or(...sources.map((s) => and(eq(e.sourceType, s.type), eq(e.sourceId, s.id)))),
      ),
    )
    .groupBy(l.activityId);
  return new Map(rows.map((r) => [r.activityId!, Number(r.cents)]));
}
