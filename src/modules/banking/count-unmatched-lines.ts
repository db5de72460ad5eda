import { and, count, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { bankStatementLines } from './schema.js';

/** How many statement lines of the coop wait to be reconciled (matched, booked or ignored). */
export async function countUnmatchedBankLines(db: Executor, coopId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(bankStatementLines).where(and(eq(bankStatementLines.coopId, coopId), eq(bankStatementLines.status, 'unmatched')));
  return row?.n ?? 0;
}
