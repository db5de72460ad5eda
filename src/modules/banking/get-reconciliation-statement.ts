import { and, desc, eq, inArray, isNotNull, lte, max, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { accountLines } from '../ledger/index.js';
import type { ReconciliationStatementView } from './debit-contract.js';
import { reconciliationStatement } from './domain/reconciliation-statement.js';
import { bankAccountOf, bankAccountView } from './list-bank-accounts.js';
import { bankStatementLines as l, bankStatements as s } from './schema.js';

/**
 * The état de rapprochement of one bank account at a date: the bank balance (the closing
 * balance of the last statement whose lines end on or before the date), the balance of the
 * account's 512 sub-account at the date, and what explains the difference: the bank's lines
 * up to that statement not booked, and the 512 lines the bank has not shown. A read: it
 * writes nothing.
 *
 * The reconciliation starts with the account's first statement that states an opening
 * balance: what the books hold before its first day is what that balance covers (the
 * account's opening entry, the payments of before), as when an accountant starts reconciling
 * from the last reconciled statement. Books that disagree with it show as a difference.
 */
export async function getReconciliationStatement(db: Executor, coopId: string, bankAccountId: string, date: string): Promise<ReconciliationStatementView> {
  const account = await bankAccountOf(db, coopId, bankAccountId);
  const lastDate = max(l.bookingDate);
  const [reference] = await db
    .select({ id: s.id, statementRef: s.statementRef, closingBalanceCents: s.closingBalanceCents, lastDate })
    .from(s)
    .innerJoin(l, and(eq(l.coopId, s.coopId), eq(l.statementId, s.id)))
    .where(and(eq(s.coopId, coopId), eq(s.bankAccountId, account.id), isNotNull(s.closingBalanceCents)))
    .groupBy(s.coopId, s.id)
    .having(lte(lastDate, date))
    .orderBy(desc(lastDate), desc(s.importedAt))
    .limit(1);
  // The bank's side stops where its balance was stated; without one, at the date.
  const cutoff = reference?.lastDate ?? date;
  const firstDate = sql<string>`min(${l.bookingDate})`;
  const [start] = await db
    .select({ firstDate })
    .from(s)
    .innerJoin(l, and(eq(l.coopId, s.coopId), eq(l.statementId, s.id)))
    .where(and(eq(s.coopId, coopId), eq(s.bankAccountId, account.id), isNotNull(s.openingBalanceCents)))
    .groupBy(s.coopId, s.id)
    .orderBy(firstDate)
    .limit(1);

  const statementIds = db.select({ id: s.id }).from(s).where(and(eq(s.coopId, coopId), eq(s.bankAccountId, account.id)));
  const bankLines = await db
    .select({ lineId: l.id, date: l.bookingDate, label: l.label, reference: l.reference, amountCents: l.amountCents, status: l.status, paymentId: l.paymentId, remittanceId: l.remittanceId })
    .from(l)
    .where(and(eq(l.coopId, coopId), inArray(l.statementId, statementIds), lte(l.bookingDate, cutoff)))
    .orderBy(l.bookingDate, l.id);
  const paymentsSeen = new Set(bankLines.flatMap((b) => (b.status === 'matched' && b.paymentId ? [b.paymentId] : [])));
  const slipsSeen = new Set(bankLines.flatMap((b) => (b.status === 'matched' && b.remittanceId ? [b.remittanceId] : [])));
  const linesSeen = new Set(bankLines.flatMap((b) => (b.status === 'booked' ? [b.lineId] : [])));
  const ledger = await accountLines(db, coopId, { account: account.ledgerAccount, to: date });

  const result = reconciliationStatement({
    bankBalanceCents: reference ? Number(reference.closingBalanceCents) : null,
    ledgerLines: ledger.map((line) => ({
      ...line,
      seenOnBank:
        (start !== undefined && line.date < start.firstDate) ||
        (line.sourceId !== null &&
          ((line.sourceType === 'payment' && paymentsSeen.has(line.sourceId)) ||
            (line.sourceType === 'payment_remittance' && slipsSeen.has(line.sourceId)) ||
            (line.sourceType === 'bank_line' && linesSeen.has(line.sourceId)))),
    })),
    bankLines: bankLines.map((b) => ({ lineId: b.lineId, date: b.date, label: b.label || b.reference, amountCents: Number(b.amountCents), status: b.status })),
  });
  const [{ n }] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(s).where(and(eq(s.coopId, coopId), eq(s.bankAccountId, account.id)));
  return {
    bankAccount: bankAccountView(account, n),
    date,
    statement: reference ? { id: reference.id, statementRef: reference.statementRef, lastDate: reference.lastDate } : null,
    ...result,
  };
}
