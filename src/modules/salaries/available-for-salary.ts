import type { Executor } from '../../platform/db/client.js';
import { activityTreasury } from '../treasury/index.js';
import { pendingSalaryCents } from './pending-salary-cents.js';

/**
 * What an activity may spend on a salary on `today`: its treasury (the treasury module's one
 * computation), the salary requests asked and not yet validated taken off as reserved.
 * `exceptRequestId` does not reserve that request: the one being validated is weighed against
 * the rest. Called under `lockActivitySalaries` when the answer decides a write.
 */
export async function availableForSalary(db: Executor, coopId: string, activityId: string, today: string, opts: { exceptRequestId?: string } = {}): Promise<{ availableCents: number; pendingCents: number }> {
  const pendingCents = await pendingSalaryCents(db, coopId, activityId, opts);
  const treasury = await activityTreasury(db, coopId, activityId, { today, reservedCents: pendingCents });
  return { availableCents: treasury.availableCents, pendingCents };
}
