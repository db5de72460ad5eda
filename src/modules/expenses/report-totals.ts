import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { expenseLines, type ExpenseLineRow } from './schema.js';

export async function linesOfReport(db: Executor, coopId: string, reportId: string): Promise<ExpenseLineRow[]> {
  return db
    .select()
    .from(expenseLines)
    .where(and(eq(expenseLines.coopId, coopId), eq(expenseLines.reportId, reportId)))
    .orderBy(expenseLines.spentOn, expenseLines.createdAt);
}

export function totalsOf(lines: readonly Pick<ExpenseLineRow, 'grossCents' | 'netCents' | 'vatCents'>[]) {
  return lines.reduce((t, l) => ({ grossCents: t.grossCents + l.grossCents, netCents: t.netCents + l.netCents, vatCents: t.vatCents + l.vatCents }), { grossCents: 0, netCents: 0, vatCents: 0 });
}
