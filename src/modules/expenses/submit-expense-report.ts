import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { ReturnExpenseReportBody } from './contract.js';
import { mayMoveReport } from './domain/report-status.js';
import { expensesErrors } from './errors.js';
import { visibleExpenseReport } from './expense-report-access.js';
import { linesOfReport, totalsOf } from './report-totals.js';
import { recordStep } from './report-steps.js';
import { expenseReports, type ExpenseReportRow } from './schema.js';

/**
 * The member hands the report to the team (first time, or again after changes). Every expense
 * line must carry its receipt: the coop deducts VAT and books a cost only on a document
 * (art. 242 nonies A annexe II du CGI for the VAT; the accounting principle of a voucher for
 * every entry). A mileage line is its own voucher (date, trip, km, horsepower).
 */
export async function submitExpenseReport(db: Db, actor: Actor, id: string): Promise<ExpenseReportRow> {
  return db.transaction(async (tx) => {
    const before = await visibleExpenseReport(tx, actor, id, { lock: true });
    if (!mayMoveReport(before.status, 'submitted')) throw expensesErrors.EXPENSE_REPORT_WRONG_STATUS();
    const lines = await linesOfReport(tx, actor.coopId, id);
    if (lines.length === 0) throw expensesErrors.EXPENSE_REPORT_EMPTY();
    const missing = lines.findIndex((l) => l.kind === 'expense' && !l.receiptKey);
    if (missing >= 0) throw invalidField(`lines.${missing}.receipt`, { fr: 'Chaque dépense doit avoir son justificatif.', en: 'Every expense needs its receipt.' });
    const [after] = await tx
      .update(expenseReports)
      .set({ status: 'submitted', updatedAt: new Date() })
      .where(and(eq(expenseReports.coopId, actor.coopId), eq(expenseReports.id, id)))
      .returning();
    await recordStep(tx, actor.coopId, id, 'submitted', actor.userId);
    await recordAudit(tx, actor, {
      action: 'expense_report.submitted',
      entityType: 'expense_report',
      entityId: id,
      before: { status: before.status },
      after: { status: 'submitted', number: before.number, memberId: before.memberId, activityId: before.activityId, totalGrossCents: totalsOf(lines).grossCents },
    });
    return after!;
  });
}

/** The team returns a submitted report to the member with what to change; the member edits it and submits again. */
export async function returnExpenseReport(db: Db, actor: Actor, id: string, body: ReturnExpenseReportBody): Promise<ExpenseReportRow> {
  return db.transaction(async (tx) => {
    const before = await visibleExpenseReport(tx, actor, id, { lock: true });
    if (!mayMoveReport(before.status, 'returned')) throw expensesErrors.EXPENSE_REPORT_WRONG_STATUS();
    const [after] = await tx
      .update(expenseReports)
      .set({ status: 'returned', updatedAt: new Date() })
      .where(and(eq(expenseReports.coopId, actor.coopId), eq(expenseReports.id, id)))
      .returning();
    await recordStep(tx, actor.coopId, id, 'returned', actor.userId, body.comment);
    await recordAudit(tx, actor, {
      action: 'expense_report.returned',
      entityType: 'expense_report',
      entityId: id,
      before: { status: before.status },
      after: { status: 'returned', comment: body.comment, number: before.number, memberId: before.memberId, activityId: before.activityId },
    });
    return after!;
  });
}
