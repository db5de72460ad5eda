import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { salaryRequests } from './schema.js';

/**
 * The employer cost of the salary requests of an activity asked and not yet validated: money
 * promised but not posted, which the activity's treasury must not spend twice. Passed to
 * `activityTreasury` as its `reservedCents`; exported for every screen that shows "available".
 * `exceptRequestId` leaves one request out (the one being validated, which the check weighs itself).
 */
export async function pendingSalaryCents(db: Executor, coopId: string, activityId: string, opts: { exceptRequestId?: string } = {}): Promise<number> {
  const [row] = await db
    .select({ cents: sql<number>`coalesce(sum(${salaryRequests.employerCostCents}), 0)`.mapWith(Number) })
    .from(salaryRequests)
    .where(
      and(
        eq(salaryRequests.coopId, coopId),
        eq(salaryRequests.activityId, activityId),
        eq(salaryRequests.status, 'requested'),
        opts.exceptRequestId ? ne(salaryRequests.id, opts.exceptRequestId) : undefined,
      ),
    );
  return row?.cents ?? 0;
}
