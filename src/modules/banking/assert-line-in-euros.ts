import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { bankingErrors } from './errors.js';
import { bankStatements, type BankStatementLineRow } from './schema.js';

/** The books of a French coop are kept in euros (Code de commerce L123-22): the currency every amount of the ledger is in. */
const BOOKS_CURRENCY = 'EUR';

/**
 * Refuses to book a line of a statement kept in another currency: 2 187,00 CHF are not
 * 2 187,00 €, and the euro amount (the bank's conversion, at its rate and date) is not in the
 * statement. Checked in the transaction that books the line, for a payment and a debit alike.
 */
export async function assertLineInEuros(tx: Executor, line: BankStatementLineRow): Promise<void> {
  const [statement] = await tx
    .select({ currency: bankStatements.currency })
    .from(bankStatements)
    .where(and(eq(bankStatements.coopId, line.coopId), eq(bankStatements.id, line.statementId)));
  if (statement && statement.currency !== BOOKS_CURRENCY) throw bankingErrors.BANK_LINE_FOREIGN_CURRENCY();
}
