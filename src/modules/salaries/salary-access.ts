import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityScopeOf, activitySummaries, scopeHolds, whereInScope, type Viewer } from '../activities/index.js';
import { memberNames } from '../members/index.js';
import type { SalaryRequest } from './contract.js';
import { salaryErrors } from './errors.js';
import { salaryRequests, type SalaryRequestRow } from './schema.js';

/**
 * Serialises the salary work of one activity (asking, validating) for the rest of the
 * transaction: the check "employer cost ≤ available" reads the treasury and the pending
 * requests, and two transactions checking at once would each see the other's euros as free.
 * A transaction-scoped advisory lock on (coop, activity), since the activity row belongs to
 * another module; it is released at commit or rollback.
 */
export async function lockActivitySalaries(tx: Executor, coopId: string, activityId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`salary:${coopId}:${activityId}`}))`);
}

/** The activity, when the person may see it (the one scope rule); a 404 otherwise, so that no one learns of another's activity. */
export async function visibleActivity(db: Executor, viewer: Viewer, activityId: string) {
  const scope = await activityScopeOf(db, viewer);
  const activity = scopeHolds(scope, activityId) ? (await activitySummaries(db, viewer.coopId, [activityId])).get(activityId) : undefined;
  if (!activity) throw salaryErrors.SALARY_ACTIVITY_NOT_FOUND();
  return activity;
}

/** The requests a person may see, as a condition: those of the activities in their scope; null when none. */
export async function visibleRequests(db: Executor, viewer: Viewer) {
  return whereInScope(await activityScopeOf(db, viewer), eq(salaryRequests.coopId, viewer.coopId), salaryRequests.activityId);
}

/** One request the person may see, locked for the transaction when asked; a 404 otherwise. */
export async function visibleRequest(db: Executor, viewer: Viewer, id: string, opts: { lock?: boolean } = {}): Promise<SalaryRequestRow> {
  const visible = await visibleRequests(db, viewer);
  if (!visible) throw salaryErrors.SALARY_REQUEST_NOT_FOUND();
  const query = db
    .select()
    .from(salaryRequests)
    .where(and(visible, eq(salaryRequests.id, id)));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw salaryErrors.SALARY_REQUEST_NOT_FOUND();
  return row;
}

const monthOf = (day: string) => day.slice(0, 7);

/** Requests as the API shows them, with their activity and member names. */
export async function viewsOf(db: Executor, coopId: string, rows: SalaryRequestRow[]): Promise<SalaryRequest[]> {
  const activities = await activitySummaries(db, coopId, rows.map((r) => r.activityId));
  const names = await memberNames(db, coopId, [...new Set(rows.map((r) => r.memberId))]);
  return rows.map((r) => ({
    id: r.id,
    activityId: r.activityId,
    activityCode: activities.get(r.activityId)?.code ?? '',
    activityName: activities.get(r.activityId)?.name ?? '',
    memberId: r.memberId,
    memberName: names.get(r.memberId) ?? '',
    month: monthOf(r.month),
    grossCents: r.grossCents,
    employerContributionsCents: r.employerContributionsCents,
    employerCostCents: r.employerCostCents,
    employeeContributionsCents: r.employeeContributionsCents,
    netCents: r.netCents,
    employerRateBp: r.employerRateBp,
    employeeRateBp: r.employeeRateBp,
    status: r.status,
    note: r.note,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    refusalReason: r.refusalReason,
    entryId: r.entryId,
    cancelledAt: r.cancelledAt,
    cancelReason: r.cancelReason,
    cancelEntryId: r.cancelEntryId,
  }));
}
