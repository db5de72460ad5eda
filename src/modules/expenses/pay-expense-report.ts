import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { ACCOUNTS, postEntry } from '../ledger/index.js';
import { memberNames } from '../members/index.js';
import { bankAccountOf } from './bank-account-of.js';
import type { PayExpenseReportBody } from './contract.js';
import { mayMoveReport } from './domain/report-status.js';
import { expensesErrors } from './errors.js';
import { visibleExpenseReport } from './expense-report-access.js';
import { recordStep } from './report-steps.js';
import { expenseReports, type ExpenseReportRow } from './schema.js';

/**
 * The refund of a validated report is paid (payable source of the payouts module, and the
 * team's manual "mark paid"): D 4671 on the activity / C the bank account's 512, in its
 * journal, dated the day paid; the report is paid. In the caller's transaction, the report
 * locked: refused (409) when it is no longer payable — paid already, cancelled, or the amount
 * is not its refund — so a refund is never booked twice.
 */
export async function markPaid(
  tx: Executor,
  coopId: string,
  sourceId: string,
  input: { paidOn: string; amountCents: number; bankAccountId: string; actorId: string | null; via: 'sepa_transfer' | 'manual' },
): Promise<{ entryId: string }> {
  const actor = { coopId, userId: input.actorId };
  const where = and(eq(expenseReports.coopId, coopId), eq(expenseReports.id, sourceId));
  const [before] = await tx.select().from(expenseReports).where(where).for('update');
  if (!before) throw expensesErrors.EXPENSE_REPORT_NOT_FOUND();
  if (!mayMoveReport(before.status, 'paid') || before.refundCents !== input.amountCents) throw expensesErrors.NOT_PAYABLE();
  const bank = await bankAccountOf(tx, actor, input.bankAccountId || undefined);
  const name = (await memberNames(tx, coopId, [before.memberId])).get(before.memberId) ?? '';
  const label = `Remboursement note de frais ${before.number} — ${name}`.slice(0, 300);
  const { id: entryId } = await postEntry(tx, actor, {
    journal: bank.journalCode,
    date: input.paidOn,
    label,
    source: { type: 'expense_report_payment', id: sourceId },
    lines: [
      { account: ACCOUNTS.expenseRefunds, debitCents: input.amountCents, activityId: before.activityId, label },
      { account: bank.ledgerAccount, creditCents: input.amountCents, label: before.number },
    ],
  });
  await tx.update(expenseReports).set({ status: 'paid', paidOn: input.paidOn, paymentEntryId: entryId, updatedAt: new Date() }).where(where);
  await recordStep(tx, coopId, sourceId, 'paid', input.actorId, input.via === 'sepa_transfer' ? 'virement SEPA' : null);
  await recordAudit(tx, actor, {
    action: 'expense_report.paid',
    entityType: 'expense_report',
    entityId: sourceId,
    before: { status: before.status },
    after: { status: 'paid', paidOn: input.paidOn, via: input.via, paymentEntryId: entryId, amountCents: input.amountCents, number: before.number, memberId: before.memberId, activityId: before.activityId },
  });
  return { entryId };
}

/** The team records a refund paid outside a SEPA batch (its own transfer), the whole refund at once. */
export async function markExpenseReportPaid(db: Db, actor: Actor, id: string, body: PayExpenseReportBody, today: string): Promise<ExpenseReportRow> {
  return db.transaction(async (tx) => {
    const report = await visibleExpenseReport(tx, actor, id, { lock: true });
    if (body.paidOn > today) throw invalidField('paidOn', { fr: 'Le paiement ne peut pas être daté après aujourd’hui.', en: 'The payment cannot be dated after today.' });
    if (!mayMoveReport(report.status, 'paid')) throw expensesErrors.EXPENSE_REPORT_WRONG_STATUS();
    await markPaid(tx, actor.coopId, id, { paidOn: body.paidOn, amountCents: report.refundCents ?? 0, bankAccountId: body.bankAccountId ?? '', actorId: actor.userId, via: 'manual' });
    const [after] = await tx.select().from(expenseReports).where(and(eq(expenseReports.coopId, actor.coopId), eq(expenseReports.id, id)));
    return after!;
  });
}
