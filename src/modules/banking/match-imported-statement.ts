import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/client.js';
import type { JobHandler } from '../../platform/jobs/run-due-jobs.js';
import { bankStatementLines, type BankStatementLineRow } from './schema.js';

/** Queued by `importStatement` in its transaction, once per statement it created. */
export const BANK_STATEMENT_IMPORTED = 'bank.statement_imported';

/**
 * A module that recognises its own movements in a freshly imported statement (payouts: the
 * transfers of its batches; debits: its collections and their returns). It must be
 * idempotent: the job may run again after a crash, so a line already booked or matched is
 * skipped, and it books each line in a transaction of its own with the line locked.
 */
export type StatementMatcher = (db: Db, coopId: string, statementId: string) => Promise<void>;

/** The handler of `bank.statement_imported`: every matcher the composition root gives, in order. */
export const statementImportedJob =
  (db: Db, matchers: StatementMatcher[]): JobHandler =>
  async (job) => {
    const statementId = job.payload.statementId;
    if (typeof statementId !== 'string') throw new Error('bank.statement_imported without a statementId');
    for (const match of matchers) await match(db, job.coopId, statementId);
  };

/** The lines of a statement still waiting for reconciliation, with their transfer references. */
export async function unmatchedLinesOf(db: Executor, coopId: string, statementId: string): Promise<BankStatementLineRow[]> {
  return db
    .select()
    .from(bankStatementLines)
    .where(and(eq(bankStatementLines.coopId, coopId), eq(bankStatementLines.statementId, statementId), eq(bankStatementLines.status, 'unmatched')));
}
