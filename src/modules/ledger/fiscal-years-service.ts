import { and, asc, eq } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import { todayFromClock } from '../../platform/calendar/index.js';
import { EXCLUSION_VIOLATION, sqlState, type Executor } from '../../platform/db/client.js';
import { AppError, invalidField } from '../../platform/errors.js';
import type { FiscalYear, OpenFiscalYearBody } from './contract.js';
import { carryBalancesForward, neighbourYear } from './carry-balances-forward.js';
import { closeProblem, dayAfter, dayBefore, newFiscalYearProblem } from './domain/fiscal-years.js';
import { ledgerErrors } from './errors.js';
import { fiscalYears } from './schema.js';

const view = (r: typeof fiscalYears.$inferSelect): FiscalYear => ({ id: r.id, startDate: r.startDate, endDate: r.endDate, closedAt: r.closedAt });

/** The fiscal years of a cooperative, oldest first. */
export async function listFiscalYears(db: Executor, coopId: string): Promise<FiscalYear[]> {
  const rows = await db.select().from(fiscalYears).where(eq(fiscalYears.coopId, coopId)).orderBy(asc(fiscalYears.startDate));
  return rows.map(view);
}

/**
 * Opens a fiscal year; the database refuses one overlapping another (exclusion constraint).
 * When the year before it is closed already, its balances are carried into this one (à-nouveaux).
 */
export async function openFiscalYear(tx: Executor, actor: AuditActor, input: OpenFiscalYearBody): Promise<FiscalYear> {
  const problem = newFiscalYearProblem(input.startDate, input.endDate);
  if (problem) throw invalidField(problem.path, problem.message);
  try {
    const [row] = await tx.insert(fiscalYears).values({ coopId: actor.coopId, startDate: input.startDate, endDate: input.endDate }).returning();
    await recordAudit(tx, actor, { action: 'fiscal_year.opened', entityType: 'fiscal_year', entityId: row.id, after: { startDate: row.startDate, endDate: row.endDate } });
    const previous = await neighbourYear(tx, actor.coopId, { endDate: dayBefore(row.startDate) });
    if (previous) await carryBalancesForward(tx, actor, previous, row);
    return view(row);
  } catch (err) {
    if (sqlState(err) === EXCLUSION_VIOLATION) throw ledgerErrors.FISCAL_YEAR_OVERLAP([{ path: 'startDate', message: ledgerErrors.FISCAL_YEAR_OVERLAP().text }]);
    throw err;
  }
}

/**
 * Closes a fiscal year for good: no entry enters it afterwards (the database refuses it
 * too). The year row is locked so postings under way finish first; the rule is checked
 * again under that lock. When the next year is open, the balances are carried into it in the
 * same transaction (à-nouveaux); otherwise when it is opened.
 */
export async function closeFiscalYear(tx: Executor, actor: AuditActor, yearId: string, today = todayFromClock()): Promise<FiscalYear> {
  const [year] = await tx
    .select()
    .from(fiscalYears)
    .where(and(eq(fiscalYears.coopId, actor.coopId), eq(fiscalYears.id, yearId)))
    .for('update');
  if (!year) throw ledgerErrors.FISCAL_YEAR_NOT_FOUND();
  const years = await listFiscalYears(tx, actor.coopId);
  const problem = closeProblem(view(year), years, today);
  if (problem) throw new AppError('FISCAL_YEAR_NOT_CLOSABLE', 'conflict', problem);
  const [row] = await tx
    .update(fiscalYears)
    .set({ closedAt: new Date(), closedBy: actor.userId })
    .where(and(eq(fiscalYears.coopId, actor.coopId), eq(fiscalYears.id, yearId)))
    .returning();
  await recordAudit(tx, actor, { action: 'fiscal_year.closed', entityType: 'fiscal_year', entityId: yearId, before: { closedAt: null }, after: { closedAt: row.closedAt } });
  const next = await neighbourYear(tx, actor.coopId, { startDate: dayAfter(row.endDate) });
  if (next) await carryBalancesForward(tx, actor, row, next);
  return view(row);
}
