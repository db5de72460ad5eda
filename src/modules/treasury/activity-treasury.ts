import type { Executor } from '../../platform/db/client.js';
import type { ActivityTreasury } from './contract.js';
import { TREASURY_GROUPS, treasuryFigures } from './domain/activity-treasury.js';
import { noBalances, treasuryBalances } from './treasury-balances.js';

export interface TreasuryOptions {
  /** The day the figures stand at: entries dated after it do not count yet. */
  today: string;
  /**
   * Already asked for and not posted yet (pending salary requests), taken off what is
   * available so that two requests cannot spend the same euros.
   */
  reservedCents?: number;
}

/** The treasury's groups of accounts, as the ledger's readers take them. */
export const LEDGER_GROUPS = TREASURY_GROUPS.map((g) => ({ name: g.group, prefixes: g.prefixes, excluded: g.excluded }));

/**
 * Where one activity's money stands on `today`, from its kept balances
 * (`treasury_activity_balances`, the sums of its ledger lines). The caller checks that
 * the person may see the activity. Salary and advance requests call this; nobody recomputes
 * "available". The coop-wide table reads the same balances, so both show the same figures.
 */
export async function activityTreasury(db: Executor, coopId: string, activityId: string, options: TreasuryOptions): Promise<ActivityTreasury> {
  const balances = await treasuryBalances(db, coopId, { to: options.today, activityIds: [activityId] });
  return { activityId, asOf: options.today, ...treasuryFigures(balances.get(activityId) ?? noBalances(), options.reservedCents ?? 0) };
}

export { noBalances, treasuryBalances };
