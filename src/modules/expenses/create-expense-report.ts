import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { takeNextNumber } from '../../platform/numbering/take-next-number.js';
import type { CreateExpenseReportBody, UpdateExpenseReportBody } from './contract.js';
import { isEditable } from './domain/report-status.js';
import { expensesErrors } from './errors.js';
import { reportMemberAndActivity, visibleExpenseReport } from './expense-report-access.js';
import { expenseReports, type ExpenseReportRow } from './schema.js';

/** A member (or the team, for a member) opens a report on one of the member's activities: a draft, numbered in the coop's NF series. */
export async function createExpenseReport(db: Db, actor: Actor, body: CreateExpenseReportBody): Promise<ExpenseReportRow> {
  return db.transaction(async (tx) => {
    const { memberId } = await reportMemberAndActivity(tx, actor, body);
    const seq = await takeNextNumber(tx, { coopId: actor.coopId, series: 'expense_report' });
    const [row] = await tx
      .insert(expenseReports)
      .values({ coopId: actor.coopId, number: `NF-${String(seq).padStart(5, '0')}`, memberId, activityId: body.activityId, title: body.title, payeeIban: body.payeeIban ?? null, payeeBic: body.payeeBic ?? null, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, { action: 'expense_report.created', entityType: 'expense_report', entityId: row!.id, after: { number: row!.number, memberId, activityId: body.activityId, title: body.title } });
    return row!;
  });
}

/** Changes the title, activity or the account the refund goes to, while the report is a draft or returned. */
export async function updateExpenseReport(db: Db, actor: Actor, id: string, patch: UpdateExpenseReportBody): Promise<ExpenseReportRow> {
  return db.transaction(async (tx) => {
    const before = await visibleExpenseReport(tx, actor, id, { lock: true });
    if (!isEditable(before.status)) throw expensesErrors.EXPENSE_REPORT_WRONG_STATUS();
    if (patch.activityId && patch.activityId !== before.activityId) await reportMemberAndActivity(tx, actor, { memberId: before.memberId, activityId: patch.activityId });
    const [after] = await tx
      .update(expenseReports)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(expenseReports.coopId, actor.coopId), eq(expenseReports.id, id)))
      .returning();
    await recordAudit(tx, actor, { action: 'expense_report.updated', entityType: 'expense_report', entityId: id, before: { title: before.title, activityId: before.activityId, payeeIban: before.payeeIban }, after: { title: after!.title, activityId: after!.activityId, payeeIban: after!.payeeIban } });
    return after!;
  });
}
