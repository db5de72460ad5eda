import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { memberNames } from '../members/index.js';
import { expenseReports } from './schema.js';

/**
 * What the coop owes members on validated expense reports, oldest validation first (the
 * payable source the payouts module lists for SEPA transfers): the refund, to the IBAN the
 * member gave on the report (null when they gave none: payouts shows it missing, never pays it).
 */
export async function listPayables(db: Database | Database['db'], coopId: string) {
  const d = 'db' in db ? db.db : db;
  const rows = await d
    .select()
    .from(expenseReports)
    .where(and(eq(expenseReports.coopId, coopId), eq(expenseReports.status, 'validated'), gt(expenseReports.refundCents, 0)))
    .orderBy(asc(expenseReports.validatedAt), asc(expenseReports.number));
  const names = await memberNames(d, coopId, [...new Set(rows.map((r) => r.memberId))]);
  return rows.map((r) => ({
    sourceType: 'expense_report' as const,
    sourceId: r.id,
    activityId: r.activityId as string | null,
    payeeName: names.get(r.memberId) ?? '',
    payeeIban: r.payeeIban,
    payeeBic: r.payeeBic,
    amountCents: r.refundCents ?? 0,
    reference: `Note de frais ${r.number}`,
    dueOn: null as string | null,
  }));
}
