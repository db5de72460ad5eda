import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityScopeOf, activitySummaries, whereInScope, type Viewer } from '../activities/index.js';
import type { Loan } from './contract.js';
import { advanceErrors } from './errors.js';
import { loanInstallments, loans, type LoanRow } from './schema.js';

async function withSchedules(db: Executor, coopId: string, rows: LoanRow[]): Promise<Loan[]> {
  if (rows.length === 0) return [];
  const acts = await activitySummaries(db, coopId, rows.map((r) => r.activityId));
  const installments = await db
    .select()
    .from(loanInstallments)
    .where(and(eq(loanInstallments.coopId, coopId), inArray(loanInstallments.loanId, rows.map((r) => r.id))))
    .orderBy(asc(loanInstallments.seq));
  return rows.map((r) => {
    const own = installments.filter((i) => i.loanId === r.id);
    const repaidCents = own.filter((i) => i.postedAt).reduce((s, i) => s + i.principalCents, 0);
    return {
      id: r.id,
      activityId: r.activityId,
      activityName: acts.get(r.activityId)?.name ?? '',
      kind: r.kind,
      principalCents: r.principalCents,
      rateBp: r.rateBp,
      installmentCount: r.installmentCount,
      startMonth: r.startMonth,
      grantDate: r.grantDate,
      note: r.note,
      repaidCents,
      outstandingCents: r.principalCents - repaidCents,
      installments: own.map((i) => ({ seq: i.seq, month: i.month, dueDate: i.dueDate, principalCents: i.principalCents, interestCents: i.interestCents, posted: Boolean(i.postedAt) })),
    };
  });
}

/** The loans a person may see (a member: her activities'), latest first, with their schedules. */
export async function listLoans(db: Executor, viewer: Viewer): Promise<Loan[]> {
  const where = whereInScope(await activityScopeOf(db, viewer), eq(loans.coopId, viewer.coopId), loans.activityId);
  if (!where) return [];
  const rows = await db.select().from(loans).where(where).orderBy(desc(loans.grantDate), desc(loans.createdAt)).limit(500);
  return withSchedules(db, viewer.coopId, rows);
}

export async function getLoan(db: Executor, viewer: Viewer, id: string): Promise<Loan> {
  const where = whereInScope(await activityScopeOf(db, viewer), eq(loans.coopId, viewer.coopId), loans.activityId);
  const [row] = where ? await db.select().from(loans).where(and(where, eq(loans.id, id))) : [];
  if (!row) throw advanceErrors.LOAN_NOT_FOUND();
  return (await withSchedules(db, viewer.coopId, [row]))[0]!;
}
