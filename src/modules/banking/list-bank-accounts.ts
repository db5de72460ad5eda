import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { BankAccount } from './debit-contract.js';
import { bankingErrors } from './errors.js';
import { bankAccounts, bankStatements, type BankAccountRow } from './schema.js';

export const bankAccountView = (row: BankAccountRow, statementCount: number): BankAccount => ({
  id: row.id,
  label: row.label,
  iban: row.iban,
  otherId: row.otherId,
  bic: row.bic,
  currency: row.currency,
  ledgerAccount: row.ledgerAccount,
  journalCode: row.journalCode,
  statementCount,
});

/** The coop's bank accounts, in the order they were opened, with how many statements each holds. */
export async function listBankAccounts(db: Executor, coopId: string): Promise<BankAccount[]> {
  const rows = await db.select().from(bankAccounts).where(eq(bankAccounts.coopId, coopId)).orderBy(asc(bankAccounts.createdAt), asc(bankAccounts.id));
  const counts = await db
    .select({ id: bankStatements.bankAccountId, n: count() })
    .from(bankStatements)
    .where(eq(bankStatements.coopId, coopId))
    .groupBy(bankStatements.bankAccountId);
  const byAccount = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return rows.map((row) => bankAccountView(row, byAccount.get(row.id) ?? 0));
}

/** One account of the coop; a 404 when it is not one of its own. */
export async function bankAccountOf(db: Executor, coopId: string, id: string): Promise<BankAccountRow> {
  const [row] = await db.select().from(bankAccounts).where(and(eq(bankAccounts.coopId, coopId), eq(bankAccounts.id, id)));
  if (!row) throw bankingErrors.BANK_ACCOUNT_NOT_FOUND();
  return row;
}
