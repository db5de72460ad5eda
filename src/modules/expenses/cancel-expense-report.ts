import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { reverseContributionBaseDeduction } from '../contribution/index.js';
import { reverseEntry } from '../ledger/index.js';
import { mayMoveReport } from './domain/report-status.js';
import { expensesErrors } from './errors.js';
import { lockMemberAdvances } from './expense-advances.js';
import { visibleExpenseReport } from './expense-report-access.js';
import { recordStep } from './report-steps.js';
import { expenseReports, type ExpenseReportRow } from './schema.js';

/**
 * The team cancels a validated report not yet paid (validated by mistake, a duplicate): its
 * entry is reversed (contre-passation, never deleted), its contribution deduction too, and
 * what it settled of an expense advance is outstanding again. Audited with the reason.
 */
export async function cancelExpenseReport(db: Db, actor: Actor, id: string, body: { comment: string }, today: string): Promise<ExpenseReportRow> {
  return db.transaction(async (tx) => {
    const before = await visibleExpenseReport(tx, actor, id, { lock: true });
    if (!mayMoveReport(before.status, 'cancelled') || !before.validationEntryId) throw expensesErrors.EXPENSE_REPORT_WRONG_STATUS();
    await lockMemberAdvances(tx, actor.coopId, before.memberId, before.activityId);
    const { id: reversalId } = await reverseEntry(tx, actor, before.validationEntryId, today);
    const deduction = await reverseContributionBaseDeduction(tx, actor, { sourceType: 'expense_report', sourceId: id, date: today });
    const [after] = await tx
      .update(expenseReports)
      .set({ status: 'cancelled', cancellationEntryId: reversalId, updatedAt: new Date() })
      .where(and(eq(expenseReports.coopId, actor.coopId), eq(expenseReports.id, id)))
      .returning();
    await recordStep(tx, actor.coopId, id, 'cancelled', actor.userId, body.comment);
    await recordAudit(tx, actor, {
      action: 'expense_report.cancelled',
      entityType: 'expense_report',
      entityId: id,
      before: { status: before.status },
      after: { status: 'cancelled', comment: body.comment, reversalEntryId: reversalId, contributionReversalEntryId: deduction.entryId, memberId: before.memberId, activityId: before.activityId },
    });
    return after!;
  });
}
