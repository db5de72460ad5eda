import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { bankAccounts, bankStatements, type BankAccountRow, type BankStatementLineRow } from './schema.js';

/** The bank account a line's statement belongs to: where its money is booked (512 sub-account, journal). */
export async function bankAccountOfLine(tx: Executor, line: BankStatementLineRow): Promise<BankAccountRow> {
  const [row] = await tx
    .select({ account: bankAccounts })
    .from(bankStatements)
    .innerJoin(bankAccounts, and(eq(bankAccounts.coopId, bankStatements.coopId), eq(bankAccounts.id, bankStatements.bankAccountId)))
    .where(and(eq(bankStatements.coopId, line.coopId), eq(bankStatements.id, line.statementId)));
  return row!.account;
}
