import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { memberBankDetails } from '../members/index.js';
import { expenseReports } from './schema.js';

/**
 * What the coop owes members on validated expense reports, oldest validation first (the
 * payable source the payouts module lists for SEPA transfers): the refund, to the IBAN the
 * member gave on the report, else to the one of their profile (none at all: payouts shows it
 * missing, never pays it).
 */
export async function listPayables(db: Database | Database['db'], coopId: string) {
  const d = 'db' in db ? db.db : db;
  const rows = await d
    .select()
    .from(expenseReports)
    .where(and(eq(expenseReports.coopId, coopId), eq(expenseReports.status, 'validated'), gt(expenseReports.refundCents, 0)))
    .orderBy(asc(expenseReports.validatedAt), asc(expenseReports.number));
  const payees = await memberBankDetails(d, coopId, [...new Set(rows.map((r) => r.memberId))]);
  return rows.map((r) => {
    const payee = payees.get(r.memberId);
    // The report's own IBAN and BIC go together; the profile's BIC never pairs with another account.
    const own = r.payeeIban !== null;
    return {
      sourceType: 'expense_report' as const,
      sourceId: r.id,
      activityId: r.activityId as string | null,
      payeeMemberId: r.memberId as string | null,
      payeeName: payee?.name ?? '',
      payeeIban: own ? r.payeeIban : (payee?.iban ?? null),
      payeeBic: own ? r.payeeBic : (payee?.bic ?? null),
      amountCents: r.refundCents ?? 0,
      reference: `Note de frais ${r.number}`,
      dueOn: null as string | null,
    };
  });
}
