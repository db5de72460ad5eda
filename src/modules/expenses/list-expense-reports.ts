import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/client.js';
import { displayNamesOf } from '../../platform/auth/service.js';
import type { Actor } from '../../platform/http/context.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import { activitySummaries } from '../activities/index.js';
import { memberNames } from '../members/index.js';
import type { ExpenseLine, ExpenseReport, ExpenseReportListQuery, ExpenseReportSummary } from './contract.js';
import { advanceOutstandingOf } from './expense-advances.js';
import { expenseReportScope, visibleExpenseReport } from './expense-report-access.js';
import { mileageScaleFor } from './mileage-scales.js';
import { linesOfReport, totalsOf } from './report-totals.js';
import { expenseLines, expenseReports, expenseReportSteps, spendingCategories, type ExpenseReportRow } from './schema.js';
import { ACCOUNTS } from '../ledger/index.js';

async function summariesOf(db: Executor, coopId: string, rows: ExpenseReportRow[]): Promise<ExpenseReportSummary[]> {
  const ids = rows.map((r) => r.id);
  const [names, activities, sums] = await Promise.all([
    memberNames(db, coopId, [...new Set(rows.map((r) => r.memberId))]),
    activitySummaries(db, coopId, rows.map((r) => r.activityId)),
    ids.length
      ? db
          .select({ reportId: expenseLines.reportId, gross: sql<string>`sum(${expenseLines.grossCents})` })
          .from(expenseLines)
          .where(and(eq(expenseLines.coopId, coopId), inArray(expenseLines.reportId, ids)))
          .groupBy(expenseLines.reportId)
      : Promise.resolve([]),
  ]);
  const gross = new Map(sums.map((s) => [s.reportId, Number(s.gross)]));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    memberId: r.memberId,
    memberName: names.get(r.memberId) ?? '',
    activityId: r.activityId,
    activityName: activities.get(r.activityId)?.name ?? '',
    title: r.title,
    status: r.status,
    totalGrossCents: r.totalGrossCents ?? gross.get(r.id) ?? 0,
    refundCents: r.refundCents,
    paidOn: r.paidOn,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The reports the actor may read, newest first: a member their own, the team every one (filtered by status or member). */
export async function listExpenseReports(db: Db, actor: Actor, q: ExpenseReportListQuery & { page: number; pageSize: number }): Promise<Page<ExpenseReportSummary>> {
  const scope = await expenseReportScope(db, actor);
  if (!scope) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(scope, q.status ? eq(expenseReports.status, q.status) : undefined, q.memberId ? eq(expenseReports.memberId, q.memberId) : undefined);
  const [rows, [total]] = await Promise.all([
    db.select().from(expenseReports).where(where).orderBy(desc(expenseReports.createdAt), desc(expenseReports.id)).limit(q.pageSize).offset(offsetOf(q)),
    db.select({ n: count() }).from(expenseReports).where(where),
  ]);
  return { items: await summariesOf(db, actor.coopId, rows), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** A report with its lines, totals, history and the member's outstanding expense advance. */
export async function expenseReportView(db: Executor, coopId: string, row: ExpenseReportRow, today: string): Promise<ExpenseReport> {
  const [summary] = await summariesOf(db, coopId, [row]);
  const lines = await linesOfReport(db, coopId, row.id);
  const categoryIds = [...new Set(lines.flatMap((l) => (l.categoryId ? [l.categoryId] : [])))];
  const categories = new Map(
    (categoryIds.length ? await db.select().from(spendingCategories).where(and(eq(spendingCategories.coopId, coopId), inArray(spendingCategories.id, categoryIds))) : []).map((c) => [c.id, c]),
  );
  const steps = await db
    .select()
    .from(expenseReportSteps)
    .where(and(eq(expenseReportSteps.coopId, coopId), eq(expenseReportSteps.reportId, row.id)))
    .orderBy(asc(expenseReportSteps.at));
  const who = await displayNamesOf(db, steps.flatMap((s) => (s.by ? [s.by] : [])));
  const totals = totalsOf(lines);
  return {
    ...summary!,
    payeeIban: row.payeeIban,
    payeeBic: row.payeeBic,
    totalGrossCents: row.totalGrossCents ?? totals.grossCents,
    totalNetCents: totals.netCents,
    totalVatCents: totals.vatCents,
    advanceSettledCents: row.advanceSettledCents,
    advanceOutstandingCents: await advanceOutstandingOf(db, coopId, row.memberId, row.activityId),
    lines: lines.map((l): ExpenseLine => {
      const c = l.categoryId ? categories.get(l.categoryId) : undefined;
      return {
        id: l.id,
        kind: l.kind,
        spentOn: l.spentOn,
        description: l.description,
        categoryId: l.categoryId,
        categoryLabel: c ? { fr: c.labelFr, en: c.labelEn } : null,
        account: c?.account ?? ACCOUNTS.travelExpenses,
        inContributionBase: c?.inContributionBase ?? false,
        grossCents: l.grossCents,
        netCents: l.netCents,
        vatCents: l.vatCents,
        vatRateBp: l.vatRateBp,
        horsepower: l.horsepower,
        distanceKm: l.distanceKm,
        scaleYear: l.scaleYear,
        receipt: l.receiptKey ? { type: l.receiptType ?? '', name: l.receiptName ?? '', bytes: l.receiptBytes ?? 0 } : null,
      };
    }),
    steps: steps.map((s) => ({ step: s.step, comment: s.comment, byName: s.by ? (who.get(s.by) ?? null) : null, at: s.at.toISOString() })),
    mileageScaleYear: mileageScaleFor(Number(today.slice(0, 4)))?.year ?? null,
  };
}

export async function getExpenseReport(db: Db, actor: Actor, id: string, today: string): Promise<ExpenseReport> {
  return expenseReportView(db, actor.coopId, await visibleExpenseReport(db, actor, id), today);
}
