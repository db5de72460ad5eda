import type { Executor } from '../../platform/db/client.js';
import { accountBalances } from '../ledger/index.js';
import type { ActivityTreasury } from './contract.js';
import { groupBalances, treasuryFigures } from './domain/activity-treasury.js';

export interface TreasuryOptions {
  /** The day the figures stand at: entries dated after it do not count yet. */
  today: string;
  /**
   * Already asked for and not posted yet (pending salary requests), taken off what is
   * available so that two requests cannot spend the same euros.
   */
  reservedCents?: number;
}

/**
 * Where one activity's money stands on `today`, from its ledger lines (monthly totals for the
 * whole months, lines for the days of the current one). The caller checks that the person may
 * see the activity. Salary and advance requests call this; nobody recomputes "available".
 */
export async function activityTreasury(db: Executor, coopId: string, activityId: string, options: TreasuryOptions): Promise<ActivityTreasury> {
  const rows = await accountBalances(db, coopId, { activityId, to: options.today });
  return { activityId, asOf: options.today, ...treasuryFigures(groupBalances(rows), options.reservedCents ?? 0) };
}
