import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { postContributionBaseDeduction } from '../contribution/index.js';
import { ACCOUNTS, DEDUCTIBLE_VAT_ACCOUNT, JOURNALS, postEntry, type NewEntry } from '../ledger/index.js';
import { memberNames } from '../members/index.js';
import { refundOf } from './domain/expense-amounts.js';
import { mayMoveReport } from './domain/report-status.js';
import { expensesErrors } from './errors.js';
import { advanceOutstandingOf, lockMemberAdvances } from './expense-advances.js';
import { visibleExpenseReport } from './expense-report-access.js';
import { linesOfReport, totalsOf } from './report-totals.js';
import { recordStep } from './report-steps.js';
import { expenseReports, spendingCategories, type ExpenseReportRow } from './schema.js';

/**
 * The team accepts a submitted report: its expenses are booked to the member's activity, in
 * the purchases journal (AC) — D each line's cost excl. VAT on its category's account (a trip
 * on 6251), D 44566 the VAT the receipts show / C 4672 what an outstanding expense advance
 * covers (settled first) and C 4671 the rest, the refund the coop owes the member. The costs
 * of categories in the contribution base then lower the activity's contribution (the
 * contribution module's `postContributionBaseDeduction`). A report the advance covers whole is
 * paid at once (nothing to transfer). One transaction: status, entries, step and audit.
 */
export async function validateExpenseReport(db: Db, actor: Actor, id: string, today: string): Promise<ExpenseReportRow> {
  return db.transaction(async (tx) => {
    const before = await visibleExpenseReport(tx, actor, id, { lock: true });
    if (!mayMoveReport(before.status, 'validated')) throw expensesErrors.EXPENSE_REPORT_WRONG_STATUS();
    const lines = await linesOfReport(tx, actor.coopId, id);
    if (lines.length === 0) throw expensesErrors.EXPENSE_REPORT_EMPTY();
    const categoryIds = [...new Set(lines.flatMap((l) => (l.categoryId ? [l.categoryId] : [])))];
    const categories = new Map(
      (categoryIds.length ? await tx.select().from(spendingCategories).where(and(eq(spendingCategories.coopId, actor.coopId), inArray(spendingCategories.id, categoryIds))) : []).map((c) => [c.id, c]),
    );
    const totals = totalsOf(lines);
    await lockMemberAdvances(tx, actor.coopId, before.memberId, before.activityId);
    const { settledCents, refundCents } = refundOf(totals.grossCents, await advanceOutstandingOf(tx, actor.coopId, before.memberId, before.activityId));
    const name = (await memberNames(tx, actor.coopId, [before.memberId])).get(before.memberId) ?? '';
    const label = `Note de frais ${before.number} — ${name}`.slice(0, 300);
    const activityId = before.activityId;
    const entryLines: NewEntry['lines'] = lines.map((l) => ({
      account: l.kind === 'mileage' ? ACCOUNTS.travelExpenses : categories.get(l.categoryId!)!.account,
      debitCents: l.netCents,
      activityId,
      label: `${before.number} — ${l.description}`.slice(0, 300),
    }));
    if (totals.vatCents > 0) entryLines.push({ account: DEDUCTIBLE_VAT_ACCOUNT, debitCents: totals.vatCents, activityId, label: `${before.number} — TVA déductible` });
    if (settledCents > 0) entryLines.push({ account: ACCOUNTS.expenseAdvances, creditCents: settledCents, activityId, label: `${label} — avance sur frais déduite` });
    if (refundCents > 0) entryLines.push({ account: ACCOUNTS.expenseRefunds, creditCents: refundCents, activityId, label });
    const { id: entryId } = await postEntry(tx, actor, { journal: JOURNALS.purchases, date: today, label, source: { type: 'expense_report', id }, lines: entryLines });
    const baseCents = lines.reduce((s, l) => s + (l.categoryId && categories.get(l.categoryId)?.inContributionBase ? l.netCents : 0), 0);
    const deduction = baseCents > 0 ? await postContributionBaseDeduction(tx, actor, { sourceType: 'expense_report', sourceId: id, reference: before.number, date: today, costs: [{ activityId, baseCents }] }) : null;
    const paidAtOnce = refundCents === 0;
    const [after] = await tx
      .update(expenseReports)
      .set({
        status: paidAtOnce ? 'paid' : 'validated',
        totalGrossCents: totals.grossCents,
        advanceSettledCents: settledCents,
        refundCents,
        validationEntryId: entryId,
        validatedAt: new Date(),
        validatedBy: actor.userId,
        paidOn: paidAtOnce ? today : null,
        updatedAt: new Date(),
      })
      .where(and(eq(expenseReports.coopId, actor.coopId), eq(expenseReports.id, id)))
      .returning();
    await recordStep(tx, actor.coopId, id, 'validated', actor.userId);
    await recordAudit(tx, actor, {
      action: 'expense_report.validated',
      entityType: 'expense_report',
      entityId: id,
      before: { status: before.status },
      after: { status: after!.status, number: before.number, memberId: before.memberId, activityId, entryId, ...totals, advanceSettledCents: settledCents, refundCents, contributionDeductedCents: deduction?.amountCents ?? 0 },
    });
    if (paidAtOnce) await recordStep(tx, actor.coopId, id, 'paid', actor.userId, 'avance sur frais');
    return after!;
  });
}
