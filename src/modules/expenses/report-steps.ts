import type { Executor } from '../../platform/db/client.js';
import type { ExpenseReportStatus } from './domain/report-status.js';
import { expenseReportSteps } from './schema.js';

/** Writes a step of a report's history, in the transaction that moved it. */
export async function recordStep(tx: Executor, coopId: string, reportId: string, step: ExpenseReportStatus, by: string | null, comment: string | null = null): Promise<void> {
  await tx.insert(expenseReportSteps).values({ coopId, reportId, step, by, comment });
}
