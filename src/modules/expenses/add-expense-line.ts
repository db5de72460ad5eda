import { and, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField, platformErrors } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { AddExpenseLine } from './contract.js';
import { expenseAmounts } from './domain/expense-amounts.js';
import { tripAllowanceCents } from './domain/mileage.js';
import { isEditable } from './domain/report-status.js';
import { expensesErrors } from './errors.js';
import { visibleExpenseReport } from './expense-report-access.js';
import { kmClaimedInYear, mileageScaleFor } from './mileage-scales.js';
import { expenseLines, type ExpenseLineRow } from './schema.js';
import { spendingCategoryOf } from './spending-category-of.js';

/** A report's lines are one entry's lines at validation: kept well under the ledger's 500. */
export const MAX_LINES_PER_REPORT = 200;

/**
 * Adds a line to a report the member is writing: an expense (its category active, its
 * amounts holding: HT + TVA = TTC) or a trip at the mileage scale of its year, priced with the
 * km the member already claimed that year (the band is the year's). Dated no later than today.
 */
export async function addExpenseLine(db: Db, actor: Actor, reportId: string, body: AddExpenseLine, today: string): Promise<ExpenseLineRow> {
  return db.transaction(async (tx) => {
    const report = await visibleExpenseReport(tx, actor, reportId, { lock: true });
    if (!isEditable(report.status)) throw expensesErrors.EXPENSE_REPORT_WRONG_STATUS();
    if (body.spentOn > today) throw invalidField('spentOn', { fr: 'La dépense ne peut pas être datée après aujourd’hui.', en: 'The expense cannot be dated after today.' });
    const [n] = await tx.select({ n: count() }).from(expenseLines).where(and(eq(expenseLines.coopId, actor.coopId), eq(expenseLines.reportId, reportId)));
    if ((n?.n ?? 0) >= MAX_LINES_PER_REPORT) throw invalidField('kind', { fr: `${MAX_LINES_PER_REPORT} lignes au plus par note : ouvrez-en une autre.`, en: `${MAX_LINES_PER_REPORT} lines at most per report: open another one.` });
    let values: typeof expenseLines.$inferInsert;
    if (body.kind === 'expense') {
      const category = await spendingCategoryOf(tx, actor.coopId, body.categoryId);
      if (!category || !category.active) throw invalidField('categoryId', { fr: 'Catégorie inconnue ou désactivée.', en: 'Unknown or deactivated category.' });
      const amounts = expenseAmounts(body);
      if (!amounts.ok) throw platformErrors.VALIDATION_FAILED(amounts.problems.map((p) => ({ path: p.path, message: { fr: p.fr, en: p.en } })));
      values = { coopId: actor.coopId, reportId, kind: 'expense', spentOn: body.spentOn, description: body.description, categoryId: category.id, ...amounts.amounts, vatRateBp: body.vatCents !== undefined ? null : (body.vatRateBp ?? 0) };
    } else {
      const year = Number(body.spentOn.slice(0, 4));
      const scale = mileageScaleFor(year);
      if (!scale) throw invalidField('spentOn', { fr: "Aucun barème kilométrique n'est connu pour cette année.", en: 'No mileage scale is known for this year.' });
      const priorKm = await kmClaimedInYear(tx, actor.coopId, report.memberId, year);
      const grossCents = tripAllowanceCents(scale, body.horsepower, body.distanceKm, priorKm);
      if (grossCents < 1) throw invalidField('distanceKm', { fr: 'Ce trajet ne donne aucune indemnité.', en: 'This trip gives no allowance.' });
      values = { coopId: actor.coopId, reportId, kind: 'mileage', spentOn: body.spentOn, description: body.description, grossCents, netCents: grossCents, vatCents: 0, horsepower: body.horsepower, distanceKm: body.distanceKm, scaleYear: scale.year };
    }
    const [row] = await tx.insert(expenseLines).values(values).returning();
    await recordAudit(tx, actor, { action: 'expense_report.line_added', entityType: 'expense_report', entityId: reportId, after: { expenseLineId: row!.id, kind: row!.kind, grossCents: row!.grossCents, vatCents: row!.vatCents, categoryId: row!.categoryId, distanceKm: row!.distanceKm } });
    return row!;
  });
}

/** Removes a line (and forgets its receipt's file) while the report is a draft or returned. */
export async function removeExpenseLine(db: Db, actor: Actor, reportId: string, lineId: string): Promise<{ receiptKey: string | null }> {
  return db.transaction(async (tx) => {
    const report = await visibleExpenseReport(tx, actor, reportId, { lock: true });
    if (!isEditable(report.status)) throw expensesErrors.EXPENSE_REPORT_WRONG_STATUS();
    const [row] = await tx
      .delete(expenseLines)
      .where(and(eq(expenseLines.coopId, actor.coopId), eq(expenseLines.reportId, reportId), eq(expenseLines.id, lineId)))
      .returning();
    if (!row) throw expensesErrors.EXPENSE_LINE_NOT_FOUND();
    await recordAudit(tx, actor, { action: 'expense_report.line_removed', entityType: 'expense_report', entityId: reportId, before: { expenseLineId: lineId, kind: row.kind, grossCents: row.grossCents, receiptSha256: row.receiptSha256 } });
    return { receiptKey: row.receiptKey };
  });
}
